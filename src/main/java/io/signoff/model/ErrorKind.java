package io.signoff.model;

/** Every provider failure falls into one of these, so the UI and the runner can act without knowing the provider. */
public enum ErrorKind {
    CREDENTIALS_REJECTED("The provider rejected the credentials", "Check the secret in Connections, or issue a new one."),
    PERMISSION_MISSING("The credentials lack a permission", "Grant the named scope or role to the API client, then retry."),
    NOT_FOUND("Not found", "Check the spelling, or whether the account was already removed."),
    RATE_LIMITED("The provider is rate limiting us", "Signoff waits and retries; nothing to do unless it persists."),
    TRANSIENT("The provider could not be reached or failed temporarily", "Retry in a moment; check the network or proxy."),
    INVALID_INPUT("The provider refused the request as invalid", "Correct the input named in the message."),
    UNSUPPORTED("The provider has no API for this", "Do it by hand in the provider's admin console and attest it."),
    UNKNOWN_OUTCOME("The outcome is unknown: part of it may have happened", "Signoff verifies by reading back before any retry.");

    private final String summary;
    private final String advice;

    ErrorKind(String summary, String advice) {
        this.summary = summary;
        this.advice = advice;
    }

    public String summary() { return summary; }

    /** What the operator should do about it, in one sentence. */
    public String advice() { return advice; }
}
