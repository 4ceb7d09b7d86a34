package io.signoff.offboarding;

import io.signoff.model.ErrorKind;
import io.signoff.model.Outcome;
import io.signoff.model.StepStatus;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work on one step, on the runner's threads: the call (journalled before and after, audited), the verification
 * reads, settling an unknown outcome by a read, polling a queued job, and requeueing after a 429.
 */
final class StepWork {
    private static final Logger LOG = LoggerFactory.getLogger(StepWork.class);
    /** Rate-limit requeues of one step before it is reported FAILED (the provider keeps refusing). */
    static final int MAX_RATE_LIMIT_REQUEUES = 25;
    /** Polls in a row that must miss a job before it is called lost. */
    static final int JOB_MISSING_POLLS = 3;
    private static final Set<StepStatus> CALLABLE = EnumSet.of(StepStatus.PENDING, StepStatus.RUNNING,
            StepStatus.UNKNOWN_OUTCOME, StepStatus.FAILED);

    private final OffboardingRunner runner;
    private final AtomicLong callNanos = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    StepWork(OffboardingRunner runner) {
        this.runner = runner;
    }

    /** Takes the step's pacing slot, then calls (later when the lane is busy). */
    void call(ActiveRun run, PlanStep step) {
        Duration wait = runner.pacer.reserve(step);
        if (wait.isZero()) doCall(run, step, providerTime(run));
        else runner.later(wait, () -> doCall(run, step, providerTime(run)));
    }

    /**
     * When a provider job queued now should run: at the run's time while the run is still only scheduled (a call made
     * again after a 429 must not turn a job for Friday into one for now), else at once.
     */
    private Instant providerTime(ActiveRun run) {
        synchronized (run) {
            return run.state == RunState.SCHEDULED && run.scheduledAt != null && run.scheduledAt.isAfter(now())
                    ? run.scheduledAt : null;
        }
    }

    /** @param scheduledAt for a provider job: run it on the provider at this time (null = now) */
    void doCall(ActiveRun run, PlanStep step, Instant scheduledAt) {
        Provider provider = provider(run, step);
        if (provider == null) return;
        Instant started = now();
        StepState running = runner.move(run, step.id(), s -> CALLABLE.contains(s.status()), s -> new StepState(step.id(),
                StepStatus.RUNNING, "Calling: " + step.call(), List.of(), s.attempts() + 1, started, s.reference()),
                "before-call", started, null, false);
        if (running == null) {
            runner.release(run, step.id());
            return;
        }
        long attempt;
        try {
            attempt = runner.audit.step(run.runId, step, StepAudit.action(step.action()), Outcome.ATTEMPTED, null, step.call(), started);
        } catch (RuntimeException e) {
            LOG.error("Run {} step {}: the audit trail refused the attempt row; not calling", run.runId, step.id(), e);
            finish(run, step, StepStatus.FAILED, "Not called: the audit trail could not record the attempt (" + e.getMessage() + ")",
                    List.of(), "", "after-call");
            return;
        }
        long t0 = System.nanoTime();
        try {
            StepCalls.Result result = StepCalls.invoke(provider, step, expectedJob(run, step), run.plan.reference(), scheduledAt);
            callNanos.addAndGet(System.nanoTime() - t0);
            calls.incrementAndGet();
            run.rateLimited.remove(step.id());
            String ref = result.requestId() == null ? "" : result.requestId();
            if (result.job() != null) {
                String when = scheduledAt == null ? "" : "Scheduled on " + step.connectionName() + " for " + scheduledAt + ". ";
                outcome(attempt, run, step, Outcome.SUCCEEDED, result.job().jobName(), "Queued: " + result.message());
                runner.move(run, step.id(), s -> true, s -> new StepState(step.id(), StepStatus.QUEUED, when + result.message(),
                        List.of(), s.attempts(), now(), result.job().jobName()), "after-call", null, result.job(), false);
                if (scheduledAt == null) runner.later(runner.settings.jobPollInterval(), () -> poll(run, step));
                else runner.release(run, step.id());
            } else {
                outcome(attempt, run, step, Outcome.SUCCEEDED, ref, result.message());
                runner.move(run, step.id(), s -> true, s -> new StepState(step.id(), StepStatus.SUCCEEDED, result.message(),
                        List.of(), s.attempts(), now(), ref), "after-call", null, null, false);
                verify(run, step, 1);
            }
        } catch (ProviderException e) {
            failed(run, step, e, attempt);
        } catch (RuntimeException e) {
            LOG.error("Run {} step {}: unexpected failure during the call", run.runId, step.id(), e);
            outcome(attempt, run, step, Outcome.UNKNOWN, null, "Internal error during the call");
            runner.move(run, step.id(), s -> true, s -> s.with(StepStatus.UNKNOWN_OUTCOME,
                    "Internal error during the call: " + e, now()), "after-call", null, null, false);
            settle(run, step, false);
        }
    }

