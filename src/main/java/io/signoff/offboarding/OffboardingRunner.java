package io.signoff.offboarding;

import io.signoff.model.Outcome;
import io.signoff.model.StepStatus;
import io.signoff.provider.BundleJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs offboarding plans truthfully: each step's state is journalled before and after its provider call and audited;
 * effects are confirmed by reads where the provider allows (VERIFIED); a provider job (CIPP) stays QUEUED until
 * polling shows its real result; an unknown outcome is settled by a read before anything is called again; a 429 slows
 * the pacing and requeues the step instead of failing it. Steps whose dependencies are done run in parallel.
 *
 * <p>All public methods return at once; work happens on the runner's threads and is reported to the
 * {@link RunListener}s. Operator actions on a run not active in this process resume it first.
 */
public final class OffboardingRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OffboardingRunner.class);
    private static final Set<RunState> RESUMABLE = EnumSet.of(RunState.RUNNING, RunState.NEEDS_ATTENTION,
            RunState.INTERRUPTED);

    final OffboardingJournal journal;
    final ProviderLookup providers;
    final StepAudit audit;
    final RunnerSettings settings;
    final Clock clock;
    final Pacer pacer;
    final Verifier verifier;
    final Operator operator;
    final String channel;
    private final RunnerThreads threads;
    final StepWork work;
    final RunLocks locks;
    private final Map<String, ActiveRun> active = new ConcurrentHashMap<>();
    /** Held while a run is taken over, started, cancelled or marked missed: each reads, checks and changes its state. */
    final Object takeovers = new Object();

    /**
     * @param channel "ui" or "cli", written to every audit row
     * @param timer   waits out pacing, rate limits and job polls; the runner does not shut it down
     */
    public OffboardingRunner(OffboardingJournal journal, ProviderLookup providers, AuditWriter audit, Operator operator,
                             String channel, RunnerSettings settings, Clock clock, ScheduledExecutorService timer) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.audit = new StepAudit(Objects.requireNonNull(audit, "audit"), operator, channel);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = new RunnerThreads(settings.parallelism(), Objects.requireNonNull(timer, "timer"));
        this.pacer = new Pacer(settings.pacing());
        this.verifier = new Verifier(settings.clockSkew());
        this.work = new StepWork(this);
        this.locks = new RunLocks(RunLocks.beside(journal.file()), ("cli".equals(channel) ? "the command line" : "a console")
                + " of " + operator.name());
    }

    /**
     * Journals the plan as a new run and starts it.
     *
     * @throws IllegalArgumentException when the plan is not {@link OffboardingPlan#runnable()}
     */
    public RunSnapshot start(OffboardingPlan plan, RunListener listener) {
        RunRules.requireRunnable(plan);
        String runId = RunRules.newRunId();
        Instant now = clock.instant();
        locks.acquire(runId); // before the journal shows the run to other consoles
        ActiveRun run;
        try {
            journal.createRun(runId, plan, RunState.RUNNING, operator, channel, now, null);
            String summary = plan.steps().size() + " steps for " + plan.people().size() + " people"
                    + (plan.reference().isBlank() ? "" : ", reference " + plan.reference());
            audit.run(runId, "offboarding.run_started", Outcome.SUCCEEDED, summary, now, RunRules.people(plan));
            run = activate(runId);
        } catch (RuntimeException e) {
            locks.release(runId, false);
            throw e;
        }
        if (listener != null) run.listeners.add(listener);
        pump(run);
        return snapshot(run);
    }

    /**
     * Continues a run found in the journal (interrupted, needing attention). Steps whose outcome is unknown (RUNNING
     * when the console stopped, UNKNOWN_OUTCOME) are settled by a read first; QUEUED jobs are polled again.
     */
    public RunSnapshot resume(String runId, RunListener listener) {
        synchronized (takeovers) {
            return resumeTakingOver(runId, listener);
        }
    }

    private RunSnapshot resumeTakingOver(String runId, RunListener listener) {
        ActiveRun run = active.get(runId);
        if (run == null) {
            // Read under the lock: until it is taken, another Signoff may be moving the run.
            JournalRun stored = lockedRun(runId);
            if (stored.state() == RunState.FINISHED) {
                locks.release(runId, true);
                return Progress.snapshot(stored, stored.state(), Duration.ZERO);
            }
            if (!RESUMABLE.contains(stored.state())) {
                locks.release(runId, false);
                throw new IllegalStateException("Run " + runId + " is " + stored.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ": start it from the scheduled runs instead");
            }
            ActiveRun resumed = takeOver(stored, "resumed", "offboarding.run_resumed", "Resumed from the journal");
            if (listener != null) resumed.listeners.add(listener);
            for (JournalStep s : resumed.steps()) {
                PlanStep step = resumed.planStep(s.state().stepId());
                if (s.state().status() == StepStatus.UNKNOWN_OUTCOME && resumed.claim(step.id())) {
                    submit(() -> work.settle(resumed, step, false));
                } else if (s.state().status() == StepStatus.SUCCEEDED && step.automatic()
                        && step.action() != StepAction.OFFBOARD_BUNDLE && resumed.claim(step.id())) {
                    // Stopped before (or while) its verification read: read it now.
                    submit(() -> work.verify(resumed, step, 1));
                }
            }
            run = resumed;
        } else if (listener != null) {
            run.listeners.add(listener);
        }
        pump(run);
        return snapshot(run);
    }

    /** Runs a FAILED or UNKNOWN_OUTCOME step again (an unknown outcome is read first), or polls a stopped job again. */
    public StepState retry(String runId, String stepId) {
        ActiveRun run = ensureActive(runId);
        PlanStep step = run.planStep(stepId);
        Runnable task;
        synchronized (run) {
            StepState cur = run.step(stepId).state();
            if (run.busy(stepId)) throw new IllegalStateException("Step " + stepId + " is still being worked on");
            task = switch (cur.status()) {
                case FAILED -> () -> work.call(run, step);
                case UNKNOWN_OUTCOME -> () -> work.settle(run, step, true);
                case QUEUED -> {
                    run.pollStopped.remove(stepId);
                    run.pollingSince.remove(stepId);
                    run.jobMissing.remove(stepId);
                    yield () -> work.poll(run, step);
                }
                default -> throw new IllegalStateException("Step " + stepId + " is " + RunRules.label(cur.status())
                        + ": only a failed step, one with an unknown outcome, or a job no longer polled can be retried");
            };
            run.rateLimited.remove(stepId);
            run.claim(stepId);
        }
        submit(task);
        updateRunState(run);
        return run.step(stepId).state();
    }

    /** Marks a step SKIPPED with the operator's reason; the steps depending on it may then go ahead. */
    public StepState skip(String runId, String stepId, String reason) {
        String why = RunRules.requireText(reason, "a reason to skip");
        ActiveRun run = ensureActive(runId);
        PlanStep step = run.planStep(stepId);
        Predicate<StepState> skippable = s -> {
            if (s.status().terminal() && !s.needsOperator()) {
                throw new IllegalStateException("Step " + stepId + " is already " + RunRules.label(s.status()));
            }
            if (s.status() == StepStatus.RUNNING) {
                throw new IllegalStateException("Step " + stepId + " is calling the provider: wait for the answer");
            }
            return true;
        };
        skippable.test(run.step(stepId).state());
        // Audited first: a crash between the two leaves the evidence, and the step is simply skipped again.
        audit.step(runId, step, "offboarding.skip", Outcome.SUCCEEDED, null, "Skipped: " + why, clock.instant());
        return move(run, stepId, skippable, s -> new StepState(stepId, StepStatus.SKIPPED, why, List.of(), s.attempts(),
                clock.instant(), s.reference()), "operator", null, null, true);
    }

    /** Completes a manual step (AWAITING_ATTESTATION) with the operator's note as evidence. */
    public StepState attest(String runId, String stepId, String note) {
        String evidence = RunRules.requireText(note, "a note saying who did what");
        ActiveRun run = ensureActive(runId);
        PlanStep step = run.planStep(stepId);
        Predicate<StepState> awaiting = s -> {
            if (s.status() != StepStatus.AWAITING_ATTESTATION) {
                throw new IllegalStateException("Step " + stepId + " is " + RunRules.label(s.status()) + ", not awaiting attestation");
            }
            return true;
        };
        awaiting.test(run.step(stepId).state());
        audit.step(runId, step, StepAudit.action(step.action()), Outcome.ATTESTED, null, evidence, clock.instant());
        return move(run, stepId, awaiting, s -> new StepState(stepId, StepStatus.ATTESTED, evidence, List.of(), s.attempts(),
                clock.instant(), ""), "operator", null, null, true);
    }

    /** The run as it stands (from memory when active here, else from the journal). */
    public Optional<RunSnapshot> snapshot(String runId) {
        ActiveRun run = active.get(runId);
        return run != null ? Optional.of(snapshot(run)) : journal.load(runId);
    }

    /** Adds a listener to an active run. */
    public void addListener(String runId, RunListener listener) {
        ActiveRun run = active.get(runId);
        if (run != null) run.listeners.add(listener);
    }

    public void removeListener(String runId, RunListener listener) {
        ActiveRun run = active.get(runId);
        if (run != null) run.listeners.remove(listener);
    }

    /** True when another Signoff on this computer is working on the run now (acting on it here would be refused). */
    public boolean openElsewhere(String runId) {
        return !active.containsKey(runId) && locks.heldElsewhere(runId);
    }

    /** Runs being executed by this runner now. */
    public List<String> activeRuns() {
        return List.copyOf(active.keySet());
    }

    /**
     * Blocks until the run has nothing left to do on its own (FINISHED or NEEDS_ATTENTION, nothing in flight) or the
     * timeout passes; for the CLI and tests. Returns the snapshot at that moment.
     */
    public RunSnapshot awaitSettled(String runId, Duration timeout) throws InterruptedException {
        ActiveRun run = active.get(runId);
        if (run == null) return journal.load(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (run) {
            while (!((run.state == RunState.FINISHED || run.state == RunState.NEEDS_ATTENTION) && !run.anyBusy())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(run, left);
            }
        }
        return snapshot(run);
    }

    /** Stops taking work; steps in flight finish their current call and stay journalled. */
    @Override
    public void close() {
        if (threads.close()) {
            locks.close();
        } else {
            // A call still blocked may yet journal its outcome: its runs stay locked until this process ends.
            LOG.warn("Offboarding calls still in flight at close: their runs stay locked until Signoff ends");
        }
    }

    // ---- engine internals (used by StepWork) ----

    /**
     * Changes one step's state if {@code allowed}: journalled (durable) and mirrored under the run's lock, then
     * listeners are told and the run moves on. With {@code release} the step's task ends in the same atomic change.
     *
     * @return the new state, or null when not allowed
     */
    StepState move(ActiveRun run, String stepId, Predicate<StepState> allowed, UnaryOperator<StepState> next, String phase,
                   Instant callStartedAt, BundleJob job, boolean release) {
        StepState to;
        synchronized (run) {
            JournalStep cur = run.step(stepId);
            if (!allowed.test(cur.state())) {
                if (release) run.release(stepId);
                return null;
            }
            to = next.apply(cur.state());
            journal.transition(run.runId, cur.state().status(), to, phase, callStartedAt, job);
            run.put(new JournalStep(to, callStartedAt != null ? callStartedAt : cur.callStartedAt(), job != null ? job : cur.job()));
            if (release) run.release(stepId);
        }
        tell(run, to);
        pump(run);
        return to;
    }

    /** Ends a step's task without a state change, and lets the run move on. */
    void release(ActiveRun run, String stepId) {
        run.release(stepId);
        pump(run);
    }

    void submit(Runnable task) { threads.submit(task); }

    void later(Duration delay, Runnable task) { threads.later(delay, task); }

    /** Launches what can start, moves manual steps whose turn came to AWAITING_ATTESTATION, updates the run state. */
    void pump(ActiveRun run) {
        if (threads.closed()) return;
        List<Runnable> launches = new ArrayList<>();
        List<PlanStep> ready = new ArrayList<>();
        synchronized (run) {
            if (run.state == RunState.SCHEDULED || run.state == RunState.MISSED || run.state == RunState.CANCELLED) return;
            Map<String, StepState> byId = new HashMap<>();
            run.states().forEach(s -> byId.put(s.stepId(), s));
            for (StepState s : byId.values()) {
                PlanStep step = run.planStep(s.stepId());
                if (run.busy(step.id())) continue;
                switch (s.status()) {
                    case PENDING -> {
                        if (!step.dependsOn().stream().allMatch(d -> byId.get(d) != null && byId.get(d).satisfiesDependents())) break;
                        if (step.manual()) {
                            ready.add(step);
                        } else {
                            run.claim(step.id());
                            launches.add(() -> work.call(run, step));
                        }
                    }
                    case RUNNING -> {
                        run.claim(step.id());
                        launches.add(() -> work.settle(run, step, true));
                    }
                    case QUEUED -> {
                        if (!run.pollStopped.contains(step.id())) {
                            run.claim(step.id());
                            launches.add(() -> work.poll(run, step));
                        }
                    }
                    default -> { }
                }
            }
        }
        launches.forEach(this::submit);
        for (PlanStep step : ready) {
            move(run, step.id(), s -> s.status() == StepStatus.PENDING, s -> new StepState(step.id(),
                    StepStatus.AWAITING_ATTESTATION, step.instruction(), List.of(), s.attempts(), clock.instant(), ""),
                    "ready", null, null, false);
        }
        updateRunState(run);
    }

    private void updateRunState(ActiveRun run) {
        RunState next;
        synchronized (run) {
            if (run.state == RunState.SCHEDULED || run.state == RunState.MISSED || run.state == RunState.CANCELLED) return;
            List<StepState> states = run.states();
            boolean moving = run.anyBusy() || states.stream().anyMatch(s -> s.status() == StepStatus.QUEUED
                    && !run.pollStopped.contains(s.stepId()));
            // A failed step is final for the provider but not for the run: the operator retries or skips it.
            next = states.stream().allMatch(s -> s.status().terminal() && !s.needsOperator()) ? RunState.FINISHED
                    : moving ? RunState.RUNNING : RunState.NEEDS_ATTENTION;
            boolean changed = next != run.state;
            if (changed) {
                journal.setRunState(run.runId, next, null, clock.instant());
                run.state = next;
                run.notifyAll();
            }
            // Over, and nothing in flight that could still change a step: the run is let go (idempotent).
            if (next == RunState.FINISHED && !run.anyBusy()) locks.release(run.runId, true);
            if (!changed) return;
        }
        tell(run, null);
    }

    RunSnapshot snapshot(ActiveRun run) {
        synchronized (run) {
            return Progress.snapshot(run.asJournalRun(), run.state, work.eta(run));
        }
    }

    private void tell(ActiveRun run, StepState changed) {
        if (run.listeners.isEmpty()) return;
        RunSnapshot snapshot = snapshot(run);
        for (RunListener l : run.listeners) {
            try {
                l.onUpdate(snapshot, changed);
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed on run {}: {}", run.runId, e.toString());
            }
        }
    }

    /** Makes a run active here; its lock must be held (taken by {@link #lockedRun}, or by start for a new run). */
    private ActiveRun activate(String runId) {
        return active.computeIfAbsent(runId, id -> new ActiveRun(journal.loadRun(id).orElseThrow()));
    }

    /** Under the run's lock: journals it RUNNING, audits why, makes it active here; lets the lock go if that fails. */
    ActiveRun takeOver(JournalRun stored, String journalNote, String auditAction, String auditDetail) {
        try {
            Instant now = clock.instant();
            journal.setRunState(stored.runId(), RunState.RUNNING, journalNote, now);
            audit.run(stored.runId(), auditAction, Outcome.SUCCEEDED, auditDetail, now, RunRules.people(stored.plan()));
            return activate(stored.runId());
        } catch (RuntimeException e) {
            locks.release(stored.runId(), false);
            throw e;
        }
    }

    /**
     * Takes the run's lock, then reads it from the journal.
     *
     * @throws IllegalStateException when another Signoff on this computer is working on the run
     */
    JournalRun lockedRun(String runId) {
        locks.acquire(runId);
        try {
            return journal.loadRun(runId).orElseThrow(() -> new IllegalArgumentException("No run " + runId));
        } catch (RuntimeException e) {
            locks.release(runId, false);
            throw e;
        }
    }

    private ActiveRun ensureActive(String runId) {
        ActiveRun run = active.get(runId);
        if (run != null) return run;
        resume(runId, null);
        run = active.get(runId);
        if (run == null) throw new IllegalStateException("Run " + runId + " is finished: nothing in it can change any more");
        return run;
    }
}
