package io.signoff.controller;

import io.signoff.audit.AuditAttempt;
import io.signoff.audit.AuditEventBuilder;
import io.signoff.audit.AuditLog;
import io.signoff.audit.OperatorIdentity;
import io.signoff.model.Outcome;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes the audit rows of a revoke: ATTEMPTED before the call, its outcome after (linked to the attempt), and the
 * verification's VERIFIED or FAILED (linked to the same attempt). Rows carry the operator, channel, connection,
 * provider, tenant, target email and user id, and the provider's request id or error code; never a secret (none passes
 * through here, and the store masks secret-shaped text anyway).
 */
final class RevokeAudit {
    /** Parameter that tells a verification row from the call's own outcome row. */
    static final String PHASE = "phase";
    static final String VERIFICATION = "verification";

    private final AuditLog log;
    private final Supplier<OperatorIdentity> operator;
    private final String channel;
    private final Clock clock;

    RevokeAudit(AuditLog log, Supplier<OperatorIdentity> operator, String channel, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Recorded (durably) before the call; when this throws, the call must not be made. */
    AuditAttempt attempted(PlannedRevoke call, String runId, int step) {
        AuditEventBuilder event = operator.get().event(channel, call.action())
                .timestamp(clock.instant())
                .connection(call.connection().id())
                .provider(call.connection().kind())
                .tenant(call.account().tenantId())
                .target(call.account().email().isBlank() ? null : call.account().email(), call.account().id())
                .message(call.description())
                .run(runId, Integer.toString(step));
        if (call.session() != null) {
            event.param("sessionId", call.session().id());
            if (call.session().device() != null) event.param("device", call.session().device());
        } else {
            event.param("scope", "all");
        }
        return log.attempt(event.build());
    }

    void outcome(AuditAttempt attempt, Outcome outcome, String reference, String message) {
        attempt.finish(outcome, reference, message);
    }

    void verification(AuditAttempt attempt, Verification result) {
        Outcome outcome = result.state() == VerifyState.VERIFIED ? Outcome.VERIFIED : Outcome.FAILED;
        String message = "Verification: " + result.detail()
                + (result.residualExposure().isBlank() ? "" : " — residual exposure: " + result.residualExposure());
        log.appendOutcome(attempt.sequence(), AuditEventBuilder.from(attempt.planned())
                .timestamp(clock.instant())
                .param(PHASE, VERIFICATION)
                .param("checks", Integer.toString(result.checks()))
                .outcome(outcome)
                .reference(null)
                .message(message)
                .build());
    }
}