    private void failed(ActiveRun run, PlanStep step, ProviderException e, long attempt) {
        switch (e.kind()) {
            case RATE_LIMITED -> {
                int n = run.rateLimited.merge(step.id(), 1, Integer::sum);
                Duration wait = e.retryAfter() != null ? e.retryAfter() : Duration.ofSeconds(Math.min(60, 2L * n));
                if (wait.compareTo(runner.settings.maxRateLimitWait()) > 0) wait = runner.settings.maxRateLimitWait();
                runner.pacer.slowDown(step, wait);
                outcome(attempt, run, step, Outcome.FAILED, e.auditReference(), "Rate limited (nothing done): " + e.getMessage());
                if (n > MAX_RATE_LIMIT_REQUEUES) {
                    finish(run, step, StepStatus.FAILED, "Still rate limited after " + n + " tries: " + e.getMessage(),
                            List.of(), e.auditReference(), "after-call");
                    return;
                }
                String detail = "Rate limited by " + step.connectionName() + ": trying again in " + seconds(wait)
                        + " (pace slowed to 1/" + runner.pacer.slowdown(step) + ")";
                runner.move(run, step.id(), s -> true, s -> s.with(StepStatus.PENDING, detail, now()), "after-call", null, null, false);
                runner.later(wait, () -> call(run, step));
            }
            case UNKNOWN_OUTCOME -> {
                outcome(attempt, run, step, Outcome.UNKNOWN, e.auditReference(), e.getMessage());
                runner.move(run, step.id(), s -> true, s -> new StepState(step.id(), StepStatus.UNKNOWN_OUTCOME, e.getMessage(),
                        List.of(), s.attempts(), now(), e.auditReference()), "after-call", null, null, false);
                settle(run, step, false);
            }
            default -> {
                String detail = e.kind().summary() + ": " + e.getMessage() + " — " + e.kind().advice();
                outcome(attempt, run, step, Outcome.FAILED, e.auditReference(), e.getMessage());
                finish(run, step, StepStatus.FAILED, detail, List.of(), e.auditReference(), "after-call");
            }
        }
    }

    /**
     * Decides by a read whether the step's effect is there (after an unknown outcome or a crash). Applied: done,
     * nothing is called. Not applied: called when {@code callIfNotApplied}, else FAILED (safe to retry). Undecided:
     * stays UNKNOWN_OUTCOME, after a few reads when the read itself failed in a passing way.
     */
    void settle(ActiveRun run, PlanStep step, boolean callIfNotApplied) {
        settle(run, step, callIfNotApplied, 1);
    }

    private void settle(ActiveRun run, PlanStep step, boolean callIfNotApplied, int read) {
        if (step.manual()) {
            finish(run, step, StepStatus.AWAITING_ATTESTATION, step.instruction(), List.of(), "", "resume");
            return;
        }
        Provider provider = provider(run, step);
        if (provider == null) return;
        JournalStep js = run.step(step.id());
        Verdict verdict = runner.verifier.check(provider, step, js.callStartedAt(), jobOf(run, step, js));
        if (verdict.worthRereading() && read < runner.settings.verifyAttempts()) {
            // The step stays claimed meanwhile: nothing calls it while its outcome is being read.
            LOG.info("Run {} step {}: the settling read failed ({}); reading again", run.runId, step.id(), verdict.detail());
            Duration wait = readAgainIn(runner.settings.verifyInterval(), verdict.retryAfter());
            if (refusedForLonger(verdict, runner.settings.verifyInterval())) {
                String detail = "Outcome unknown; " + step.connectionName() + " rate limited the read that settles it:"
                        + " reading again in " + seconds(wait);
                runner.move(run, step.id(), s -> s.status() == StepStatus.UNKNOWN_OUTCOME,
                        s -> s.with(StepStatus.UNKNOWN_OUTCOME, detail, now()), "verify", null, null, false);
            }
            runner.later(wait, () -> settle(run, step, callIfNotApplied, read + 1));
            return;
        }
        switch (verdict.kind()) {
            case APPLIED -> {
                if (verdict.job() != null) {
                    audit(run, step, Outcome.VERIFIED, verdict.job().jobName(), "Settled by reading: " + verdict.detail());
                    runner.move(run, step.id(), s -> true, s -> new StepState(step.id(), StepStatus.QUEUED, verdict.detail(),
                            List.of(), s.attempts(), now(), verdict.job().jobName()), "verify", null, verdict.job(), false);
                    poll(run, step);
                } else {
                    audit(run, step, Outcome.VERIFIED, null, "Settled by reading: " + verdict.detail());
                    finish(run, step, StepStatus.VERIFIED, "Settled by reading, not called again: " + verdict.detail(),
                            List.of(), js.state().reference(), "verify");
                }
            }
            case NOT_APPLIED -> {
                if (callIfNotApplied) {
                    call(run, step);
                } else {
                    audit(run, step, Outcome.FAILED, null, "Checked by reading, not done: " + verdict.detail());
                    finish(run, step, StepStatus.FAILED, "Not done (checked by reading: " + verdict.detail()
                            + "): retry is safe", List.of(), js.state().reference(), "verify");
                }
            }
            case UNDETERMINED -> finish(run, step, StepStatus.UNKNOWN_OUTCOME, "Outcome unknown and a read could not settle it ("
                    + verdict.detail() + "): Retry reads again before any call; skip once checked by hand",
                    List.of(), js.state().reference(), "verify");
        }
    }

