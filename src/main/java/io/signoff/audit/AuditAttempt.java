package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.ErrorKind;
import io.signoff.model.Outcome;
import io.signoff.provider.ProviderException;
import java.time.Instant;
import java.util.Objects;

/**
 * An ATTEMPTED row already on disk, waiting for its outcome.
 *
 * @param sequence the attempt row's sequence; the outcome row points back to it
 * @param planned  the attempted event; the outcome row repeats its who/what/where
 */
public record AuditAttempt(AuditLog log, long sequence, AuditEvent planned) {

    public AuditAttempt {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(planned, "planned");
    }

    /** Writes the outcome row now, with the attempt's details, and returns its sequence. */
    public long finish(Outcome outcome, String reference, String message) {
        if (outcome == Outcome.ATTEMPTED) throw new IllegalArgumentException("an outcome cannot be ATTEMPTED");
        AuditEvent done = AuditEventBuilder.from(planned)
                .timestamp(Instant.now())
                .outcome(outcome)
                .reference(reference)
                .message(message)
                .build();
        return log.appendOutcome(sequence, done);
    }

    public long succeeded(String reference, String message) { return finish(Outcome.SUCCEEDED, reference, message); }

    public long failed(String reference, String message) { return finish(Outcome.FAILED, reference, message); }

    /**
     * Records a provider failure: UNKNOWN when the provider may have done part of it (verify before retrying),
     * FAILED otherwise; the provider's code or HTTP status as the reference.
     */
    public long failed(ProviderException error) {
        Outcome outcome = error.kind() == ErrorKind.UNKNOWN_OUTCOME ? Outcome.UNKNOWN : Outcome.FAILED;
        return finish(outcome, error.auditReference(), error.getMessage());
    }
}
