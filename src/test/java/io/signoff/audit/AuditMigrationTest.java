package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditMigrationTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyFileIsMigratedToTheLatestSchemaInWalMode() throws Exception {
        Path db = dir.resolve("nested").resolve("audit.db");
        Files.createDirectories(db.getParent());
        Files.createFile(db); // 0 bytes, as a crashed first start or a `touch` would leave it
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            assertEquals(1, store.append(AuditFixtures.event(0, Duration.ZERO)));
        }
        assertEquals(List.of(1, 2), query(db, "SELECT version FROM schema_version ORDER BY version"));
        assertEquals(List.of("wal"), query(db, "PRAGMA journal_mode"));
        assertTrue(query(db, "SELECT name FROM sqlite_master WHERE type = 'index'").contains("audit_events_outcome"));
    }

    @Test
    void aMissingFileAndItsDirectoryAreCreated() {
        Path db = dir.resolve("a").resolve("b").resolve("audit.db");
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            assertEquals(0, store.count(AuditFilter.ALL));
        }
        assertTrue(Files.isRegularFile(db));
    }

    @Test
    void anOlderSchemaIsUpgradedKeepingItsRowsAndChain() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditStore v1 = SqliteAuditStore.openAtVersion(db, 1)) {
            v1.appendAll(AuditFixtures.events(0, 20, Duration.ofMinutes(5)));
        }
        assertEquals(List.of(1), query(db, "SELECT version FROM schema_version"));
        try (SqliteAuditStore latest = SqliteAuditStore.open(db)) {
            assertEquals(List.of(1, 2), query(db, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(20, latest.count(AuditFilter.ALL));
            assertEquals(new ChainStatus.Intact(20, latest.head().hash()), latest.verify());
        }
    }

    @Test
    void reopeningDoesNotMigrateTwice() throws Exception {
        Path db = dir.resolve("audit.db");
        SqliteAuditStore.open(db).close();
        SqliteAuditStore.open(db).close();
        assertEquals(List.of(1, 2), query(db, "SELECT version FROM schema_version ORDER BY version"));
    }

    @Test
    void aNewerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path db = dir.resolve("audit.db");
        SqliteAuditStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01T00:00:00.000Z')");
        }
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> SqliteAuditStore.open(db));
        assertTrue(e.getMessage().contains("newer Signoff"), e.getMessage());
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAsSuch() throws Exception {
        Path db = dir.resolve("audit.db");
        Files.writeString(db, "this is a text file, not SQLite, and it is long enough to have a header".repeat(20));
        AuditStoreException e = assertThrows(AuditStoreException.class, () -> SqliteAuditStore.open(db));
        assertTrue(e.getMessage().contains(db.toString()), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    private static List<Object> query(Path db, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getObject(1));
        }
        return out;
    }
}
