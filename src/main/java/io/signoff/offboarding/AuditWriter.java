package io.signoff.offboarding;

import io.signoff.model.AuditEvent;

/**
 * Where the runner records every attempt and outcome. The audit store ({@code io.signoff.audit.AuditLog}) is one:
 * pass {@code auditLog::append}. A row is durable when {@link #append} returns; a failure to record throws.
 */
@FunctionalInterface
public interface AuditWriter {
    /** Appends one event and returns its sequence number. */
    long append(AuditEvent event);

    /**
     * Appends the outcome of an earlier ATTEMPTED row, linked to it where the store can ({@code AuditLog.appendOutcome}).
     * By default a plain append.
     */
    default long appendOutcome(long attemptSequence, AuditEvent outcome) {
        return append(outcome);
    }
}
