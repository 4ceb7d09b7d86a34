package io.signoff.vault;

import java.util.Objects;

/**
 * A vault operation failed. The reason decides what the operator is told; the message names the connection and the
 * secret's name, never the secret.
 */
public final class VaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The vault works but holds no such entry. */
        NO_SUCH_SECRET,
        /** No keychain exists or answers (Linux without a Secret Service). */
        UNAVAILABLE,
        /** A keychain exists but is locked, or refused access. */
        LOCKED_OR_DENIED
    }

    private final Reason reason;
    private final String connectionId;
    private final String secretName;

    public VaultException(Reason reason, String connectionId, String secretName, Throwable cause) {
        super(messageFor(reason, connectionId, secretName), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.connectionId = connectionId;
        this.secretName = secretName;
    }

    public Reason reason() { return reason; }

    public String connectionId() { return connectionId; }

    public String secretName() { return secretName; }

    /** The sentence for the operator: what happened and what to do. */
    public String userMessage() { return getMessage(); }

    private static String messageFor(Reason reason, String connectionId, String secretName) {
        String what = "the " + secretName + " of connection '" + connectionId + "'";
        return switch (reason) {
            case NO_SUCH_SECRET -> "No secret is stored for " + what
                    + ". Enter it in Connections (edit the connection and type the secret).";
            case UNAVAILABLE -> "Could not reach the OS keychain for " + what + ". " + VaultStatus.NO_KEYCHAIN_EXPLANATION;
            case LOCKED_OR_DENIED -> "The OS keychain is locked or denied access to " + what
                    + ". Unlock it and allow Signoff access, then try again.";
        };
    }
}
