package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an {@link AuditEvent} without a sixteen-argument constructor call. Start from {@link OperatorIdentity#event}. */
public final class AuditEventBuilder {
    private Instant timestamp = Instant.now();
    private String operator;
    private String machine;
    private String channel;
    private String connectionId;
    private ProviderKind provider;
    private String tenant;
    private String targetEmail;
    private String targetUserId;
    private String action;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Outcome outcome = Outcome.SUCCEEDED;
    private String reference;
    private String message;
    private String runId;
    private String stepId;

    public AuditEventBuilder(String action) {
        this.action = action;
    }

    /** A builder holding every field of {@code event}. */
    public static AuditEventBuilder from(AuditEvent event) {
        AuditEventBuilder b = new AuditEventBuilder(event.action());
        b.timestamp = event.timestamp();
        b.operator = event.operator();
        b.machine = event.machine();
        b.channel = event.channel();
        b.connectionId = event.connectionId();
        b.provider = event.provider();
        b.tenant = event.tenant();
        b.targetEmail = event.targetEmail();
        b.targetUserId = event.targetUserId();
        b.parameters.putAll(event.parameters());
        b.outcome = event.outcome();
        b.reference = event.reference();
        b.message = event.message();
        b.runId = event.runId();
        b.stepId = event.stepId();
        return b;
    }

    public AuditEventBuilder timestamp(Instant value) { timestamp = value; return this; }

    public AuditEventBuilder operator(String value) { operator = value; return this; }

    public AuditEventBuilder machine(String value) { machine = value; return this; }

    public AuditEventBuilder channel(String value) { channel = value; return this; }

    public AuditEventBuilder connection(String value) { connectionId = value; return this; }

    public AuditEventBuilder provider(ProviderKind value) { provider = value; return this; }

    public AuditEventBuilder tenant(String value) { tenant = value; return this; }

    public AuditEventBuilder target(String email, String userId) { targetEmail = email; targetUserId = userId; return this; }

    public AuditEventBuilder action(String value) { action = value; return this; }

    /** One parameter of the action. Never a secret (the store drops secret-looking keys anyway). */
    public AuditEventBuilder param(String key, String value) { parameters.put(key, value); return this; }

    public AuditEventBuilder params(Map<String, String> values) { parameters.putAll(values); return this; }

    public AuditEventBuilder outcome(Outcome value) { outcome = value; return this; }

    public AuditEventBuilder reference(String value) { reference = value; return this; }

    public AuditEventBuilder message(String value) { message = value; return this; }

    public AuditEventBuilder run(String runIdValue, String stepIdValue) { runId = runIdValue; stepId = stepIdValue; return this; }

    public AuditEvent build() {
        return new AuditEvent(timestamp, operator, machine, channel, connectionId, provider, tenant, targetEmail,
                targetUserId, action, parameters, outcome, reference, message, runId, stepId);
    }
}
