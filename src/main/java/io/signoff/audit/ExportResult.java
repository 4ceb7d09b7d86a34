package io.signoff.audit;

import java.nio.file.Path;

/**
 * A finished export.
 *
 * @param firstSequence null when no row matched (the file then holds the header only)
 * @param sha256        of the CSV file's bytes, as the manifest records it
 * @param chainHead     the chain's head when the export's snapshot was taken
 */
public record ExportResult(Path csv, Path manifest, long rowCount, Long firstSequence, Long lastSequence,
                           String sha256, ChainHead chainHead) {

    /** True when nothing matched the filter and the file holds only the header row. */
    public boolean empty() { return rowCount == 0; }
}
