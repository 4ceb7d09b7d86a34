package io.signoff.model;

/** The outcome column of an audit row. ATTEMPTED is written before a call, the others after it. */
public enum Outcome {
    ATTEMPTED, SUCCEEDED, FAILED, UNKNOWN, VERIFIED, ATTESTED;

    public String slug() { return name().toLowerCase(java.util.Locale.ROOT); }
}
