package io.signoff.offboarding;

import io.signoff.model.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where one step of a run stands.
 *
 * @param detail    the reason (FAILED, UNKNOWN_OUTCOME, SKIPPED), the verification read (VERIFIED), the operator's note
 *                  (ATTESTED), what is awaited (PENDING behind a failed step, QUEUED job state, rate-limit wait)
 * @param failures  PARTLY_FAILED: the provider's failure sentences, one per failed part; empty otherwise
 * @param attempts  how many times the provider call was made (verification reads not counted)
 * @param reference the provider's request id or job name, for the audit trail; "" when none
 */
public record StepState(String stepId, StepStatus status, String detail, List<String> failures, int attempts,
                        Instant updatedAt, String reference) {

    public StepState {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        failures = failures == null ? List.of() : List.copyOf(failures);
        reference = reference == null ? "" : reference;
    }

    public static StepState pending(String stepId, Instant at) {
        return new StepState(stepId, StepStatus.PENDING, "", List.of(), 0, at, "");
    }

    /** Done in a way that lets the steps depending on it go ahead. */
    public boolean satisfiesDependents() {
        return switch (status) {
            case SUCCEEDED, VERIFIED, PARTLY_FAILED, SKIPPED, ATTESTED -> true;
            default -> false;
        };
    }

    /** The operator has something to do: retry, skip or attest. */
    public boolean needsOperator() {
        return status == StepStatus.FAILED || status == StepStatus.UNKNOWN_OUTCOME
                || status == StepStatus.AWAITING_ATTESTATION;
    }

    public StepState with(StepStatus newStatus, String newDetail, Instant at) {
        return new StepState(stepId, newStatus, newDetail, List.of(), attempts, at, reference);
    }
}
