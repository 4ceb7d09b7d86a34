package io.signoff.offboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Run at DATE TIME". Provider jobs that can be scheduled on the provider (CIPP: Scheduled.enabled + unix date) are
 * queued there at once and polled at/after the time; everything else is kept in the journal and runs only while the
 * console is open at that time. A run whose time passed while the console was closed (or asleep) is MISSED: offered
 * to the operator, never run silently late.
 */
public final class OffboardingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OffboardingScheduler.class);
    private final OffboardingJournal journal;
    private final ScheduledRuns runs;
    private final RunnerSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();
    private final Map<String, RunListener> listeners = new ConcurrentHashMap<>();

    /** @param timer fires due runs; the scheduler does not shut it down */
    public OffboardingScheduler(OffboardingJournal journal, OffboardingRunner runner, RunnerSettings settings, Clock clock,
                                ScheduledExecutorService timer) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.runs = new ScheduledRuns(Objects.requireNonNull(runner, "runner"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Arms timers for the scheduled runs in the journal and marks those already past due (beyond the grace period) as
     * MISSED. Call once at start.
     *
     * @return the missed runs (also those missed before and not yet decided), to offer to the operator
     */
    public List<RunSummary> start() {
        for (RunSummary run : journal.runs(Set.of(RunState.SCHEDULED))) {
            if (late(run.scheduledAt())) markMissed(run);
            else arm(run.runId(), run.scheduledAt());
        }
        return missed();
    }

    /** Journals the plan to run at {@code runAt} (which must be in the future) and arms its timer. */
    public RunSnapshot schedule(OffboardingPlan plan, Instant runAt, RunListener listener) {
        Objects.requireNonNull(runAt, "runAt");
        if (!runAt.isAfter(clock.instant())) throw new IllegalArgumentException("Choose a time in the future");
        RunSnapshot scheduled = runs.schedule(plan, runAt);
        if (listener != null) listeners.put(scheduled.runId(), listener);
        arm(scheduled.runId(), runAt);
        return scheduled;
    }

    /** Scheduled runs not yet due, soonest first. */
    public List<RunSummary> upcoming() {
        return journal.runs(Set.of(RunState.SCHEDULED)).stream()
                .sorted(Comparator.comparing(RunSummary::scheduledAt)).toList();
    }

    /** Runs whose time passed while the console was closed, waiting for the operator's decision. */
    public List<RunSummary> missed() {
        return journal.runs(Set.of(RunState.MISSED)).stream()
                .sorted(Comparator.comparing(RunSummary::scheduledAt)).toList();
    }

    /** The operator's decision on a missed (or an upcoming) run: start it now. */
    public RunSnapshot runNow(String runId, RunListener listener) {
        disarm(runId);
        RunListener l = listener != null ? listener : listeners.remove(runId);
        return runs.startScheduled(runId, l, "Started now by the operator");
    }

    /** The operator's decision on a missed or upcoming run: drop it (CANCELLED, with the reason journalled). */
    public void cancel(String runId, String reason) {
        String why = reason == null || reason.isBlank() ? "Cancelled by the operator" : reason.strip();
        runs.cancelScheduled(runId, why);
        disarm(runId);
        listeners.remove(runId);
    }

    @Override
    public void close() {
        armed.values().forEach(f -> f.cancel(false));
        armed.clear();
    }

    private void arm(String runId, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        try {
            armed.put(runId, timer.schedule(() -> fire(runId, at), delay, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            LOG.warn("Cannot arm scheduled run {}: the timer is shut down", runId);
        }
    }

    private void disarm(String runId) {
        ScheduledFuture<?> f = armed.remove(runId);
        if (f != null) f.cancel(false);
    }

    /** At the due time: run it, unless the console woke up too late (sleep, a clock jump): then it is missed. */
    private void fire(String runId, Instant at) {
        armed.remove(runId);
        try {
            RunSnapshot run = journal.load(runId).orElse(null);
            if (run == null || run.state() != RunState.SCHEDULED) return;
            if (late(at)) {
                markMissed(Progress.summary(journal.loadRun(runId).orElseThrow()));
                return;
            }
            runs.startScheduled(runId, listeners.remove(runId), "Started at its scheduled time " + at);
        } catch (RunLocks.RunBusyException e) {
            // Every open console arms the same schedule; the first to take the run's lock runs it.
            LOG.info("Scheduled run {} is started by another Signoff: {}", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled run {} could not start", runId, e);
        }
    }

    private boolean late(Instant at) {
        return clock.instant().isAfter(at.plus(settings.missedGrace()));
    }

    /** Under the run's lock: another console may be starting it at this very moment (then it is not missed). */
    private void markMissed(RunSummary run) {
        runs.markMissed(run.runId(), "Due at " + run.scheduledAt()
                + " while the console was not open: not run; waiting for the operator");
    }
}
