package io.signoff.offboarding;

import io.signoff.model.AuditEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A durable audit writer for the crash test's child process: one row per event in the shared database file, committed
 * before append returns, so the rows written before a kill -9 are there after it.
 */
final class CrashTestAudit implements AuditWriter {
    private final Connection db;

    private CrashTestAudit(Connection db) {
        this.db = db;
    }

    static CrashTestAudit open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 30000");
            st.execute("CREATE TABLE IF NOT EXISTS crash_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT, step_id TEXT,"
                    + " action TEXT, outcome TEXT, channel TEXT)");
        }
        return new CrashTestAudit(c);
    }

    @Override
    public synchronized long append(AuditEvent e) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO crash_audit (run_id, step_id, action, outcome, channel)"
                + " VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.runId());
            ps.setString(2, e.stepId());
            ps.setString(3, e.action());
            ps.setString(4, e.outcome().name());
            ps.setString(5, e.channel());
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("audit row not stored: " + ex.getMessage(), ex);
        }
    }

    /** "stepId outcome" for every row, in order. */
    synchronized List<String> rows() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); var rs = st.executeQuery("SELECT step_id, outcome FROM crash_audit ORDER BY seq")) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
        }
        return out;
    }
}
