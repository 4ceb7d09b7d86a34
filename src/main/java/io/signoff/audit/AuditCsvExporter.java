package io.signoff.audit;

import com.google.gson.GsonBuilder;
import io.signoff.model.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the rows matching a filter as CSV (RFC 4180, UTF-8, optional BOM for Excel), oldest first, with a manifest
 * beside it ({@code <file>.manifest.json}) that lets a reader check the report: filter, row count, sequence range,
 * the chain head at export time and the SHA-256 of the CSV bytes.
 *
 * <p>Rows stream from database cursors to the file ({@link ParallelCsvRenderer}); memory use does not grow with the
 * row count. Both files are
 * written under temporary names in the target directory and moved into place only when complete, so a failure or a
 * cancellation leaves nothing behind.
 */
public final class AuditCsvExporter {
    public static final List<String> HEADER = List.of("sequence", "timestamp_utc", "operator", "machine", "channel",
            "connection", "provider", "tenant", "target_email", "target_user_id", "action", "parameters", "outcome",
            "reference", "message", "run_id", "step_id", "attempt_sequence", "prev_hash", "hash");
    public static final String MANIFEST_SUFFIX = ".manifest.json";
    /** The audit row an export of the trail leaves in it. */
    public static final String EXPORT_ACTION = "audit.export";
    private static final Logger LOG = LoggerFactory.getLogger(AuditCsvExporter.class);
    /** RFC 4180: comma, double quotes where needed (doubled inside), CRLF after every record. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final SqliteAuditStore store;
    private final String toolVersion;
    private final Clock clock;

    /** @param toolVersion written into the manifest, e.g. "Signoff 0.1.0" */
    public AuditCsvExporter(SqliteAuditStore store, String toolVersion, Clock clock) {
        this.store = store;
        this.toolVersion = toolVersion;
        this.clock = clock;
    }

    public static Path manifestFor(Path csv) {
        return csv.resolveSibling(csv.getFileName() + MANIFEST_SUFFIX);
    }

