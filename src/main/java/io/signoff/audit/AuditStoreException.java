package io.signoff.audit;

/** The audit store could not read or write. The message says what, for the operator; the cause keeps the detail. */
public final class AuditStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditStoreException(String message) {
        super(message);
    }
}
