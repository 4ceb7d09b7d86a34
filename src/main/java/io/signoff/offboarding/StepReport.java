package io.signoff.offboarding;

import io.signoff.model.StepStatus;
import java.time.Instant;
import java.util.List;

/** One step of a run in a report: what was to be done and how it ended. */
public record StepReport(String stepId, String personEmail, String title, StepAction action, String provider,
                         String connection, String tenant, String account, String call, StepStatus status,
                         String detail, List<String> failures, int attempts, Instant updatedAt, String reference) {
    public StepReport {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
