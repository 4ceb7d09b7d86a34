package io.signoff.vault;

/** Where the operator chose to keep a secret. */
public enum SecretPlacement {
    /** The OS keychain: survives restarts. */
    KEYCHAIN,
    /** Memory only, because no keychain was available: forgotten when Signoff closes. */
    SESSION_ONLY
}
