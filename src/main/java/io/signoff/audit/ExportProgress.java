package io.signoff.audit;

/** Told how an export is going (from the exporting thread); can ask it to stop. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = rows -> { };

    /** Called every few thousand rows and once at the end. */
    void rowsWritten(long rows);

    /** Polled between rows: true stops the export, which then leaves no file behind. */
    default boolean cancelRequested() { return false; }
}
