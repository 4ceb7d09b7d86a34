package io.signoff.offboarding;

import io.signoff.model.StepStatus;
import java.util.List;
import java.util.Map;

/**
 * One person's part of a run.
 *
 * @param counts  how many of the person's steps ended in each status (statuses with none are left out)
 * @param outcome one line for the summary: "Done", "Done with failures", "Needs attention", "In progress"…
 */
public record PersonReport(String email, String displayName, Map<StepStatus, Integer> counts, String outcome,
                           List<String> missingOn, List<StepReport> steps) {
    public PersonReport {
        counts = Map.copyOf(counts);
        missingOn = missingOn == null ? List.of() : List.copyOf(missingOn);
        steps = List.copyOf(steps);
    }
}
