package io.signoff.controller;

/** What reading back after a revoke showed. */
public enum VerifyState {
    PENDING("waiting for the revoke"),
    VERIFIED("verified"),
    NOT_YET_VISIBLE("not yet visible — will re-check"),
    FAILED("failed"),
    MANUAL("manual step needed"),
    /** The revoke was never sent (cancelled, not connected, or the attempt could not be audited). */
    NOT_SENT("not sent");

    private final String label;

    VerifyState(String label) { this.label = label; }

    public String label() { return label; }

    public boolean terminal() { return this != PENDING && this != NOT_YET_VISIBLE; }
}
