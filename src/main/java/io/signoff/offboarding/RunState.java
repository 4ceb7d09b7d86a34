package io.signoff.offboarding;

/** Where a whole run stands. */
public enum RunState {
    /** Waiting for its scheduled time (CIPP jobs may already be queued on the CIPP server). */
    SCHEDULED,
    /** Steps are running or waiting for a provider (queued jobs, rate-limit waits). */
    RUNNING,
    /** Nothing can move without the operator: steps await attestation, failed, or have an unknown outcome. */
    NEEDS_ATTENTION,
    /** Every step is done (succeeded, verified, partly failed, skipped or attested). */
    FINISHED,
    /** The console stopped while the run was going (crash, kill, closed): offered for resumption. */
    INTERRUPTED,
    /** Its scheduled time passed while the console was closed: offered to the operator, never run silently late. */
    MISSED,
    /** The operator cancelled it (a scheduled or missed run dismissed). */
    CANCELLED;

    /** Still worth offering to the operator: it can be resumed or continued. */
    public boolean open() {
        return this == RUNNING || this == NEEDS_ATTENTION || this == INTERRUPTED;
    }
}
