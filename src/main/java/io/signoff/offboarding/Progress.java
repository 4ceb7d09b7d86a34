package io.signoff.offboarding;

import io.signoff.model.StepStatus;
import java.time.Duration;
import java.util.List;

/** Counting steps into {@link RunProgress}, and the snapshot/summary forms of a journalled run. */
final class Progress {
    private Progress() { }

    static RunProgress of(List<StepState> states, Duration eta) {
        int done = 0;
        int running = 0;
        int queued = 0;
        int waiting = 0;
        int failed = 0;
        for (StepState s : states) {
            StepStatus st = s.status();
            if (st.terminal()) done++;
            if (st == StepStatus.RUNNING) running++;
            if (st == StepStatus.QUEUED) queued++;
            if (s.needsOperator()) waiting++;
            if (st == StepStatus.FAILED || st == StepStatus.PARTLY_FAILED || st == StepStatus.UNKNOWN_OUTCOME) failed++;
        }
        return new RunProgress(states.size(), done, running, queued, waiting, failed, eta);
    }

    static RunSnapshot snapshot(JournalRun run, RunState state, Duration eta) {
        List<StepState> states = run.steps().stream().map(JournalStep::state).toList();
        return new RunSnapshot(run.runId(), state, run.plan(), states, of(states, eta), run.createdAt(), run.scheduledAt(),
                run.operator(), run.channel());
    }

    static RunSummary summary(JournalRun run) {
        List<StepState> states = run.steps().stream().map(JournalStep::state).toList();
        int done = (int) states.stream().filter(s -> s.status().terminal()).count();
        return new RunSummary(run.runId(), run.state(), run.plan().people().stream().map(PlanPerson::email).toList(),
                run.plan().reference(), run.createdAt(), run.scheduledAt(), states.size(), done, run.operator(), run.channel());
    }
}
