package io.signoff.offboarding;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * "Run at DATE TIME". Provider jobs that can be scheduled on the provider (CIPP: Scheduled.enabled + unix date) are
 * queued there at once and polled at/after the time; everything else is kept in the journal and runs only while the
 * console is open at that time. A run whose time passed while the console was closed is MISSED: offered to the
 * operator, never run silently late.
 */
public final class OffboardingScheduler implements AutoCloseable {

    /** @param timer fires due runs; the scheduler does not shut it down */
    public OffboardingScheduler(OffboardingJournal journal, OffboardingRunner runner, RunnerSettings settings, Clock clock,
                                ScheduledExecutorService timer) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Arms timers for the scheduled runs in the journal and marks those already past due (beyond the grace period) as
     * MISSED. Call once at start.
     *
     * @return the missed runs, to offer to the operator
     */
    public List<RunSummary> start() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Journals the plan to run at {@code runAt} (which must be in the future) and arms its timer. */
    public RunSnapshot schedule(OffboardingPlan plan, Instant runAt, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Scheduled runs not yet due, soonest first. */
    public List<RunSummary> upcoming() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs whose time passed while the console was closed, waiting for the operator's decision. */
    public List<RunSummary> missed() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The operator's decision on a missed (or an upcoming) run: start it now. */
    public RunSnapshot runNow(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The operator's decision on a missed or upcoming run: drop it (CANCELLED, with the reason journalled). */
    public void cancel(String runId, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
