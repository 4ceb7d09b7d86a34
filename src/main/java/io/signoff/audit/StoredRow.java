package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.util.Map;

/**
 * One audit row exactly as its columns hold it: the form that is hashed, verified and exported.
 * Timestamps are fixed-width ISO-8601 UTC text (so text order is time order), enums are slugs.
 */
record StoredRow(long sequence, String tsUtc, String operator, String machine, String channel, String connectionId,
                 String provider, String tenant, String targetEmail, String targetUserId, String action,
                 String parameters, String outcome, String reference, String message, String runId, String stepId,
                 Long attemptSeq, String prevHash, String hash) {

    /** The row an event becomes at {@code sequence}; parameters already sanitised into canonical JSON. */
    static StoredRow of(long sequence, AuditEvent e, String parametersJson, Long attemptSeq, String prevHash) {
        return new StoredRow(sequence, AuditCanonical.formatTimestamp(e.timestamp()), e.operator(), e.machine(),
                e.channel(), e.connectionId(), e.provider() == null ? null : e.provider().slug(), e.tenant(),
                e.targetEmail(), e.targetUserId(), e.action(), parametersJson, e.outcome().slug(), e.reference(),
                e.message(), e.runId(), e.stepId(), attemptSeq, prevHash, null);
    }

    StoredRow withHash(String value) {
        return new StoredRow(sequence, tsUtc, operator, machine, channel, connectionId, provider, tenant, targetEmail,
                targetUserId, action, parameters, outcome, reference, message, runId, stepId, attemptSeq, prevHash, value);
    }

    AuditRecord toRecord() {
        Map<String, String> params = AuditCanonical.parseParameters(parameters);
        AuditEvent event = new AuditEvent(AuditCanonical.parseTimestamp(tsUtc), operator, machine, channel,
                connectionId, provider == null ? null : ProviderKind.fromSlug(provider), tenant, targetEmail,
                targetUserId, action, params, Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)),
                reference, message, runId, stepId);
        return new AuditRecord(sequence, event, attemptSeq, parameters, prevHash, hash);
    }
}
