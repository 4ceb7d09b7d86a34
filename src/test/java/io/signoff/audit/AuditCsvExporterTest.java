package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCsvExporterTest {
    private static final Instant NOW = Instant.parse("2026-11-05T12:00:00Z");
    /**
     * The whole expected file. The hashes double as a golden test of the canonical form: if they change, the
     * canonical form changed, and every chain written before would stop verifying.
     */
    private static final String FIXTURE_CSV = String.join("\r\n",
            "sequence,timestamp_utc,operator,machine,channel,connection,provider,tenant,target_email,target_user_id,"
                    + "action,parameters,outcome,reference,message,run_id,step_id,attempt_sequence,prev_hash,hash",
            "1,2026-11-02T08:15:30.123Z,jdoe (Jane Helpdesk),helpdesk-1,ui,slack-grid,slack,E0ACME,"
                    + "jane.doe@contoso.com,U0001,revoke_all_sessions,"
                    + "\"{\"\"reason\"\":\"\"Leaver, HR ticket \\\"\"HD-1\\\"\"\"\",\"\"scope\"\":\"\"all\"\"}\","
                    + "attempted,,,,,,0000000000000000000000000000000000000000000000000000000000000000,"
                    + "8817e29a22f4c9795c5520f9749e530fba85af76532af9221be732de9bf5aa43",
            "2,2026-11-02T08:15:31.000Z,jdoe (Jane Helpdesk),helpdesk-1,ui,slack-grid,slack,E0ACME,"
                    + "jane.doe@contoso.com,U0001,revoke_all_sessions,"
                    + "\"{\"\"reason\"\":\"\"Leaver, HR ticket \\\"\"HD-1\\\"\"\"\",\"\"scope\"\":\"\"all\"\"}\","
                    + "succeeded,req-7f3a,Revoked 3 sessions,,,1,"
                    + "8817e29a22f4c9795c5520f9749e530fba85af76532af9221be732de9bf5aa43,"
                    + "70f57b111fdc72c7c114013f14daf908ecdcb9971c47ee92b59c930884ca733b",
            "3,2026-11-02T09:00:00.000Z,asmith,helpdesk-2,cli,cipp-main,cipp,"
                    + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",'+1-555-0100@contoso.com,'\tU2,"
                    + "disable_sign_in,{},failed,'@SUM(A1),'-2+3 went wrong,run-1,step-2,,"
                    + "70f57b111fdc72c7c114013f14daf908ecdcb9971c47ee92b59c930884ca733b,"
                    + "15c61e8c43c38ecd788c289cde068caf7277ff27a253d4e8cb5cab99854a6ade",
            "4,2026-11-03T23:59:59.999Z,asmith,helpdesk-2,ui,,,,zoë.müller@contoso.com,,lucid_log_out_user,"
                    + "\"{\"\"evidence\"\":\"\"Called Lucid support; ticket 42\"\"}\",attested,,"
                    + "\"'\rline one\nline two\",,,,"
                    + "15c61e8c43c38ecd788c289cde068caf7277ff27a253d4e8cb5cab99854a6ade,"
                    + "ea0750d5ddedc711f6636d690c9467634d1f61539e7c321999ea9c09d9fdfe73") + "\r\n";

    @TempDir
    Path dir;
    SqliteAuditStore store;
    AuditCsvExporter exporter;

    @BeforeEach
    void open() {
        store = SqliteAuditStore.open(dir.resolve("audit.db"));
        exporter = new AuditCsvExporter(store, "Signoff test", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void exportsTheFixtureExactly() throws IOException {
        CsvFixture.write(store);
        Path out = dir.resolve("report.csv");
        ExportResult r = exporter.export(AuditFilter.ALL, out, false, ExportProgress.NONE);
        assertEquals(FIXTURE_CSV, Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(4, r.rowCount());
        assertEquals(1L, r.firstSequence());
        assertEquals(4L, r.lastSequence());
        assertFalse(r.empty());
    }

    @Test
    void formulaCellsAreNeutralised() {
        for (String risky : List.of("=1+1", "+1", "-1", "@A1", "\tx", "\rx")) {
            assertEquals("'" + risky, CsvCells.neutralise(risky));
        }
        for (String safe : List.of("a=1", "1-2", "jane@contoso.com", " =x", "'=already", "")) {
            assertEquals(safe, CsvCells.neutralise(safe));
        }
        assertNull(CsvCells.neutralise(null));
    }

    @Test
    void byteOrderMarkIsOptionalAndCoveredByTheManifestHash() throws Exception {
        CsvFixture.write(store);
        Path out = dir.resolve("excel.csv");
        ExportResult r = exporter.export(AuditFilter.ALL, out, true, ExportProgress.NONE);
        byte[] bytes = Files.readAllBytes(out);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        assertEquals("\uFEFF" + FIXTURE_CSV, new String(bytes, StandardCharsets.UTF_8));
        assertEquals(sha256(out), r.sha256());
    }

    @Test
    void manifestDescribesTheFileAndItsHashMatches() throws Exception {
        store.appendAll(AuditFixtures.events(0, 300, Duration.ofHours(1)));
        AuditFilter filter = AuditFilter.ALL.withOutcome(Outcome.FAILED).withProvider(ProviderKind.SLACK)
                .withRange(AuditFixtures.T0, AuditFixtures.T0.plus(Duration.ofDays(30)));
        Path out = dir.resolve("failed.csv");
        ExportResult r = exporter.export(filter, out, false, ExportProgress.NONE);
        JsonObject m = JsonParser.parseString(Files.readString(AuditCsvExporter.manifestFor(out))).getAsJsonObject();
        assertEquals("failed.csv", m.get("file").getAsString());
        assertEquals(sha256(out), m.get("sha256").getAsString());
        assertEquals(store.count(filter), m.get("rowCount").getAsLong());
        assertEquals(r.firstSequence(), m.get("firstSequence").getAsLong());
        assertEquals(r.lastSequence(), m.get("lastSequence").getAsLong());
        assertEquals(300, m.get("chainHeadSequence").getAsLong());
        assertEquals(store.head().hash(), m.get("chainHeadHash").getAsString());
        assertEquals("failed", m.getAsJsonObject("filter").get("outcome").getAsString());
        assertEquals("slack", m.getAsJsonObject("filter").get("provider").getAsString());
        assertEquals(NOW.toString(), m.get("exportedAt").getAsString());
        assertEquals("Signoff test", m.get("tool").getAsString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(r.rowCount() + 1, lines.size());
        lines.stream().skip(1).forEach(l -> assertTrue(l.contains(",slack,") && l.contains(",failed,"), l));
    }

    @Test
    void rowsComeOutInSequenceOrderAcrossManyRanges() throws IOException {
        int rows = ParallelCsvRenderer.CHUNK_SEQUENCES * 3 + 17; // several ranges per reader thread, a partial last one
        store.appendAll(AuditFixtures.events(0, rows, Duration.ofSeconds(1)));
        Path out = dir.resolve("all.csv");
        ExportResult r = exporter.export(AuditFilter.ALL, out, false, ExportProgress.NONE);
        assertEquals(rows, r.rowCount());
        try (Stream<String> lines = Files.lines(out)) {
            long[] expected = {1};
            lines.skip(1).forEach(l -> assertEquals(expected[0]++, Long.parseLong(l.substring(0, l.indexOf(',')))));
            assertEquals(rows + 1, expected[0]);
        }
    }

    @Test
    void noMatchGivesAHeaderOnlyFileAndSaysSo() throws IOException {
        CsvFixture.write(store);
        Path out = dir.resolve("none.csv");
        ExportResult r = exporter.export(AuditFilter.ALL.withTenant("nobody"), out, false, ExportProgress.NONE);
        assertTrue(r.empty());
        assertNull(r.firstSequence());
        assertEquals(FIXTURE_CSV.substring(0, FIXTURE_CSV.indexOf("\r\n") + 2), Files.readString(out));
        assertTrue(Files.exists(AuditCsvExporter.manifestFor(out)));
    }

    @Test
    void anUnwritableDirectoryFailsClearlyAndLeavesNothing() throws IOException {
        CsvFixture.write(store);
        Path locked = unwritableDirectory();
        Path out = locked.resolve("report.csv");
        AuditExportException e = assertThrows(AuditExportException.class,
                () -> exporter.export(AuditFilter.ALL, out, false, ExportProgress.NONE));
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(AuditCsvExporter.manifestFor(out)));
    }

    @Test
    void aMissingDirectoryOrAFileInTheWayFailsClearly() throws IOException {
        AuditExportException missing = assertThrows(AuditExportException.class,
                () -> exporter.export(AuditFilter.ALL, dir.resolve("no-such-dir").resolve("r.csv"), false, ExportProgress.NONE));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Files.writeString(dir.resolve("plain-file"), "x");
        AuditExportException notDir = assertThrows(AuditExportException.class,
                () -> exporter.export(AuditFilter.ALL, dir.resolve("plain-file").resolve("r.csv"), false, ExportProgress.NONE));
        assertTrue(notDir.getMessage().contains("is not a directory"), notDir.getMessage());
    }

    @Test
    void aFailureAfterTheCsvIsWrittenLeavesNothingBehind() throws IOException {
        CsvFixture.write(store);
        Path out = dir.resolve("exports").resolve("report.csv");
        Files.createDirectories(AuditCsvExporter.manifestFor(out)); // a non-empty directory where the manifest goes
        Files.writeString(AuditCsvExporter.manifestFor(out).resolve("keep"), "x");
        assertThrows(AuditExportException.class, () -> exporter.export(AuditFilter.ALL, out, false, ExportProgress.NONE));
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(AuditCsvExporter.manifestFor(out)), left.toList(), "only what was there before");
        }
    }

    @Test
    void cancellingStopsTheExportAndLeavesNothingBehind() throws IOException {
        store.appendAll(AuditFixtures.events(0, ParallelCsvRenderer.CHUNK_SEQUENCES * 4, Duration.ofSeconds(1)));
        Path out = dir.resolve("exports").resolve("big.csv");
        Files.createDirectories(out.getParent());
        long[] seen = {0};
        ExportProgress cancelAfterFirstChunk = new ExportProgress() {
            @Override
            public void rowsWritten(long rows) { seen[0] = rows; }

            @Override
            public boolean cancelRequested() { return seen[0] > 0; }
        };
        AuditExportException e = assertThrows(AuditExportException.class,
                () -> exporter.export(AuditFilter.ALL, out, false, cancelAfterFirstChunk));
        assertTrue(e.isCancelled());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** A directory this process cannot create files in (root ignores permission bits, but not /sys). */
    private Path unwritableDirectory() throws IOException {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        locked.toFile().setWritable(false, false);
        if (!canCreateIn(locked)) return locked;
        Path sys = Path.of("/sys");
        Assumptions.assumeTrue(Files.isDirectory(sys) && !canCreateIn(sys), "no unwritable directory available");
        return sys;
    }

    private static boolean canCreateIn(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, ".probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
