package io.signoff.offboarding;

import java.time.Instant;
import java.util.List;

/** The summary of a run, per person and per step, as shown on the report page and exported to CSV. */
public record RunReport(String runId, RunState state, String reference, String operator, String channel,
                        Instant createdAt, Instant generatedAt, List<PersonReport> people, List<Guardrail> guardrails) {
    public RunReport {
        people = List.copyOf(people);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
    }

    public List<StepReport> steps() {
        return people.stream().flatMap(p -> p.steps().stream()).toList();
    }
}
