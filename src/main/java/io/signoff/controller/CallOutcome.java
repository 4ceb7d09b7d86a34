package io.signoff.controller;

import io.signoff.model.ErrorKind;
import java.util.Objects;

/**
 * The answer to one revoke call.
 *
 * @param reference the provider's request id, or its error code, for the audit trail
 * @param message   the provider's words or the failure, for the operator
 */
public record CallOutcome(PlannedRevoke call, CallState state, ErrorKind errorKind, String reference, String message) {
    public CallOutcome {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(state, "state");
        reference = reference == null ? "" : reference;
        message = message == null ? "" : message;
    }

    static CallOutcome waiting(PlannedRevoke call) {
        return new CallOutcome(call, CallState.WAITING, null, "", "");
    }
}
