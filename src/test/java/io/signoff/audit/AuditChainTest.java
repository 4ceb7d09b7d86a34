package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void fill() {
        db = dir.resolve("audit.db");
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            for (int i = 0; i < 3; i++) store.append(AuditFixtures.event(i, Duration.ofMinutes(1)));
            store.appendAll(AuditFixtures.events(3, 10, Duration.ofMinutes(1)));
        }
    }

    @Test
    void intactChainReportsRowCountAndHeadHash() {
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            ChainStatus.Intact ok = assertInstanceOf(ChainStatus.Intact.class, store.verify());
            assertEquals(10, ok.rowCount());
            assertEquals(store.head().hash(), ok.headHash());
            assertEquals(10, store.head().sequence());
            assertEquals(64, ok.headHash().length());
        }
    }

    @Test
    void emptyTrailIsIntact() {
        try (SqliteAuditStore store = SqliteAuditStore.open(dir.resolve("empty.db"))) {
            assertEquals(new ChainStatus.Intact(0, AuditCanonical.GENESIS_HASH), store.verify());
        }
    }

    @Test
    void changedColumnIsDetectedAtThatRow() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_update",
                "UPDATE audit_events SET message = 'nothing happened here' WHERE sequence = 4");
        ChainStatus.Broken broken = verify();
        assertEquals(4, broken.sequence());
        assertTrue(broken.reason().contains("changed"), broken.reason());
    }

    @Test
    void changedParameterOrOutcomeIsDetected() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_update", "UPDATE audit_events SET outcome = 'succeeded' WHERE sequence = 5");
        assertEquals(5, verify().sequence());
    }

    @Test
    void deletedRowIsDetectedAsAGap() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE sequence = 6");
        ChainStatus.Broken broken = verify();
        assertEquals(6, broken.sequence());
        assertTrue(broken.reason().contains("missing"), broken.reason());
    }

    @Test
    void deletedAndRenumberedRowsAreDetectedByTheLink() throws SQLException {
        // Hiding the gap by renumbering the later rows still breaks prev_hash (and the rows' own hashes).
        tamper("DROP TRIGGER audit_events_no_delete", "DROP TRIGGER audit_events_no_update",
                "DELETE FROM audit_events WHERE sequence = 6",
                "UPDATE audit_events SET sequence = sequence - 1 WHERE sequence > 6");
        ChainStatus.Broken broken = verify();
        assertEquals(6, broken.sequence());
        assertTrue(broken.reason().contains("prev_hash"), broken.reason());
    }

    @Test
    void cuttingRowsOffTheEndIsDetected() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE sequence >= 9");
        ChainStatus.Broken broken = verify();
        assertEquals(9, broken.sequence());
        assertTrue(broken.reason().contains("cut short"), broken.reason());
    }

    @Test
    void truncationStaysVisibleAfterNewAppends() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE sequence = 10");
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            assertEquals(11, store.append(AuditFixtures.event(11, Duration.ofMinutes(1))));
            ChainStatus.Broken broken = assertInstanceOf(ChainStatus.Broken.class, store.verify());
            assertEquals(10, broken.sequence());
        }
    }

    @Test
    void swappedRowsAreDetected() throws SQLException {
        tamper("DROP TRIGGER audit_events_no_update",
                "UPDATE audit_events SET sequence = -3 WHERE sequence = 3",
                "UPDATE audit_events SET sequence = 3 WHERE sequence = 5",
                "UPDATE audit_events SET sequence = 5 WHERE sequence = -3");
        ChainStatus.Broken broken = verify();
        assertEquals(3, broken.sequence());
    }

    @Test
    void plainUpdatesAndDeletesAreRefused() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> st.execute("UPDATE audit_events SET message = 'x'"));
            assertTrue(update.getMessage().contains("append-only"));
            assertThrows(SQLException.class, () -> st.execute("DELETE FROM audit_events"));
        }
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            assertInstanceOf(ChainStatus.Intact.class, store.verify());
        }
    }

    @Test
    void attemptAndOutcomeAreLinkedRows() {
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            AuditEvent planned = OperatorIdentity.current("Jane Helpdesk").event("ui", "revoke_all_sessions")
                    .provider(ProviderKind.SLACK).tenant("E0ACME").target("jane.doe@contoso.com", "U0001")
                    .param("scope", "all").outcome(Outcome.SUCCEEDED).build();
            AuditAttempt attempt = store.attempt(planned);
            long done = attempt.failed("ratelimited", "Slack said: rate limited");
            AuditRecord attemptRow = store.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null, 2).rows().get(1);
            AuditRecord outcomeRow = store.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null, 2).rows().get(0);
            assertEquals(attempt.sequence(), attemptRow.sequence());
            assertEquals(Outcome.ATTEMPTED, attemptRow.event().outcome());
            assertEquals(done, outcomeRow.sequence());
            assertEquals(attempt.sequence(), outcomeRow.attemptSequence());
            assertEquals(Outcome.FAILED, outcomeRow.event().outcome());
            assertEquals("ratelimited", outcomeRow.event().reference());
            assertEquals("U0001", outcomeRow.event().targetUserId());
            assertTrue(outcomeRow.event().operator().endsWith("(Jane Helpdesk)"));
            assertInstanceOf(ChainStatus.Intact.class, store.verify());
        }
    }

    @Test
    void aProviderFailureOfUnknownOutcomeIsRecordedAsUnknown() {
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            AuditAttempt attempt = store.attempt(new AuditEventBuilder("disable_sign_in").provider(ProviderKind.CIPP).build());
            attempt.failed(io.signoff.provider.ProviderException.of(io.signoff.model.ErrorKind.UNKNOWN_OUTCOME,
                    "The connection dropped after the request was sent").httpStatus(502).build());
            AuditEvent outcome = store.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null, 1).rows().get(0).event();
            assertEquals(Outcome.UNKNOWN, outcome.outcome());
            assertEquals("HTTP 502", outcome.reference());
            assertTrue(outcome.message().contains("connection dropped"), outcome.message());
        }
    }

    @Test
    void secretLookingParametersAndSecretShapedTextAreNeverStored() {
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            store.append(new AuditEventBuilder("reset_password").param("user", "jane").param("newPassword", "Hunter2!x")
                    .param("client_secret", "abc123").param("apiToken", "xoxb-1-2-3").param("note", "token=s3cr3tvalue")
                    .message("Sent Authorization: Bearer eyJhbGciOi.payload.sig").build());
            AuditRecord r = store.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null, 1).rows().get(0);
            assertEquals("jane", r.event().parameters().get("user"));
            assertFalse(r.event().parameters().containsKey("newPassword"));
            assertFalse(r.event().parameters().containsKey("client_secret"));
            assertFalse(r.event().parameters().containsKey("apiToken"));
            assertFalse(r.parametersJson().contains("s3cr3tvalue"), r.parametersJson());
            assertFalse(r.event().message().contains("eyJhbGciOi"), r.event().message());
        }
    }

    @Test
    void canonicalFormListsKeysInSortedOrder() {
        StoredRow row = StoredRow.of(7, AuditFixtures.event(7, Duration.ofMinutes(1)), "{}", 3L, AuditCanonical.GENESIS_HASH);
        String json = AuditCanonical.canonical(row);
        java.util.List<String> keys = new java.util.ArrayList<>(
                com.google.gson.JsonParser.parseString(json).getAsJsonObject().keySet());
        java.util.List<String> sorted = new java.util.ArrayList<>(keys);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, keys);
        assertEquals(18, keys.size());
    }

    private ChainStatus.Broken verify() {
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            return assertInstanceOf(ChainStatus.Broken.class, store.verify());
        }
    }

    private void tamper(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }
}
