package io.signoff.provider;

import java.util.Arrays;

/**
 * A new password (or a one-time link to it). Deliberately not a record: toString never shows the secret.
 * Call {@link #wipe()} once the operator has seen it.
 */
public final class PasswordReset {
    private final char[] secret;
    private final String message;

    public PasswordReset(char[] secret, String message) {
        this.secret = secret.clone();
        this.message = message;
    }

    public char[] secret() { return secret.clone(); }

    /** The provider's sentence, with the secret removed. */
    public String message() { return message; }

    public void wipe() { Arrays.fill(secret, '\0'); }

    @Override
    public String toString() { return "PasswordReset[secret=***, message=" + message + "]"; }
}
