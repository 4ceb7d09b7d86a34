package io.signoff.offboarding;

import io.signoff.provider.BundleJob;
import java.time.Instant;

/**
 * A step's journalled state plus what the runner needs to settle it after a restart.
 *
 * @param callStartedAt when the last provider call started (a revoke is confirmed by sessions older than this being gone)
 * @param job           the queued provider job, to poll it again; null when none
 */
record JournalStep(StepState state, Instant callStartedAt, BundleJob job) {
    JournalStep with(StepState newState) {
        return new JournalStep(newState, callStartedAt, job);
    }
}
