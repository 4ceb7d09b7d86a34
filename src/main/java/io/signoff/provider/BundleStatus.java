package io.signoff.provider;

import java.util.List;

/**
 * The state of a provider-side job with its result text split into steps.
 *
 * @param state planned, running, completed or failed, as the provider says
 */
public record BundleStatus(State state, List<StepOutcome> steps, String rawResults) {
    public enum State { PLANNED, RUNNING, COMPLETED, FAILED, NOT_FOUND }

    public record StepOutcome(String step, boolean succeeded, String sentence) {
    }

    public BundleStatus {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public boolean finished() { return state == State.COMPLETED || state == State.FAILED; }

    /** A job "Completed" whose text holds failure sentences did not fully succeed. */
    public boolean anyStepFailed() {
        return state == State.FAILED || steps.stream().anyMatch(s -> !s.succeeded());
    }
}
