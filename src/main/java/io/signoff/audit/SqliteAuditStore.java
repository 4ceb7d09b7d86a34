package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.provider.http.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The audit trail in one SQLite file (WAL mode): append-only rows linked by a SHA-256 hash chain.
 *
 * <p>Appends run in a {@code BEGIN IMMEDIATE} transaction that reads the chain head, inserts and moves the head, so
 * writers in other threads or other processes on the same file queue up and never fork the chain. A commit is
 * fsynced ({@code synchronous=FULL}) before {@code append} returns. Reads open their own connection, so a long export
 * or verification never holds up a writer.
 */
public final class SqliteAuditStore implements AuditLog, AutoCloseable {
    public static final String FILE_NAME = "audit.db";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteAuditStore.class);
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final String INSERT = "INSERT INTO audit_events (" + AuditSchema.COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "INSERT INTO audit_head (id, sequence, hash) VALUES (1, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash";

    private final Path file;
    private final String url;
    private final Redactor redactor;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final MessageDigest writeDigest = AuditCanonical.sha256();

    private SqliteAuditStore(Path file, Redactor redactor, List<AuditSchema.Migration> migrations) {
        this.file = file.toAbsolutePath();
        this.url = "jdbc:sqlite:" + this.file;
        this.redactor = redactor;
        try {
            Files.createDirectories(this.file.getParent());
        } catch (java.io.IOException e) {
            throw new AuditStoreException("Cannot create the audit directory " + this.file.getParent() + ": " + e.getMessage(), e);
        }
        Connection c = null;
        try {
            SQLiteConfig config = baseConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: the WAL is synced at every commit, so an acknowledged append survives a power cut.
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            c = DriverManager.getConnection(url, config.toProperties());
            AuditSchema.migrate(c, migrations);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new AuditStoreException("Cannot open the audit trail " + this.file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
        this.writer = c;
    }

    /** Opens (creating and migrating as needed) the audit file; secret-shaped text is masked with a fresh Redactor. */
    public static SqliteAuditStore open(Path file) {
        return new SqliteAuditStore(file, new Redactor(), AuditSchema.MIGRATIONS);
    }

    /** As {@link #open(Path)}, masking also the secrets registered with {@code redactor} (share the app's one). */
    public static SqliteAuditStore open(Path file, Redactor redactor) {
        return new SqliteAuditStore(file, redactor, AuditSchema.MIGRATIONS);
    }

    /** For migration tests: the schema history up to and including {@code version}. */
    static SqliteAuditStore openAtVersion(Path file, int version) {
        return new SqliteAuditStore(file, new Redactor(),
                AuditSchema.MIGRATIONS.stream().filter(m -> m.version() <= version).toList());
    }

    /** Where the audit file lives in a data directory (see {@code AppDirectories.data()}). */
    public static Path fileIn(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    public Path file() { return file; }

    @Override
    public long append(AuditEvent event) {
        return appendRows(List.of(event), null)[0];
    }

    @Override
    public long appendOutcome(long attemptSequence, AuditEvent outcome) {
        if (attemptSequence <= 0) throw new IllegalArgumentException("attempt sequence must be positive: " + attemptSequence);
        return appendRows(List.of(outcome), attemptSequence)[0];
    }

    /** Stores many rows in one transaction (one fsync): the way to import or generate in bulk. */
    public long[] appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) return new long[0];
        return appendRows(events, null);
    }

    private long[] appendRows(List<AuditEvent> events, Long attemptSeq) {
        // Sanitise before taking the lock: it is the slow part and needs no chain state.
        List<AuditEvent> clean = new ArrayList<>(events.size());
        List<String> params = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            AuditEvent c = sanitise(e);
            clean.add(c);
            params.add(AuditCanonical.parametersJson(c.parameters()));
        }
        long[] sequences = new long[events.size()];
        writeLock.lock();
        try (Statement st = writer.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                ChainHead head = readHead(writer);
                long seq = head.sequence();
                String prev = head.hash();
                try (PreparedStatement ps = writer.prepareStatement(INSERT)) {
                    for (int i = 0; i < clean.size(); i++) {
                        seq++;
                        StoredRow row = StoredRow.of(seq, clean.get(i), params.get(i), attemptSeq, prev);
                        String hash = AuditCanonical.hash(writeDigest, prev, AuditCanonical.canonical(row));
                        bind(ps, row.withHash(hash));
                        ps.addBatch();
                        sequences[i] = seq;
                        prev = hash;
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = writer.prepareStatement(MOVE_HEAD)) {
                    ps.setLong(1, seq);
                    ps.setString(2, prev);
                    ps.executeUpdate();
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(st);
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditStoreException("Could not write to the audit trail " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        return sequences;
    }

    /** Drops secret-looking parameter keys and masks secret-shaped text: the audit trail must never hold a credential. */
    private AuditEvent sanitise(AuditEvent e) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : e.parameters().entrySet()) {
            if (AuditCanonical.looksSecret(p.getKey())) {
                LOG.warn("Dropped audit parameter '{}' of action {}: its name says it holds a secret", p.getKey(), e.action());
            } else {
                params.put(p.getKey(), redactor.redact(p.getValue()));
            }
        }
        return new AuditEvent(e.timestamp(), e.operator(), e.machine(), e.channel(), e.connectionId(), e.provider(),
                e.tenant(), e.targetEmail(), e.targetUserId(), e.action(), params, e.outcome(),
                redactor.redact(e.reference()), redactor.redact(e.message()), e.runId(), e.stepId());
    }

    private static void bind(PreparedStatement ps, StoredRow r) throws SQLException {
        ps.setLong(1, r.sequence());
        ps.setString(2, r.tsUtc());
        ps.setString(3, r.operator());
        ps.setString(4, r.machine());
        ps.setString(5, r.channel());
        ps.setString(6, r.connectionId());
        ps.setString(7, r.provider());
        ps.setString(8, r.tenant());
        ps.setString(9, r.targetEmail());
        ps.setString(10, r.targetUserId());
        ps.setString(11, r.action());
        ps.setString(12, r.parameters());
        ps.setString(13, r.outcome());
        ps.setString(14, r.reference());
        ps.setString(15, r.message());
        ps.setString(16, r.runId());
        ps.setString(17, r.stepId());
        if (r.attemptSeq() == null) ps.setNull(18, java.sql.Types.INTEGER); else ps.setLong(18, r.attemptSeq());
        ps.setString(19, r.prevHash());
        ps.setString(20, r.hash());
    }

    /** The chain's last link as recorded (sequence 0 and the genesis hash when empty). */
    public ChainHead head() {
        return read(SqliteAuditStore::readHead);
    }

    static ChainHead readHead(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sequence, hash FROM audit_head WHERE id = 1")) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : new ChainHead(0, AuditCanonical.GENESIS_HASH);
        }
    }

    /** Walks the whole chain; reports the first row that does not match. */
    public ChainStatus verify() {
        return read(ChainVerifier::verify);
    }

    /** One page of rows matching {@code filter}, after {@code cursor} (null for the first page). */
    public AuditPage page(AuditFilter filter, SortOrder order, Long cursor, int limit) {
        return read(c -> AuditQueries.page(c, filter, order, cursor, limit));
    }

    public long count(AuditFilter filter) {
        return read(c -> AuditQueries.count(c, filter));
    }

    /** The values present in each filterable column. */
    public FilterChoices filterChoices() {
        return read(AuditQueries::filterChoices);
    }

    /** Rows per UTC day and outcome among those matching {@code filter}, oldest day first. */
    public List<DailyCount> dailyCounts(AuditFilter filter) {
        return read(c -> AuditQueries.dailyCounts(c, filter));
    }

    /** Work that reads in one consistent snapshot (a read transaction) on its own connection. */
    @FunctionalInterface
    interface SnapshotRead<T> {
        T read(Connection connection) throws SQLException;
    }

    <T> T read(SnapshotRead<T> work) {
        try (Connection c = openReadConnection()) {
            c.setAutoCommit(false); // the first SELECT fixes the WAL snapshot every later one sees
            try {
                return work.read(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new AuditStoreException("Could not read the audit trail " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new connection for reading; the caller closes it. */
    Connection openReadConnection() throws SQLException {
        return DriverManager.getConnection(url, baseConfig().toProperties());
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config;
    }

    private static void rollback(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // The transaction is already gone (SQLite rolls back on some errors by itself); the first error is what matters.
            LOG.debug("Rollback after a failed audit write did not run: {}", e.getMessage());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing a half-opened audit connection failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.close();
        } catch (SQLException e) {
            throw new AuditStoreException("Could not close the audit trail " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }
}
