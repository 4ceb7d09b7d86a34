package io.signoff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.SignoffCommand;
import io.signoff.audit.AuditEventBuilder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.settings.SettingsStore;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.SessionVault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandsTest {
    @TempDir
    Path dir;
    Path data;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void fill() {
        data = dir.resolve("data");
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteAuditStore.fileIn(data))) {
            store.append(event("2026-11-01T10:00:00Z", ProviderKind.SLACK, "E0ACME", Outcome.SUCCEEDED));
            store.append(event("2026-11-02T10:00:00Z", ProviderKind.CIPP, "contoso.onmicrosoft.com", Outcome.FAILED));
            store.append(event("2026-11-02T23:59:59Z", ProviderKind.SLACK, "E0ACME", Outcome.FAILED));
            store.append(event("2026-11-03T00:00:00Z", ProviderKind.SLACK, "E0ACME", Outcome.FAILED));
        }
    }

    @Test
    void verifyAuditReportsAnIntactChain() {
        assertEquals(0, run("verify-audit", "--data-dir", data.toString()));
        assertTrue(out.toString().startsWith("Audit chain OK: 4 rows, head hash "), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void verifyAuditReportsTheFirstBrokenRowAndFails() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + SqliteAuditStore.fileIn(data));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_events_no_update");
            st.execute("UPDATE audit_events SET tenant = 'someone-else' WHERE sequence = 2");
        }
        assertEquals(1, run("verify-audit", "--data-dir", data.toString()));
        assertTrue(err.toString().startsWith("Audit chain BROKEN at sequence 2: the row's content does not match"), err.toString());
    }

    @Test
    void theDataDirectoryCanAlsoBeGivenBeforeTheCommand() {
        assertEquals(0, run("--data-dir", data.toString(), "verify-audit"));
        assertTrue(out.toString().contains("4 rows"), out.toString());
    }

    @Test
    void aMissingTrailIsAClearFailure() {
        assertEquals(1, run("verify-audit", "--data-dir", dir.resolve("elsewhere").toString()));
        assertTrue(err.toString().contains("No audit trail at " + dir.resolve("elsewhere")), err.toString());
        assertFalse(Files.exists(dir.resolve("elsewhere")), "checking must not create an empty trail");
    }

    @Test
    void exportAuditAppliesTheFilterWithWholeUtcDays() throws Exception {
        Path csv = dir.resolve("failed-slack.csv");
        assertEquals(0, run("export-audit", "--out", csv.toString(), "--data-dir", data.toString(),
                "--from", "2026-11-02", "--to", "2026-11-02", "--provider", "slack", "--outcome", "FAILED"));
        assertTrue(out.toString().startsWith("Exported 1 rows (sequence 3 to 3) to " + csv), out.toString());
        assertTrue(out.toString().contains("Manifest: " + csv + ".manifest.json"), out.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("3,2026-11-02T23:59:59.000Z,"), lines.get(1));
        io.signoff.model.AuditEvent export = newestRow();
        assertEquals(List.of("audit.export", "cli", Outcome.SUCCEEDED, "1", "slack", csv.toAbsolutePath().toString()),
                List.of(export.action(), export.channel(), export.outcome(), export.parameters().get("rows"),
                        export.parameters().get("filter.provider"), export.parameters().get("file")),
                "the export left its row in the trail it read");
    }

    @Test
    void exportAuditRecordsTheOperatorNameSetInTheSettings() throws Exception {
        Path config = dir.resolve("config");
        SettingsStore.open(config, new ConnectionSecrets(new SessionVault(), new SessionVault()))
                .updatePreferences(p -> p.withOperatorName("Jane Helpdesk"));
        String osUser = System.getProperty("user.name");

        assertEquals(0, run("--config-dir", config.toString(), "export-audit", "--out", dir.resolve("a.csv").toString(),
                "--data-dir", data.toString()));
        assertEquals(osUser + " (Jane Helpdesk)", newestRow().operator(), "--config-dir given before the command");
        assertEquals(0, run("export-audit", "--out", dir.resolve("b.csv").toString(), "--data-dir", data.toString(),
                "--config-dir", config.toString()));
        assertEquals(osUser + " (Jane Helpdesk)", newestRow().operator(), "--config-dir of the command itself");
        assertEquals(0, run("export-audit", "--out", dir.resolve("c.csv").toString(), "--data-dir", data.toString(),
                "--config-dir", dir.resolve("no-settings").toString()));
        assertEquals(osUser, newestRow().operator(), "no operator name set: the OS user alone");
        assertFalse(Files.exists(dir.resolve("no-settings")), "reading the settings must not create them");
    }

    @Test
    void aCorruptSettingsFileDoesNotStopTheExportAndIsLeftWhereItIs() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path settings = config.resolve(SettingsStore.FILE_NAME);
        Files.write(settings, new byte[] {'{', (byte) 0xC3, '"'});

        assertEquals(0, run("export-audit", "--out", dir.resolve("a.csv").toString(), "--data-dir", data.toString(),
                "--config-dir", config.toString()));
        assertEquals(System.getProperty("user.name"), newestRow().operator());
        try (Stream<Path> files = Files.list(config)) {
            assertEquals(List.of(settings), files.toList(), "a command that only reads leaves the file for the console to set aside");
        }
    }

    /** The trail's newest row, after checking that the trail's chain still verifies. */
    private io.signoff.model.AuditEvent newestRow() {
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteAuditStore.fileIn(data))) {
            assertTrue(store.verify().ok());
            return store.page(io.signoff.audit.AuditFilter.ALL, io.signoff.audit.SortOrder.NEWEST_FIRST, null, 1)
                    .rows().get(0).event();
        }
    }

    @Test
    void exportAuditAcceptsInstantsTenantAndBom() throws Exception {
        Path csv = dir.resolve("excel.csv");
        assertEquals(0, run("export-audit", "--out", csv.toString(), "--data-dir", data.toString(), "--bom",
                "--from", "2026-11-02T00:00:00Z", "--to", "2026-11-03T02:00:00+01:00", "--tenant", "E0ACME"));
        assertTrue(out.toString().startsWith("Exported 2 rows (sequence 3 to 4)"), out.toString());
        assertEquals((byte) 0xEF, Files.readAllBytes(csv)[0]);
    }

    @Test
    void anEmptyResultWritesTheHeaderOnlyAndSaysSo() throws Exception {
        Path csv = dir.resolve("none.csv");
        assertEquals(0, run("export-audit", "--out", csv.toString(), "--data-dir", data.toString(), "--tenant", "nobody"));
        assertTrue(out.toString().startsWith("No audit rows match the filter: wrote " + csv + " with the header row only."),
                out.toString());
        assertEquals(1, Files.readAllLines(csv).size());
    }

    @Test
    void aBadDateIsABadCommandLineNamingTheExpectedFormat() {
        assertEquals(2, run("export-audit", "--out", dir.resolve("x.csv").toString(), "--data-dir", data.toString(),
                "--from", "02/11/2026"));
        assertTrue(err.toString().contains("'02/11/2026' is not a date: expected yyyy-MM-dd"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void otherBadArgumentsExitWithTwo() {
        assertEquals(2, run("export-audit", "--data-dir", data.toString()));
        assertTrue(err.toString().contains("Missing required option: '--out=FILE'"), err.toString());
        reset();
        assertEquals(2, run("export-audit", "--out", "x.csv", "--provider", "okta"));
        assertTrue(err.toString().contains("Unknown provider 'okta'"), err.toString());
        reset();
        assertEquals(2, run("export-audit", "--out", "x.csv", "--outcome", "maybe"));
        assertTrue(err.toString().contains("--outcome"), err.toString());
        reset();
        assertEquals(2, run("export-audit", "--out", "x.csv", "--from", "2026-11-03", "--to", "2026-11-01"));
        assertTrue(err.toString().contains("must be after --from"), err.toString());
    }

    @Test
    void anUnwritablePathFailsClearlyAndLeavesNothingBehind() throws Exception {
        Files.writeString(dir.resolve("a-file"), "x");
        Path csv = dir.resolve("a-file").resolve("report.csv");
        assertEquals(1, run("export-audit", "--out", csv.toString(), "--data-dir", data.toString()));
        assertTrue(err.toString().startsWith("export-audit: Cannot write " + csv), err.toString());
        assertTrue(err.toString().contains("is not a directory"), err.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("a-file", "data"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** Runs a command; without a --config-dir of its own, on an empty one (never the settings of whoever runs the tests). */
    private int run(String... args) {
        if (!List.of(args).contains("--config-dir")) {
            List<String> isolated = new java.util.ArrayList<>(List.of("--config-dir", dir.resolve("config-of-the-test").toString()));
            isolated.addAll(List.of(args));
            args = isolated.toArray(String[]::new);
        }
        CommandLine cl = SignoffCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    private static io.signoff.model.AuditEvent event(String at, ProviderKind provider, String tenant, Outcome outcome) {
        return new AuditEventBuilder("revoke_all_sessions").timestamp(Instant.parse(at)).operator("cron").machine("srv")
                .channel("cli").provider(provider).tenant(tenant).target("jane.doe@contoso.com", "U1").outcome(outcome).build();
    }
}
