package io.signoff.offboarding;

import java.time.Duration;

/**
 * Counts over a run's steps, and an estimate of the time left.
 *
 * @param done    steps in a final state (succeeded, verified, partly failed, failed, skipped, attested)
 * @param waiting steps waiting for the operator (awaiting attestation, failed, unknown outcome)
 * @param eta     the time the remaining automatic steps need under the providers' pacing, or null when unknown
 */
public record RunProgress(int total, int done, int running, int queued, int waiting, int failed, Duration eta) {

    /** 0.0 … 1.0 */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
