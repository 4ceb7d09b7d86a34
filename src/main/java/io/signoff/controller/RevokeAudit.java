package io.signoff.controller;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the audit rows of a revoke: ATTEMPTED before the call, its outcome after, and the verification's result.
 * Rows carry the operator, channel, connection, provider, tenant, target email and user id, and the provider's
 * request id or error code; never a secret (none passes through here).
 */
final class RevokeAudit {
    private final AuditSink sink;
    private final OperatorIdentity operator;
    private final String channel;
    private final Clock clock;

    RevokeAudit(AuditSink sink, OperatorIdentity operator, String channel, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Recorded before the call; when this throws, the call must not be made. */
    void attempted(PlannedRevoke call, String runId, int step) {
        sink.append(event(call, call.action(), Outcome.ATTEMPTED, "", call.description(), runId, step));
    }

    void outcome(PlannedRevoke call, String runId, int step, Outcome outcome, String reference, String message) {
        sink.append(event(call, call.action(), outcome, reference, message, runId, step));
    }

    void verification(PlannedRevoke call, String runId, int step, Verification result) {
        Outcome outcome = result.state() == VerifyState.VERIFIED ? Outcome.VERIFIED : Outcome.FAILED;
        String message = result.detail() + (result.residualExposure().isBlank() ? "" : " — residual exposure: " + result.residualExposure());
        sink.append(event(call, call.action() + PlannedRevoke.VERIFY_SUFFIX, outcome, "", message, runId, step));
    }

    private AuditEvent event(PlannedRevoke call, String action, Outcome outcome, String reference, String message,
                             String runId, int step) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (call.session() != null) {
            parameters.put("sessionId", call.session().id());
            if (call.session().device() != null) parameters.put("device", call.session().device());
        } else {
            parameters.put("scope", "all");
        }
        String email = call.account().email().isBlank() ? null : call.account().email();
        return new AuditEvent(clock.instant(), operator.operator(), operator.machine(), channel, call.connection().id(),
                call.connection().kind(), call.account().tenantId(), email, call.account().id(), action, parameters,
                outcome, reference, message, runId, Integer.toString(step));
    }
}
