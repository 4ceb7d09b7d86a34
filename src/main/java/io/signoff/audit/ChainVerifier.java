package io.signoff.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Walks the hash chain in sequence order and names the first row that does not match. */
final class ChainVerifier {

    private ChainVerifier() { }

    static ChainStatus verify(Connection c) throws SQLException {
        MessageDigest sha = AuditCanonical.sha256();
        ChainHead recorded = SqliteAuditStore.readHead(c);
        boolean headRecorded;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_head")) {
            headRecorded = rs.next() && rs.getLong(1) > 0;
        }
        long expected = 1;
        String prev = AuditCanonical.GENESIS_HASH;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT " + AuditSchema.COLUMNS + " FROM audit_events ORDER BY sequence")) {
                while (rs.next()) {
                    StoredRow row = AuditQueries.readRow(rs);
                    if (row.sequence() != expected) {
                        return row.sequence() > expected
                                ? new ChainStatus.Broken(expected, "row " + expected + " is missing (the next row is "
                                        + row.sequence() + "): rows were deleted")
                                : new ChainStatus.Broken(row.sequence(), "unexpected sequence " + row.sequence()
                                        + " where " + expected + " was due");
                    }
                    if (!prev.equals(row.prevHash())) {
                        return new ChainStatus.Broken(row.sequence(), "prev_hash does not match the hash of row "
                                + (row.sequence() - 1) + ": rows were removed, inserted or reordered");
                    }
                    String actual = AuditCanonical.hash(sha, prev, AuditCanonical.canonical(row));
                    if (!actual.equals(row.hash())) {
                        return new ChainStatus.Broken(row.sequence(),
                                "the row's content does not match its hash: the row was changed");
                    }
                    prev = row.hash();
                    expected++;
                }
            }
        }
        long last = expected - 1;
        if (last == 0 && !headRecorded) return new ChainStatus.Intact(0, AuditCanonical.GENESIS_HASH);
        if (!headRecorded) {
            return new ChainStatus.Broken(last, "the chain head record is missing");
        }
        if (recorded.sequence() > last) {
            return new ChainStatus.Broken(last + 1, "rows " + (last + 1) + " to " + recorded.sequence()
                    + " are missing: the trail was cut short");
        }
        if (recorded.sequence() < last) {
            return new ChainStatus.Broken(recorded.sequence() + 1, "rows after " + recorded.sequence()
                    + " were not written through Signoff (the recorded head is " + recorded.sequence() + ")");
        }
        if (!recorded.hash().equals(prev)) {
            return new ChainStatus.Broken(last, "the recorded head hash does not match the last row");
        }
        return new ChainStatus.Intact(last, prev);
    }
}
