package io.signoff.offboarding;

/**
 * Told about every change of a run: a step's state, the run's state, the progress/ETA. Called on the runner's worker
 * threads, never the caller's: a view hands the snapshot to its UI thread. Must not block.
 */
@FunctionalInterface
public interface RunListener {
    /**
     * @param snapshot the whole run after the change
     * @param changed  the step that changed, or null when only the run's state or progress changed
     */
    void onUpdate(RunSnapshot snapshot, StepState changed);

    RunListener NONE = (snapshot, changed) -> { };
}
