package io.signoff.audit;

import io.signoff.model.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The read queries behind the audit view and the export; each runs on a connection the caller owns. */
final class AuditQueries {
    private static final int MAX_CHOICES = 500;

    private AuditQueries() { }

    /** A WHERE clause (always non-empty: "1=1" when nothing filters) and its arguments, in order. */
    record Where(String sql, List<Object> args) {
        void bind(PreparedStatement ps, int firstIndex) throws SQLException {
            int i = firstIndex;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
        }
    }

    static Where where(AuditFilter f) {
        StringBuilder sql = new StringBuilder("1=1");
        List<Object> args = new ArrayList<>();
        if (f.from() != null) { sql.append(" AND ts_utc >= ?"); args.add(AuditCanonical.formatTimestamp(f.from())); }
        if (f.to() != null) { sql.append(" AND ts_utc < ?"); args.add(AuditCanonical.formatTimestamp(f.to())); }
        if (f.provider() != null) { sql.append(" AND provider = ?"); args.add(f.provider().slug()); }
        if (f.tenant() != null) { sql.append(" AND tenant = ?"); args.add(f.tenant()); }
        if (f.operator() != null) { sql.append(" AND operator = ?"); args.add(f.operator()); }
        if (f.action() != null) { sql.append(" AND action = ?"); args.add(f.action()); }
        if (f.outcome() != null) { sql.append(" AND outcome = ?"); args.add(f.outcome().slug()); }
        if (f.text() != null) {
            String like = "%" + f.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (target_email LIKE ? ESCAPE '\\' OR target_user_id LIKE ? ESCAPE '\\'"
                    + " OR message LIKE ? ESCAPE '\\' OR parameters LIKE ? ESCAPE '\\')");
            for (int i = 0; i < 4; i++) args.add(like);
        }
        return new Where(sql.toString(), args);
    }

    static AuditPage page(Connection c, AuditFilter filter, SortOrder order, Long cursor, int limit) throws SQLException {
        if (limit < 1) throw new IllegalArgumentException("page size must be at least 1: " + limit);
        Where w = where(filter);
        boolean newest = order == SortOrder.NEWEST_FIRST;
        String keyset = cursor == null ? "" : newest ? " AND sequence < ?" : " AND sequence > ?";
        String sql = "SELECT " + AuditSchema.COLUMNS + " FROM audit_events WHERE " + w.sql() + keyset
                + " ORDER BY sequence " + (newest ? "DESC" : "ASC") + " LIMIT ?";
        List<AuditRecord> rows = new ArrayList<>(limit);
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            w.bind(ps, 1);
            int next = w.args().size() + 1;
            if (cursor != null) ps.setLong(next++, cursor);
            ps.setInt(next, limit + 1); // one extra row tells whether another page exists
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == limit) {
                        more = true;
                        break;
                    }
                    rows.add(readRow(rs).toRecord());
                }
            }
        }
        Long nextCursor = more ? rows.get(rows.size() - 1).sequence() : null;
        return new AuditPage(rows, nextCursor);
    }

    static long count(Connection c, AuditFilter filter) throws SQLException {
        Where w = where(filter);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events WHERE " + w.sql())) {
            w.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static FilterChoices filterChoices(Connection c) throws SQLException {
        return new FilterChoices(distinct(c, "provider"), distinct(c, "tenant"), distinct(c, "operator"),
                distinct(c, "action"), distinct(c, "outcome"));
    }

    private static List<String> distinct(Connection c, String column) throws SQLException {
        // column is one of our own names above, never user input
        String sql = "SELECT DISTINCT " + column + " FROM audit_events WHERE " + column + " IS NOT NULL"
                + " ORDER BY " + column + " LIMIT " + MAX_CHOICES;
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static List<DailyCount> dailyCounts(Connection c, AuditFilter filter) throws SQLException {
        Where w = where(filter);
        String sql = "SELECT substr(ts_utc, 1, 10) AS day, outcome, COUNT(*) FROM audit_events WHERE " + w.sql()
                + " GROUP BY day, outcome ORDER BY day, outcome";
        List<DailyCount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            w.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DailyCount(LocalDate.parse(rs.getString(1)),
                            Outcome.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    /** Reads the row at the cursor; the SELECT must list {@link AuditSchema#COLUMNS} first, in order. */
    static StoredRow readRow(ResultSet rs) throws SQLException {
        long attempt = rs.getLong(18);
        Long attemptSeq = rs.wasNull() ? null : attempt;
        return new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), attemptSeq, rs.getString(19), rs.getString(20));
    }
}
