package io.signoff.offboarding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The journal's tables, beside the audit tables in the same file, with their own version row so each side migrates
 * on its own. Migrations only ever append.
 */
final class JournalSchema {
    record Migration(int version, String description, List<String> statements) { }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "offboarding runs, steps and transitions", List.of(
                    "CREATE TABLE offboarding_runs ("
                            + " run_id TEXT PRIMARY KEY, state TEXT NOT NULL, plan_json TEXT NOT NULL, people TEXT NOT NULL,"
                            + " reference TEXT NOT NULL, operator TEXT NOT NULL, machine TEXT NOT NULL, channel TEXT NOT NULL,"
                            + " created_utc TEXT NOT NULL, scheduled_utc TEXT, updated_utc TEXT NOT NULL, note TEXT NOT NULL DEFAULT '')",
                    "CREATE TABLE offboarding_steps ("
                            + " run_id TEXT NOT NULL REFERENCES offboarding_runs(run_id), step_id TEXT NOT NULL, position INTEGER NOT NULL,"
                            + " status TEXT NOT NULL, detail TEXT NOT NULL, failures_json TEXT NOT NULL, attempts INTEGER NOT NULL,"
                            + " updated_utc TEXT NOT NULL, reference TEXT NOT NULL, call_started_utc TEXT, job_json TEXT,"
                            + " PRIMARY KEY (run_id, step_id))",
                    "CREATE TABLE offboarding_transitions ("
                            + " seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, step_id TEXT NOT NULL, phase TEXT NOT NULL,"
                            + " from_status TEXT NOT NULL, to_status TEXT NOT NULL, detail TEXT NOT NULL, at_utc TEXT NOT NULL)",
                    "CREATE INDEX offboarding_transitions_run ON offboarding_transitions (run_id, seq)",
                    "CREATE INDEX offboarding_runs_state ON offboarding_runs (state)")));

    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private JournalSchema() { }

    static void migrate(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS offboarding_schema_version ("
                    + " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_utc TEXT NOT NULL)");
            int found = current(st);
            if (found > LATEST) {
                throw new SQLException("The offboarding journal has schema version " + found + ", newer than this Signoff ("
                        + LATEST + "): open it with that version");
            }
            for (Migration m : MIGRATIONS) {
                if (m.version() <= found) continue;
                c.setAutoCommit(false);
                try {
                    if (current(st) >= m.version()) { // another process got there first
                        c.rollback();
                        continue;
                    }
                    for (String sql : m.statements()) st.execute(sql);
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO offboarding_schema_version (version, description, applied_utc) VALUES (?, ?, ?)")) {
                        ps.setInt(1, m.version());
                        ps.setString(2, m.description());
                        ps.setString(3, Instant.now().toString());
                        ps.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    static int current(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM offboarding_schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
