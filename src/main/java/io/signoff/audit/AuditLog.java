package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;

/**
 * What every feature that acts on a provider writes to. Each call is committed to disk before it returns, so
 * "recorded" always means "survives a crash".
 *
 * <p>For a provider call, write the attempt first and the outcome after it, so that a crash between the two still
 * leaves a trace of what may have happened:
 * <pre>{@code
 * AuditAttempt attempt = auditLog.attempt(who.event("ui", "revoke_all_sessions")
 *         .provider(ProviderKind.SLACK).connection(connection.id()).tenant(tenant).target(email, userId)
 *         .param("scope", "all").build());
 * try {
 *     ActionResult r = provider.revokeAllSessions(...);
 *     attempt.succeeded(r.requestId(), r.message());
 * } catch (ProviderException e) {
 *     attempt.failed(e); // UNKNOWN_OUTCOME becomes "unknown", anything else "failed"
 *     throw e;
 * }
 * }</pre>
 * Parameters must not hold secrets; the store drops keys that look secret and masks secret-shaped text anyway.
 */
public interface AuditLog {

    /** Stores one row and returns its sequence number. Throws {@link AuditStoreException} if it could not be stored. */
    long append(AuditEvent event);

    /** Stores the outcome of an earlier ATTEMPTED row, linked to it by the attempt's sequence. */
    long appendOutcome(long attemptSequence, AuditEvent outcome);

    /** Writes {@code planned} as an ATTEMPTED row (whatever outcome it carries) and returns the handle to finish it. */
    default AuditAttempt attempt(AuditEvent planned) {
        AuditEvent attempted = AuditEventBuilder.from(planned).outcome(Outcome.ATTEMPTED).build();
        return new AuditAttempt(this, append(attempted), attempted);
    }
}