    /**
     * Confirms a succeeded call by reading; a few tries for provider lag, then settles for SUCCEEDED. A read refused
     * with a long Retry-After settles at once: the call is done, and holding the run for a courtesy read is not worth
     * minutes.
     */
    void verify(ActiveRun run, PlanStep step, int attempt) {
        Provider provider = provider(run, step);
        if (provider == null) return;
        JournalStep js = run.step(step.id());
        if (js.state().status() != StepStatus.SUCCEEDED) {
            runner.release(run, step.id());
            return;
        }
        Verdict verdict = runner.verifier.check(provider, step, js.callStartedAt(), jobOf(run, step, js));
        if (verdict.kind() == Verdict.Kind.APPLIED) {
            audit(run, step, Outcome.VERIFIED, js.state().reference(), verdict.detail());
            finish(run, step, StepStatus.VERIFIED, verdict.detail(), List.of(), js.state().reference(), "verify");
        } else if ((verdict.kind() == Verdict.Kind.NOT_APPLIED || verdict.worthRereading())
                && attempt < runner.settings.verifyAttempts() && !refusedForLonger(verdict, runner.settings.verifyInterval())) {
            runner.later(runner.settings.verifyInterval(), () -> verify(run, step, attempt + 1));
        } else {
            String why = verdict.kind() == Verdict.Kind.NOT_APPLIED ? "the read does not show it yet: " : "no read-back: ";
            finish(run, step, StepStatus.SUCCEEDED, js.state().detail() + " (not verified — " + why + verdict.detail() + ")",
                    List.of(), js.state().reference(), "verify");
        }
    }

    /**
     * When to read again after a read failed: the usual pause, or the Retry-After of a 429 when that is longer (up to
     * the longest wait honoured). Reading again sooner would only be refused again, and spend the provider's budget.
     */
    private Duration readAgainIn(Duration usual, Duration retryAfter) {
        if (retryAfter == null) return usual;
        Duration cap = runner.settings.maxRateLimitWait();
        Duration asked = retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        return asked.compareTo(usual) > 0 ? asked : usual;
    }

    private static boolean refusedForLonger(Verdict verdict, Duration usual) {
        return verdict.retryAfter() != null && verdict.retryAfter().compareTo(usual) > 0;
    }

