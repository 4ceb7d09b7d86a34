package io.signoff.offboarding;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads people for a bulk run from a CSV file: one email address per row, an optional "email" header. Every row that is
 * not used comes back with its reason.
 */
public final class EmailCsv {
    /** The most rows read; a bigger file is refused rather than half read. */
    public static final int MAX_ROWS = 10_000;

    public EmailImport read(Reader reader) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    public EmailImport read(Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
