package io.signoff.audit;

import io.signoff.model.AuditEvent;

/**
 * A stored audit row.
 *
 * @param attemptSequence for an outcome row, the sequence of its ATTEMPTED row; otherwise null
 * @param parametersJson  the parameters exactly as stored and hashed (canonical JSON, sorted keys)
 */
public record AuditRecord(long sequence, AuditEvent event, Long attemptSequence, String parametersJson,
                          String prevHash, String hash) { }
