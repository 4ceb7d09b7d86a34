package io.signoff.offboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs offboarding plans truthfully: each step's state is journalled before and after its provider call and audited;
 * effects are confirmed by reads where the provider allows (VERIFIED); a provider job (CIPP) stays QUEUED until
 * polling shows its real result; an unknown outcome is settled by a read before anything is called again; a 429 slows
 * the pacing and requeues the step instead of failing it. Steps whose dependencies are done run in parallel.
 *
 * <p>All methods return at once; work happens on the runner's threads and is reported to the {@link RunListener}s.
 */
public final class OffboardingRunner implements AutoCloseable {

    /**
     * @param channel "ui" or "cli", written to every audit row
     * @param timer   runs the steps, polls jobs and waits out rate limits; the runner does not shut it down
     */
    public OffboardingRunner(OffboardingJournal journal, ProviderLookup providers, AuditWriter audit, Operator operator,
                             String channel, RunnerSettings settings, Clock clock, ScheduledExecutorService timer) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Journals the plan as a new run and starts it.
     *
     * @throws IllegalArgumentException when the plan is not {@link OffboardingPlan#runnable()}
     */
    public RunSnapshot start(OffboardingPlan plan, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Continues a run found in the journal (interrupted, needing attention, missed). Steps whose outcome is unknown
     * (RUNNING when the console stopped, UNKNOWN_OUTCOME) are settled by a read first; QUEUED jobs are polled again.
     */
    public RunSnapshot resume(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs a FAILED or UNKNOWN_OUTCOME step again; an unknown outcome is verified by a read before any call. */
    public StepState retry(String runId, String stepId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Marks a step SKIPPED with the operator's reason; the steps depending on it may then go ahead. */
    public StepState skip(String runId, String stepId, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Completes a manual step (AWAITING_ATTESTATION) with the operator's note as evidence. */
    public StepState attest(String runId, String stepId, String note) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The run as it stands (from memory when active here, else from the journal). */
    public Optional<RunSnapshot> snapshot(String runId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Adds a listener to an active run. */
    public void addListener(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    public void removeListener(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs being executed by this runner now. */
    public List<String> activeRuns() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Blocks until the run has nothing left to do on its own (FINISHED or NEEDS_ATTENTION) or the timeout passes; for the
     * CLI and tests. Returns the snapshot at that moment.
     */
    public RunSnapshot awaitSettled(String runId, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Journals a plan as a SCHEDULED run due at {@code runAt}; provider jobs that can be scheduled on the provider
     * (CIPP) are queued there at once for that time. The scheduler starts the rest when it is due.
     */
    RunSnapshot schedule(OffboardingPlan plan, Instant runAt, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops taking work; steps in flight finish their current call and stay journalled. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
