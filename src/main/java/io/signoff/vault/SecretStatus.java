package io.signoff.vault;

/** What the console shows about one secret of a connection: never the secret, only where it is. */
public enum SecretStatus {
    IN_KEYCHAIN("stored in keychain"),
    SESSION_ONLY("this session only"),
    MISSING("missing"),
    /** The keychain could not be asked (none, or locked): the secret may be there. */
    KEYCHAIN_UNREACHABLE("keychain unreachable");

    private final String text;

    SecretStatus(String text) {
        this.text = text;
    }

    /** The words the connection list shows. */
    public String text() { return text; }

    public boolean isPresent() { return this == IN_KEYCHAIN || this == SESSION_ONLY; }
}
