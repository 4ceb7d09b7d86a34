package io.signoff.model;

/** The life of one offboarding checklist step. */
public enum StepStatus {
    PENDING, RUNNING, QUEUED, SUCCEEDED, VERIFIED, PARTLY_FAILED, FAILED, UNKNOWN_OUTCOME, SKIPPED, AWAITING_ATTESTATION, ATTESTED;

    public boolean terminal() {
        return switch (this) {
            case SUCCEEDED, VERIFIED, FAILED, PARTLY_FAILED, SKIPPED, ATTESTED -> true;
            default -> false;
        };
    }
}
