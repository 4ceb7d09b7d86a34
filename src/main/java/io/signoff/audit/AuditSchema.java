package io.signoff.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The audit database's schema, as an ordered list of migrations. schema_version records each one applied;
 * opening a file applies the missing ones, each in its own write transaction (so two processes opening the same
 * new file at once do not both migrate it). Never edit a released migration: add the next one.
 */
final class AuditSchema {

    /** One step of the schema's history. */
    record Migration(int version, String description, List<String> statements) { }

    /** Columns in the order pages, verification and exports read them. */
    static final String COLUMNS = "sequence, ts_utc, operator, machine, channel, connection_id, provider, tenant, "
            + "target_email, target_user_id, action, parameters, outcome, reference, message, run_id, step_id, "
            + "attempt_seq, prev_hash, hash";

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "append-only hash-chained audit events", List.of(
                    "CREATE TABLE audit_events ("
                            + " sequence INTEGER PRIMARY KEY,"
                            + " ts_utc TEXT NOT NULL,"
                            + " operator TEXT, machine TEXT, channel TEXT, connection_id TEXT, provider TEXT, tenant TEXT,"
                            + " target_email TEXT, target_user_id TEXT,"
                            + " action TEXT NOT NULL, parameters TEXT NOT NULL, outcome TEXT NOT NULL,"
                            + " reference TEXT, message TEXT, run_id TEXT, step_id TEXT, attempt_seq INTEGER,"
                            + " prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
                    // The chain's last link, kept apart from the rows so that cutting rows off the end shows.
                    "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, hash TEXT NOT NULL)",
                    // Guards against accidents only; deliberate tampering is what the hash chain detects.
                    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events"
                            + " BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END",
                    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events"
                            + " BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END")),
            new Migration(2, "indexes for the audit view's filters", List.of(
                    "CREATE INDEX audit_events_ts ON audit_events (ts_utc)",
                    "CREATE INDEX audit_events_provider ON audit_events (provider)",
                    "CREATE INDEX audit_events_tenant ON audit_events (tenant)",
                    "CREATE INDEX audit_events_operator ON audit_events (operator)",
                    "CREATE INDEX audit_events_action ON audit_events (action)",
                    "CREATE INDEX audit_events_outcome ON audit_events (outcome)")));

    private AuditSchema() { }

    static int latestVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** Brings the database on {@code connection} (autocommit on) up to the last of {@code migrations}. */
    static void migrate(Connection connection, List<Migration> migrations) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TEXT NOT NULL)");
            int found = currentVersion(st);
            int latest = latestVersion(migrations);
            if (found > latest) {
                throw new AuditStoreException("This audit trail was written by a newer Signoff (schema " + found
                        + ", this version knows up to " + latest + "); open it with that version");
            }
            for (Migration m : migrations) {
                if (m.version() > found) {
                    apply(connection, st, m);
                }
            }
        }
    }

    static int currentVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection connection, Statement st, Migration m) throws SQLException {
        st.execute("BEGIN IMMEDIATE");
        try {
            if (currentVersion(st) >= m.version()) { // another process got there first
                st.execute("ROLLBACK");
                return;
            }
            for (String sql : m.statements()) {
                st.execute(sql);
            }
            try (var ps = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_utc) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setString(3, AuditCanonical.formatTimestamp(Instant.now()));
                ps.executeUpdate();
            }
            st.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            st.execute("ROLLBACK");
            throw e;
        }
    }
}
