package io.signoff.provider;

import java.util.List;

/**
 * The state of a provider-side job with its result text split into steps.
 *
 * @param state       planned, running, completed or failed, as the provider says
 * @param foundByName the job was found by its name alone, not by the marker asked for (a job queued by someone else,
 *                    or by a Signoff that sent no marker): to be followed by its name from now on
 */
public record BundleStatus(State state, List<StepOutcome> steps, String rawResults, boolean foundByName) {
    public enum State { PLANNED, RUNNING, COMPLETED, FAILED, NOT_FOUND }

    public record StepOutcome(String step, boolean succeeded, String sentence) {
    }

    public BundleStatus {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public BundleStatus(State state, List<StepOutcome> steps, String rawResults) {
        this(state, steps, rawResults, false);
    }

    public boolean finished() { return state == State.COMPLETED || state == State.FAILED; }

    /** A job "Completed" whose text holds failure sentences did not fully succeed. */
    public boolean anyStepFailed() {
        return state == State.FAILED || steps.stream().anyMatch(s -> !s.succeeded());
    }
}
