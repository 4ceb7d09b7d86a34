package io.signoff.offboarding;

import io.signoff.audit.AuditLog;
import io.signoff.model.AuditEvent;

/**
 * Where the runner records every attempt and outcome: the audit store, through {@link #of(AuditLog)}. A row is durable
 * when {@link #append} returns; a failure to record throws.
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

    /** The audit store as the runner's writer: outcomes linked to their attempts. */
    static AuditWriter of(AuditLog log) {
        return new AuditWriter() {
            @Override
            public long append(AuditEvent event) {
                return log.append(event);
            }

            @Override
            public long appendOutcome(long attemptSequence, AuditEvent outcome) {
                return log.appendOutcome(attemptSequence, outcome);
            }
        };
    }
}
