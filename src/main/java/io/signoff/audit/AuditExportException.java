package io.signoff.audit;

/** An export did not complete; no file was left behind. The message is for the operator. */
public final class AuditExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean cancelled;

    public AuditExportException(String message, Throwable cause) {
        super(message, cause);
        this.cancelled = false;
    }

    private AuditExportException(String message) {
        super(message);
        this.cancelled = true;
    }

    static AuditExportException cancelled() {
        return new AuditExportException("The export was cancelled; no file was written");
    }

    /** True when the export stopped because it was asked to, not because something failed. */
    public boolean isCancelled() { return cancelled; }
}
