package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.signoff.audit.AuditAttempt;
import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditEventBuilder;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.ExportResult;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.ActionResult;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.reliability.ProviderCalls.Urls;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People with hostile names and addresses, found and revoked through the real clients, recorded in the real audit
 * store and exported: the store keeps every value exactly, the CSV neutralises every formula start, and nothing the
 * values hold (quotes, commas, line breaks) adds a row or a column.
 */
class HostileAuditInputTest {
    /** What the exporter must do to a cell: a leading ' in front of = + - @ tab CR, nothing else. */
    private static String neutralised(String value) {
        if (value == null || value.isEmpty()) return value == null ? "" : value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    @Test
    void hostileValuesReachTheAuditTrailExactlyAndTheExportNeutralised(@TempDir Path dir) throws Exception {
        List<String> hostileNotes = List.of("=cmd|' /C calc'!A0", "-1+2, \"quoted\"\r\nsecond line", "@SUM(1)\ttab",
                "+tel", "\tstarts with a tab", "\rstarts with a carriage return", "back\\slash \"q\" 'single'");
        int expectedRows = 0;
        try (SimulatorServer sim = RecordingSimulator.start(TestSeeds.hostile(5));
             SqliteAuditStore audit = SqliteAuditStore.open(dir.resolve("audit.db"))) {
            Map<ProviderKind, Provider> providers = providers(sim);
            Map<ProviderKind, Tenant> tenants = tenants(sim, providers);
            for (int person = 0; person < TestSeeds.PEOPLE.size(); person++) {
                String email = TestSeeds.email(person);
                String note = hostileNotes.get(person % hostileNotes.size());
                for (ProviderKind kind : ProviderKind.values()) {
                    Provider p = providers.get(kind);
                    DirectoryUser u = p.findUsers(tenants.get(kind), email).get(0);
                    AuditAttempt attempt = audit.attempt(new AuditEventBuilder(kind == ProviderKind.SCIM ? "deactivate" : "revoke_all_sessions")
                            .operator(TestSeeds.displayName(person)).machine(note).channel("ui").connection(p.connection().id())
                            .provider(kind).tenant(tenants.get(kind).displayName()).target(u.email(), u.id())
                            .param("name", u.displayName()).param("note", note).build());
                    ActionResult r = kind == ProviderKind.SCIM ? p.deactivate(u) : p.revokeAllSessions(u, RevokeOptions.all());
                    attempt.succeeded(note, r.message());
                    expectedRows += 2;
                }
            }

            // The store keeps every value exactly as it was given.
            List<AuditRecord> stored = audit.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 1000).rows();
            assertEquals(expectedRows, stored.size());
            Set<String> storedEmails = new HashSet<>();
            for (AuditRecord r : stored) storedEmails.add(r.event().targetEmail());
            for (int person = 0; person < TestSeeds.PEOPLE.size(); person++) {
                assertTrue(storedEmails.contains(TestSeeds.email(person)), "stored exactly: " + TestSeeds.email(person));
            }
            assertTrue(audit.verify().ok(), "the chain verifies: " + audit.verify());

            Path csv = dir.resolve("export.csv");
            ExportResult result = new AuditCsvExporter(audit, "Signoff test", Clock.systemUTC())
                    .export(AuditFilter.ALL, csv, false, ExportProgress.NONE);
            assertEquals(expectedRows, result.rowCount());

            List<CSVRecord> rows;
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows = parser.getRecords();
            }
            assertEquals(expectedRows, rows.size(), "line breaks and quotes in values add no row");
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord row = rows.get(i);
                AuditRecord record = stored.get(i);
                assertEquals(AuditCsvExporter.HEADER.size(), row.size(), "commas in values add no column (row " + i + ")");
                for (String cell : row.values()) {
                    assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                            "a cell a spreadsheet would run as a formula: " + cell);
                }
                assertEquals(neutralised(record.event().targetEmail()), row.get("target_email"));
                assertEquals(neutralised(record.event().operator()), row.get("operator"));
                assertEquals(neutralised(record.event().machine()), row.get("machine"));
                assertEquals(neutralised(record.event().message()), row.get("message"));
                assertEquals(neutralised(record.event().reference()), row.get("reference"));
                // Parameters are one JSON object: the names inside come back whole.
                var params = JsonParser.parseString(row.get("parameters")).getAsJsonObject();
                assertEquals(record.event().parameters().get("name"), params.get("name").getAsString());
                assertEquals(record.event().parameters().get("note"), params.get("note").getAsString());
            }
        }
    }

    private static Map<ProviderKind, Provider> providers(SimulatorServer sim) {
        SimCredentials c = sim.credentials();
        Urls urls = new Urls(sim.baseUrl(ProviderKind.CIPP).toString(),
                CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP)), sim.baseUrl(ProviderKind.SLACK).toString(),
                sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), sim.baseUrl(ProviderKind.SCIM).toString());
        Map<ProviderKind, Provider> out = new EnumMap<>(ProviderKind.class);
        for (Provider p : ProviderCalls.providers(ProviderCalls.connections(urls, ProviderCalls.hostileOptions(),
                sim.seed().cloudflare().accountId()), ProviderCalls.secrets(c.cippClientSecret(), c.slackToken(),
                c.cloudflareToken(), c.scimToken()))) {
            out.put(p.connection().kind(), p);
        }
        return out;
    }

    private static Map<ProviderKind, Tenant> tenants(SimulatorServer sim, Map<ProviderKind, Provider> providers) throws Exception {
        Map<ProviderKind, Tenant> out = new EnumMap<>(ProviderKind.class);
        String workspace = sim.seed().slack().workspaces().get(0).id();
        for (ProviderKind kind : ProviderKind.values()) {
            List<Tenant> all = new ArrayList<>(providers.get(kind).listTenants());
            out.put(kind, all.stream().filter(t -> switch (kind) {
                case CIPP -> t.id().startsWith("contoso");
                case SLACK -> t.id().equals(workspace);
                default -> true;
            }).findFirst().orElseThrow());
        }
        return out;
    }
}
