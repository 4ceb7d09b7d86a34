package io.signoff.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the audit trail, as a caller hands it to the store (sequence and hashes are the store's business).
 *
 * @param operator   the OS user, plus the operator name from preferences when set ("jdoe (Jane Helpdesk)")
 * @param channel    "ui" or "cli"
 * @param parameters what was asked, with no secret in it
 * @param reference  the provider's request id or error code
 */
public record AuditEvent(
        Instant timestamp,
        String operator,
        String machine,
        String channel,
        String connectionId,
        ProviderKind provider,
        String tenant,
        String targetEmail,
        String targetUserId,
        String action,
        Map<String, String> parameters,
        Outcome outcome,
        String reference,
        String message,
        String runId,
        String stepId) {

    public AuditEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