    /**
     * Exports as {@link #export} does, and records the export in the trail it read: audit data leaving the trail is an
     * action on it. The row says who ({@code by}), the filter, the rows, where they went and the CSV's SHA-256; or that
     * the export failed or was cancelled, and why. It is written after the export, so the file never holds its own row.
     *
     * @param by who exports, through which channel (the action is set here)
     */
    public ExportResult exportRecorded(AuditFilter filter, Path out, boolean bom, ExportProgress progress, AuditEventBuilder by) {
        by.action(EXPORT_ACTION);
        filter.describe().forEach((key, value) -> by.param("filter." + key, value));
        ExportResult result;
        try {
            result = export(filter, out, bom, progress);
        } catch (RuntimeException e) {
            try {
                store.append(by.timestamp(clock.instant()).param("file", out.toAbsolutePath().normalize().toString())
                        .outcome(Outcome.FAILED).message(e.getMessage()).build());
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded); // the export's own failure is the one to report
            }
            throw e;
        }
        try {
            store.append(by.timestamp(clock.instant()).param("file", result.csv().toString())
                    .param("rows", Long.toString(result.rowCount())).outcome(Outcome.SUCCEEDED).reference(result.sha256())
                    .message(result.empty() ? "Exported the header only: no row matched"
                            : "Exported " + result.rowCount() + " rows (sequence " + result.firstSequence() + " to "
                            + result.lastSequence() + ")").build());
        } catch (RuntimeException e) {
            // Audit data does not leave the trail unrecorded: without its row, the export's files go.
            deleteQuietly(result.csv());
            deleteQuietly(result.manifest());
            throw new AuditExportException("The export could not be recorded in the audit trail, so its files were removed: "
                    + e.getMessage(), e);
        }
        return result;
    }

    /** Exports the rows matching {@code filter} to {@code out}, replacing an existing file of that name. */
    public ExportResult export(AuditFilter filter, Path out, boolean bom, ExportProgress progress) {
        Path target = out.toAbsolutePath().normalize();
        Path dir = checkTarget(target);
        Path manifest = manifestFor(target);
        Path tmpCsv = null;
        Path tmpManifest = null;
        boolean csvMoved = false;
        boolean complete = false;
        try {
            tmpCsv = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            Written written = writeCsv(filter, tmpCsv, bom, progress);
            ExportResult result = new ExportResult(target, manifest, written.rows(), written.first(), written.last(),
                    written.sha256(), written.head());
            tmpManifest = Files.createTempFile(dir, "." + manifest.getFileName() + ".", ".part");
            Files.writeString(tmpManifest, manifestJson(filter, result, bom), StandardCharsets.UTF_8);
            move(tmpCsv, target);
            csvMoved = true;
            move(tmpManifest, manifest);
            complete = true;
            LOG.info("Exported {} audit rows to {}", written.rows(), target);
            return result;
        } catch (AccessDeniedException e) {
            throw new AuditExportException("Cannot write to " + dir + ": permission denied", e);
        } catch (IOException | UncheckedIOException e) {
            throw new AuditExportException("Cannot write " + target + ": " + describe(e), e);
        } finally {
            if (tmpCsv != null) deleteQuietly(tmpCsv);
            if (tmpManifest != null) deleteQuietly(tmpManifest);
            if (csvMoved && !complete) deleteQuietly(target); // a CSV without its manifest is half a report
        }
    }

    private static Path checkTarget(Path target) {
        Path dir = target.getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new AuditExportException("Cannot write " + target + ": the directory " + dir + " does not exist", null);
        }
        if (!Files.isDirectory(dir)) {
            throw new AuditExportException("Cannot write " + target + ": " + dir + " is not a directory", null);
        }
        if (Files.isDirectory(target)) {
            throw new AuditExportException("Cannot write " + target + ": it is a directory; give a file name", null);
        }
        return dir;
    }

    private record Written(long rows, Long first, Long last, String sha256, ChainHead head) { }

    private Written writeCsv(AuditFilter filter, Path file, boolean bom, ExportProgress progress) throws IOException {
        MessageDigest sha = AuditCanonical.sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            StringBuilder header = new StringBuilder();
            if (bom) header.append('\uFEFF');
            new CSVPrinter(header, FORMAT).printRecord(HEADER);
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            Written rows = store.read(c -> writeRows(c, filter, out, progress));
            out.flush();
            return new Written(rows.rows(), rows.first(), rows.last(), HexFormat.of().formatHex(sha.digest()), rows.head());
        }
    }

    /** Runs in the export's snapshot: the head and the last sequence it sees bound what is exported. */
    private Written writeRows(Connection c, AuditFilter filter, OutputStream out, ExportProgress progress)
            throws SQLException {
        ChainHead head = SqliteAuditStore.readHead(c);
        long maxSequence;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(sequence) FROM audit_events")) {
            maxSequence = rs.next() ? rs.getLong(1) : 0;
        }
        long rows = 0;
        Long first = null;
        long last = 0;
        try (ParallelCsvRenderer renderer = new ParallelCsvRenderer(store, filter, maxSequence, FORMAT)) {
            ParallelCsvRenderer.Chunk chunk;
            while ((chunk = renderer.next()) != null) {
                if (progress.cancelRequested()) throw AuditExportException.cancelled();
                if (chunk.rows() == 0) continue;
                out.write(chunk.csv());
                if (first == null) first = chunk.firstSequence();
                last = chunk.lastSequence();
                rows += chunk.rows();
                progress.rowsWritten(rows);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AuditExportException.cancelled();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.rowsWritten(rows);
        return new Written(rows, first, first == null ? null : last, null, head);
    }

    private String manifestJson(AuditFilter filter, ExportResult r, boolean bom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.csv().getFileName().toString());
        m.put("filter", filter.describe());
        m.put("rowCount", r.rowCount());
        m.put("firstSequence", r.firstSequence());
        m.put("lastSequence", r.lastSequence());
        m.put("chainHeadSequence", r.chainHead().sequence());
        m.put("chainHeadHash", r.chainHead().hash());
        m.put("sha256", r.sha256());
        m.put("byteOrderMark", bom);
        m.put("columns", HEADER);
        m.put("exportedAt", clock.instant().toString());
        m.put("tool", toolVersion);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(m) + "\n";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The reason in words, without the exception class names an operator cannot act on. */
    private static String describe(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (t instanceof java.nio.file.DirectoryNotEmptyException d) return d.getFile() + " is a directory in the way";
        if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not remove the unfinished export file {}: {}", p, e.getMessage());
        }
    }
}
