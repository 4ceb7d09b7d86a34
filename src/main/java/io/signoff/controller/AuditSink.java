package io.signoff.controller;

import io.signoff.model.AuditEvent;

/** Where controllers record what they did. The audit store implements it; a row is durable when append returns. */
@FunctionalInterface
public interface AuditSink {
    /** Appends one event and returns its sequence number; throws {@link IllegalStateException} when it cannot. */
    long append(AuditEvent event);
}
