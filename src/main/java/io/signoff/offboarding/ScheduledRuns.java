package io.signoff.offboarding;

import io.signoff.model.Outcome;
import io.signoff.model.StepStatus;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's side of "run at DATE TIME", for {@link OffboardingScheduler}: journals a plan to run later (queueing its
 * provider jobs on the provider for that time), then starts, cancels or marks missed the scheduled run. Each reads the
 * run, checks its state and changes it under the run's lock, so that two consoles arming the same schedule cannot both
 * start it, or cancel it while the other starts it.
 */
final class ScheduledRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    private final OffboardingRunner runner;

    ScheduledRuns(OffboardingRunner runner) {
        this.runner = runner;
    }

    /**
     * Journals a plan as a SCHEDULED run due at {@code runAt}; provider jobs are queued on the provider at once for
     * that time (CIPP runs them even when this console is closed). Blocks for those calls.
     */
    RunSnapshot schedule(OffboardingPlan plan, Instant runAt) {
        RunRules.requireRunnable(plan);
        String runId = RunRules.newRunId();
        Instant now = runner.clock.instant();
        // Taken before the journal shows the run to other consoles: not to be started or cancelled while its provider
        // jobs are being queued, nor while a 429 or a lost answer has the queue call waiting to be made again or read.
        runner.locks.acquire(runId);
        try {
            runner.journal.createRun(runId, plan, RunState.SCHEDULED, runner.operator, runner.channel, now, runAt);
            runner.audit.run(runId, "offboarding.run_scheduled", Outcome.SUCCEEDED, "Scheduled for " + runAt, now,
                    RunRules.people(plan));
            ActiveRun run = new ActiveRun(runner.journal.loadRun(runId).orElseThrow());
            for (PlanStep step : plan.steps()) {
                if (step.action() == StepAction.OFFBOARD_BUNDLE && run.claim(step.id())) runner.work.doCall(run, step, runAt);
            }
            awaitQueueCalls(run);
            return runner.snapshot(run);
        } finally {
            runner.locks.release(runId, false);
        }
    }

    /** Waits until no queue call of the run is pending (retried after a 429, or being settled by a read). */
    private void awaitQueueCalls(ActiveRun run) {
        long deadline = System.nanoTime() + runner.settings.maxRateLimitWait().multipliedBy(3).toNanos();
        synchronized (run) {
            while (run.anyBusy()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Scheduled run {}: its provider jobs are still being queued after {}; the run is let go now",
                            run.runId, runner.settings.maxRateLimitWait().multipliedBy(3));
                    return;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(run, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Starts a scheduled (or missed) run now. */
    RunSnapshot startScheduled(String runId, RunListener listener, String note) {
        synchronized (runner.takeovers) {
            JournalRun stored = runner.lockedRun(runId);
            if (stored.state() != RunState.SCHEDULED && stored.state() != RunState.MISSED) {
                runner.locks.release(runId, false);
                throw new IllegalStateException("Run " + runId + " is " + RunRules.label(stored.state()) + ", not scheduled");
            }
            ActiveRun run = runner.takeOver(stored, note, "offboarding.run_started", note);
            if (listener != null) run.listeners.add(listener);
            runner.pump(run);
            return runner.snapshot(run);
        }
    }

    /**
     * Drops a scheduled or missed run (CANCELLED, the reason journalled and audited), under the run's lock so that it
     * cannot be cancelled here while another Signoff starts it.
     */
    void cancelScheduled(String runId, String why) {
        synchronized (runner.takeovers) {
            JournalRun stored = runner.lockedRun(runId);
            boolean cancelled = false;
            try {
                if (stored.state() != RunState.SCHEDULED && stored.state() != RunState.MISSED) {
                    throw new IllegalStateException("Only a scheduled or missed run can be cancelled; run " + runId + " is "
                            + RunRules.label(stored.state()));
                }
                boolean providerJobs = stored.steps().stream().anyMatch(s -> s.state().status() == StepStatus.QUEUED);
                String note = why + (providerJobs ? " — the provider job(s) already scheduled on the provider stay scheduled"
                        + " there: remove them in the provider's console" : "");
                Instant now = runner.clock.instant();
                runner.journal.setRunState(runId, RunState.CANCELLED, note, now);
                runner.audit.run(runId, "offboarding.run_cancelled", Outcome.SUCCEEDED, note, now,
                        RunRules.people(stored.plan()));
                cancelled = true;
            } finally {
                runner.locks.release(runId, cancelled); // a cancelled run is final: its lock file goes
            }
        }
    }

    /**
     * Marks a scheduled run MISSED (its time passed while no console was open), unless another Signoff is working on it
     * or it is no longer scheduled.
     *
     * @return whether it was marked
     */
    boolean markMissed(String runId, String note) {
        synchronized (runner.takeovers) {
            JournalRun stored;
            try {
                stored = runner.lockedRun(runId);
            } catch (RunLocks.RunBusyException startedElsewhere) {
                return false;
            }
            try {
                if (stored.state() != RunState.SCHEDULED) return false;
                Instant now = runner.clock.instant();
                runner.journal.setRunState(runId, RunState.MISSED, note, now);
                runner.audit.run(runId, "offboarding.run_missed", Outcome.FAILED, note, now,
                        RunRules.people(stored.plan()));
                return true;
            } finally {
                runner.locks.release(runId, false);
            }
        }
    }
}
