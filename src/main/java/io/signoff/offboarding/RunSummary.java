package io.signoff.offboarding;

import java.time.Instant;
import java.util.List;

/**
 * One line of a list of runs (resumable, scheduled, missed, history).
 *
 * @param people the people's addresses
 */
public record RunSummary(String runId, RunState state, List<String> people, String reference, Instant createdAt,
                         Instant scheduledAt, int stepsTotal, int stepsDone, String operator, String channel) {
    public RunSummary {
        people = people == null ? List.of() : List.copyOf(people);
        reference = reference == null ? "" : reference;
    }
}
