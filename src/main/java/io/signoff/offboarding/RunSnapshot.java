package io.signoff.offboarding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A consistent picture of one run at one moment.
 *
 * @param steps       one state per plan step, in plan order
 * @param scheduledAt when a scheduled run is due; null for a run started at once
 * @param channel     "ui" or "cli": where the run was started
 */
public record RunSnapshot(
        String runId,
        RunState state,
        OffboardingPlan plan,
        List<StepState> steps,
        RunProgress progress,
        Instant createdAt,
        Instant scheduledAt,
        String operator,
        String channel) {

    public RunSnapshot {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<StepState> step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
    }
}