    /** Polls a queued provider job until it reports, then maps its per-step outcomes. */
    void poll(ActiveRun run, PlanStep step) {
        JournalStep js = run.step(step.id());
        boolean onlyScheduled;
        synchronized (run) {
            onlyScheduled = run.state == RunState.SCHEDULED;
        }
        if (js.state().status() != StepStatus.QUEUED || onlyScheduled) {
            // A run still only scheduled polls its jobs once it starts, not while it is being scheduled.
            runner.release(run, step.id());
            return;
        }
        if (run.scheduledAt != null && now().isBefore(run.scheduledAt)) {
            runner.later(Duration.between(now(), run.scheduledAt), () -> poll(run, step));
            return;
        }
        Provider provider = provider(run, step);
        if (provider == null) return;
        Instant since;
        synchronized (run) {
            since = run.pollingSince.computeIfAbsent(step.id(), k -> now());
        }
        BundleJob job = jobOf(run, step, js);
        BundleStatus status;
        try {
            status = provider.offboardingStatus(job);
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.CREDENTIALS_REJECTED || e.kind() == ErrorKind.PERMISSION_MISSING || e.kind() == ErrorKind.UNSUPPORTED) {
                stopPolling(run, step, "Cannot read the job's state: " + e.getMessage());
            } else if (Duration.between(since, now()).compareTo(runner.settings.jobPollLimit()) > 0) {
                stopPolling(run, step, "The job's state could not be read for " + seconds(runner.settings.jobPollLimit())
                        + " (last: " + e.getMessage() + "): polling stopped; Retry polls again");
            } else {
                LOG.debug("Run {} step {}: job poll failed, polling again: {}", run.runId, step.id(), e.getMessage());
                Duration asked = e.kind() == ErrorKind.RATE_LIMITED ? e.retryAfter() : null;
                Duration wait = readAgainIn(runner.settings.jobPollInterval(), asked);
                if (wait.compareTo(runner.settings.jobPollInterval()) > 0) {
                    String detail = js.state().detail().replaceFirst(" \\(rate limited: polling again in .*\\)$", "")
                            + " (rate limited: polling again in " + seconds(wait) + ")";
                    runner.move(run, step.id(), s -> s.status() == StepStatus.QUEUED, s -> s.with(StepStatus.QUEUED, detail, now()),
                            "poll", null, null, false);
                }
                runner.later(wait, () -> poll(run, step));
            }
            return;
        }
        switch (status.state()) {
            case PLANNED, RUNNING -> {
                if (Duration.between(since, now()).compareTo(runner.settings.jobPollLimit()) > 0) {
                    stopPolling(run, step, "Still " + label(status.state()) + " after " + seconds(runner.settings.jobPollLimit())
                            + ": polling stopped; Retry polls again");
                    return;
                }
                String detail = "Job " + label(status.state()) + " on " + step.connectionName() + " (" + job.jobName() + ")";
                // Found by its name, not its marker (queued by someone else, or by an older Signoff): followed by name
                // from now on, or it would be lost once it finished.
                BundleJob follow = status.foundByName() && job.reference() != null ? Verifier.byName(job) : null;
                if (!detail.equals(js.state().detail()) || follow != null) {
                    runner.move(run, step.id(), s -> s.status() == StepStatus.QUEUED, s -> s.with(StepStatus.QUEUED, detail, now()),
                            "poll", null, follow, false);
                }
                runner.later(runner.settings.jobPollInterval(), () -> poll(run, step));
            }
            case COMPLETED, FAILED -> jobFinished(run, step, status);
            case NOT_FOUND -> {
                int missing = run.jobMissing.merge(step.id(), 1, Integer::sum);
                if (missing >= JOB_MISSING_POLLS) {
                    audit(run, step, Outcome.UNKNOWN, job.jobName(), "Job not listed");
                    finish(run, step, StepStatus.UNKNOWN_OUTCOME, "The job '" + job.jobName() + "' is no longer listed by "
                            + step.connectionName() + ": check it there", List.of(), js.state().reference(), "poll");
                } else {
                    runner.later(runner.settings.jobPollInterval(), () -> poll(run, step));
                }
            }
        }
    }

    private void jobFinished(ActiveRun run, PlanStep step, BundleStatus status) {
        List<String> failures = status.steps().stream().filter(s -> !s.succeeded()).map(BundleStatus.StepOutcome::sentence).toList();
        String ref = run.step(step.id()).state().reference();
        int total = status.steps().size();
        if (status.state() == BundleStatus.State.FAILED) {
            String detail = "Job failed" + (status.rawResults().isBlank() ? "" : ": " + abbreviate(status.rawResults()));
            audit(run, step, Outcome.FAILED, ref, detail);
            finish(run, step, StepStatus.FAILED, detail, failures, ref, "poll");
        } else if (status.anyStepFailed()) {
            String detail = "Job completed with " + failures.size() + " of " + total + " parts failed";
            audit(run, step, Outcome.FAILED, ref, detail + ": " + String.join(" | ", failures));
            finish(run, step, StepStatus.PARTLY_FAILED, detail, failures, ref, "poll");
        } else {
            String detail = "Job completed: " + total + " part" + (total == 1 ? "" : "s") + " done";
            audit(run, step, Outcome.SUCCEEDED, ref, detail);
            finish(run, step, StepStatus.SUCCEEDED, detail, List.of(), ref, "poll");
        }
    }

    private void stopPolling(ActiveRun run, PlanStep step, String detail) {
        synchronized (run) {
            run.pollStopped.add(step.id());
        }
        runner.move(run, step.id(), s -> s.status() == StepStatus.QUEUED, s -> s.with(StepStatus.QUEUED, detail, now()),
                "poll", null, null, true);
    }

    /** The run's ETA: the remaining automatic calls under each lane's pace, lanes in parallel, plus average call time. */
    Duration eta(ActiveRun run) {
        java.util.Map<String, Duration> lanes = new java.util.HashMap<>();
        int remaining = 0;
        for (StepState s : run.states()) {
            PlanStep step = run.planStep(s.stepId());
            if (step.manual() || (s.status() != StepStatus.PENDING && s.status() != StepStatus.RUNNING)) continue;
            remaining++;
            lanes.merge(step.connectionId() + "|" + step.action(), runner.pacer.interval(step), Duration::plus);
        }
        if (remaining == 0) return run.states().stream().anyMatch(s -> s.status() == StepStatus.QUEUED) ? null : Duration.ZERO;
        Duration paced = lanes.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        long n = calls.get();
        Duration average = n == 0 ? Duration.ofMillis(500) : Duration.ofNanos(callNanos.get() / n);
        int rounds = (remaining + runner.settings.parallelism() - 1) / runner.settings.parallelism();
        Duration working = average.multipliedBy(rounds);
        return paced.compareTo(working) > 0 ? paced : working;
    }

    private static BundleJob expectedJob(ActiveRun run, PlanStep step) {
        return step.action() == StepAction.OFFBOARD_BUNDLE ? Verifier.expectedJob(step, run.runId) : null;
    }

    /** The step's job as journalled, or, when the queue call's answer never came, the one it would have made. */
    private static BundleJob jobOf(ActiveRun run, PlanStep step, JournalStep js) {
        return js.job() != null ? js.job() : expectedJob(run, step);
    }

    private Provider provider(ActiveRun run, PlanStep step) {
        try {
            return runner.providers.provider(step.connectionId());
        } catch (ProviderException | RuntimeException e) {
            StepStatus now = run.step(step.id()).state().status();
            // Not knowing whether an earlier call landed stays UNKNOWN_OUTCOME; a step never called simply fails.
            StepStatus to = now == StepStatus.RUNNING || now == StepStatus.UNKNOWN_OUTCOME ? StepStatus.UNKNOWN_OUTCOME
                    : now == StepStatus.QUEUED ? StepStatus.QUEUED : StepStatus.FAILED;
            if (to == StepStatus.QUEUED) {
                stopPolling(run, step, "Connection " + step.connectionName() + " is not available: " + e.getMessage());
            } else {
                finish(run, step, to, "Connection " + step.connectionName() + " is not available: " + e.getMessage(),
                        List.of(), run.step(step.id()).state().reference(), "after-call");
            }
            return null;
        }
    }

    private void finish(ActiveRun run, PlanStep step, StepStatus status, String detail, List<String> failures, String reference,
                        String phase) {
        runner.move(run, step.id(), s -> true, s -> new StepState(step.id(), status, detail, failures, s.attempts(), now(),
                reference), phase, null, null, true);
    }

    private void audit(ActiveRun run, PlanStep step, Outcome outcome, String reference, String message) {
        try {
            runner.audit.step(run.runId, step, StepAudit.action(step.action()), outcome, reference, message, now());
        } catch (RuntimeException e) {
            // The journal already holds the outcome; the audit gap is reported loudly, once.
            LOG.error("Run {} step {}: the audit trail refused the {} row", run.runId, step.id(), outcome.slug(), e);
        }
    }

    private void outcome(long attempt, ActiveRun run, PlanStep step, Outcome outcome, String reference, String message) {
        try {
            runner.audit.outcome(attempt, run.runId, step, outcome, reference, message, now());
        } catch (RuntimeException e) {
            LOG.error("Run {} step {}: the audit trail refused the {} row", run.runId, step.id(), outcome.slug(), e);
        }
    }

    private Instant now() { return runner.clock.instant(); }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s >= 120 ? (s / 60) + " min" : s + " s";
    }

    private static String label(BundleStatus.State state) { return state.name().toLowerCase(Locale.ROOT); }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 297) + "…" : oneLine;
    }
}
