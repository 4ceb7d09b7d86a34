package io.signoff.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;

/**
 * Renders the rows of an export as CSV on two or more threads, each with its own connection and cursor, over
 * alternating ranges of sequence numbers; hands the rendered chunks out in sequence order.
 *
 * <p>Why: pulling 20 columns through the JDBC driver costs 20 JNI calls per row, which alone costs the JVM about as
 * much CPU as the sqlite3 tool's whole export. Reading and formatting on both cores keeps our export at the tool's
 * speed (AuditBenchmarkTest). Every chunk starts at a record boundary, so the chunks joined are exactly what one
 * printer would have written. Queues are bounded: memory stays constant however many rows pass. Rows are
 * append-only, so every range up to {@code maxSequence} reads the same from each reader's snapshot.
 */
final class ParallelCsvRenderer implements AutoCloseable {
    static final int CHUNK_SEQUENCES = 2048;
    /** One per core, two to four: the calling thread only hashes and writes, so the readers are the work. */
    private static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int QUEUED_CHUNKS_PER_READER = 3;

    /** Rendered CSV records for one range; {@code rows} may be 0 when the filter matched nothing in it. */
    record Chunk(byte[] csv, int rows, long firstSequence, long lastSequence) { }

    private record Failure(Exception error) { }

    private final SqliteAuditStore store;
    private final CSVFormat format;
    private final AuditQueries.Where where;
    private final String sql;
    private final long chunks;
    private final List<BlockingQueue<Object>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;
    private long next;

    ParallelCsvRenderer(SqliteAuditStore store, AuditFilter filter, long maxSequence, CSVFormat format) {
        this.store = store;
        this.format = format;
        this.where = AuditQueries.where(filter);
        this.sql = "SELECT " + AuditSchema.COLUMNS + " FROM audit_events WHERE " + where.sql()
                + " AND sequence BETWEEN ? AND ? ORDER BY sequence";
        this.chunks = (maxSequence + CHUNK_SEQUENCES - 1) / CHUNK_SEQUENCES;
        for (int r = 0; r < READERS; r++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS_PER_READER);
            queues.add(queue);
            int first = r;
            Thread t = new Thread(() -> render(first, queue), "audit-export-reader-" + r);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** The next chunk in sequence order, or null when every range has been rendered. */
    Chunk next() throws InterruptedException {
        if (next >= chunks) return null;
        Object item = queues.get((int) (next % READERS)).take();
        next++;
        if (item instanceof Failure f) {
            if (f.error() instanceof SQLException e) {
                throw new AuditStoreException("Could not read the audit trail for the export: " + e.getMessage(), e);
            }
            throw (RuntimeException) f.error();
        }
        return (Chunk) item;
    }

    private void render(int first, BlockingQueue<Object> queue) {
        try (Connection c = store.openReadConnection()) {
            c.setAutoCommit(false);
            StringBuilder text = new StringBuilder(1 << 20);
            // A copy of the format per thread: CSVFormat.print is synchronized on the format instance, and a shared
            // one would make the readers take turns for every cell.
            CSVFormat own = format.builder().get();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // A cursor over one range at a time, never a result list: the driver steps row by row.
                ps.setFetchSize(1_000);
                for (long k = first; k < chunks && !stopped; k += READERS) {
                    where.bind(ps, 1);
                    ps.setLong(where.args().size() + 1, k * CHUNK_SEQUENCES + 1);
                    ps.setLong(where.args().size() + 2, (k + 1) * CHUNK_SEQUENCES);
                    text.setLength(0);
                    if (!hand(queue, renderRange(ps, own, text))) return;
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            hand(queue, new Failure(e instanceof IOException io ? new UncheckedIOException(io) : e));
        }
    }

    /**
     * Prints one range's rows with {@link CSVFormat#print(Object, Appendable, boolean)} directly: a CSVPrinter would
     * take a lock per cell on top of the format's own, about 10% of the export's CPU.
     */
    private static Chunk renderRange(PreparedStatement ps, CSVFormat format, StringBuilder text)
            throws SQLException, IOException {
        int rows = 0;
        long firstSeq = 0;
        long lastSeq = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                // getBytes, not getString: the driver's getString costs about twice as much per column
                String sequence = new String(rs.getBytes(1), StandardCharsets.US_ASCII);
                format.print(sequence, text, true);
                for (int i = 2; i <= columns; i++) {
                    byte[] b = rs.getBytes(i);
                    format.print(b == null ? null : CsvCells.neutralise(new String(b, StandardCharsets.UTF_8)), text, false);
                }
                format.println(text);
                lastSeq = Long.parseLong(sequence);
                if (rows++ == 0) firstSeq = lastSeq;
            }
        }
        return new Chunk(text.toString().getBytes(StandardCharsets.UTF_8), rows, firstSeq, lastSeq);
    }

    private boolean hand(BlockingQueue<Object> queue, Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the readers (if still running) and waits for them to close their connections. */
    @Override
    public void close() {
        stopped = true;
        for (BlockingQueue<Object> q : queues) q.clear();
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
