package io.signoff.offboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A run being executed in this process: the journalled step states mirrored in memory, and which steps have a task in
 * flight. Guarded by its own monitor; the journal is written under it so memory and disk change in the same order.
 */
final class ActiveRun {
    final String runId;
    final OffboardingPlan plan;
    final Instant createdAt;
    final Instant scheduledAt;
    final String operator;
    final String channel;
    final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    private final Map<String, JournalStep> steps = new LinkedHashMap<>();
    private final Map<String, PlanStep> planSteps = new HashMap<>();
    /** Steps with a call, verification, poll or wait scheduled or running. */
    private final Set<String> busy = new HashSet<>();
    /** Queued jobs whose polling stopped (limit reached, cannot read): polled again only on retry. */
    final Set<String> pollStopped = new HashSet<>();
    /** Consecutive rate-limit requeues per step. */
    final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    /** Polls that did not find the job, per step. */
    final Map<String, Integer> jobMissing = new ConcurrentHashMap<>();
    /** When polling of a job began in this process. */
    final Map<String, Instant> pollingSince = new HashMap<>();
    RunState state;

    ActiveRun(JournalRun run) {
        this.runId = run.runId();
        this.plan = run.plan();
        this.createdAt = run.createdAt();
        this.scheduledAt = run.scheduledAt();
        this.operator = run.operator();
        this.channel = run.channel();
        this.state = run.state();
        run.steps().forEach(s -> steps.put(s.state().stepId(), s));
        plan.steps().forEach(s -> planSteps.put(s.id(), s));
    }

    PlanStep planStep(String id) {
        PlanStep s = planSteps.get(id);
        if (s == null) throw new IllegalArgumentException("No step " + id + " in run " + runId);
        return s;
    }

    synchronized JournalStep step(String id) {
        JournalStep s = steps.get(id);
        if (s == null) throw new IllegalArgumentException("No step " + id + " in run " + runId);
        return s;
    }

    synchronized void put(JournalStep step) {
        steps.put(step.state().stepId(), step);
        notifyAll();
    }

    synchronized List<JournalStep> steps() { return new ArrayList<>(steps.values()); }

    synchronized List<StepState> states() {
        return steps.values().stream().map(JournalStep::state).toList();
    }

    synchronized boolean claim(String stepId) { return busy.add(stepId); }

    synchronized void release(String stepId) {
        busy.remove(stepId);
        notifyAll();
    }

    synchronized boolean busy(String stepId) { return busy.contains(stepId); }

    synchronized boolean anyBusy() { return !busy.isEmpty(); }

    JournalRun asJournalRun() {
        return new JournalRun(runId, state, plan, steps(), createdAt, scheduledAt, operator, "", channel, "");
    }
}
