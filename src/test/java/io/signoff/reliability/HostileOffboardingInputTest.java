package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.controller.OffboardingController;
import io.signoff.model.AuditEvent;
import io.signoff.model.Connection;
import io.signoff.model.StepStatus;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RejectedRow;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.TemplateStore;
import io.signoff.simulator.SimulatorServer;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People with hostile names and addresses through offboarding: imported from a CSV file (every row used or rejected
 * with its reason, the real addresses kept exactly), found, planned, run and exported. The run acts on exactly those
 * accounts once each, the audit rows keep the addresses exactly, and the report's cells are formula-neutralised with
 * nothing added by quotes, commas or line breaks.
 */
class HostileOffboardingInputTest {
    /** Addresses a mail system really hands out, hostile or not; the others are not addresses and must be refused. */
    private static final Set<String> REAL_ADDRESSES = Set.of("o'brien@contoso.com", "zoë@contoso.com", "+1@contoso.com",
            "back\\slash@contoso.com", "minus-2+3@contoso.com");

    @TempDir
    Path dir;

    private static String neutralised(String value) {
        if (value == null || value.isEmpty()) return "";
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    @Test
    void hostilePeopleAreImportedPlannedRunAuditedAndReportedUnharmed() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < TestSeeds.PEOPLE.size(); i++) emails.add(TestSeeds.email(i));
        ExecutorService executor = Executors.newCachedThreadPool();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (SimulatorServer sim = RecordingSimulator.start(TestSeeds.hostile(5));
             SqliteAuditStore store = SqliteAuditStore.open(dir.resolve(SqliteAuditStore.FILE_NAME));
             OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
            OffboardingRig.liftRateLimits(sim);
            OffboardingRig.cipp(sim).jobTiming(Duration.ofMillis(100), Duration.ofMillis(100));
            List<Connection> connections = OffboardingRig.connections(sim, OffboardingRig.quickOptions());
            try (OffboardingController offboarding = new OffboardingController(new OffboardingServices(() -> connections,
                    OffboardingRig.lookup(connections, sim), journal, AuditWriter.of(store), new TemplateStore(dir),
                    OffboardingRig.OPERATOR, OffboardingRig.quickSettings(4), Clock.systemUTC(), timer), executor, "ui")) {

                // The import keeps real addresses exactly and refuses the rest with a reason; nothing is lost.
                StringWriter file = new StringWriter();
                try (CSVPrinter csv = new CSVPrinter(file, CSVFormat.DEFAULT)) {
                    csv.printRecord("email");
                    for (String email : emails) csv.printRecord(email);
                }
                EmailImport imported = offboarding.importCsv(new StringReader(file.toString()));
                assertEquals(REAL_ADDRESSES, Set.copyOf(imported.emails()), "imported: " + imported);
                assertEquals(emails.size(), imported.emails().size() + imported.rejected().size(), "every row used or rejected");
                for (RejectedRow row : imported.rejected()) {
                    assertTrue(emails.contains(row.text()) && !REAL_ADDRESSES.contains(row.text()), row.toString());
                    assertFalse(row.reason().isBlank());
                }

                // Typed in, every one of them is found on all four providers under exactly its address.
                List<OffboardingTarget> targets = offboarding.findTargets(emails, Set.of(), t -> { }).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < targets.size(); i++) {
                    OffboardingTarget t = targets.get(i);
                    String typed = emails.get(i);
                    assertEquals(4, t.found().size(), () -> t.email() + ": " + t.accounts());
                    // Addresses compare without case (the person is keyed lower-cased); each account keeps its own exactly.
                    assertTrue(typed.equalsIgnoreCase(t.email()), t.email());
                    t.found().forEach(a -> assertEquals(typed, a.account().email()));
                }
                OffboardingPlan plan = offboarding.preview(targets, OffboardingRig.options("HOSTILE-1"));
                RunSnapshot done = OffboardingRig.runAttestingManualSteps(offboarding, plan, "=cmd|' /C calc'!A0 logged out by hand");
                assertEquals(RunState.FINISHED, done.state(), done.steps().toString());

                // Each account acted on once, and only those accounts.
                sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n, "applied twice: " + effect));
                for (PlanStep step : plan.steps()) {
                    String effect = OffboardingRig.effectOf(step);
                    if (effect != null) assertEquals(1L, sim.calls().effectCounts().getOrDefault(effect, 0L), effect);
                }

                // The audit rows keep every address whole (the person's, lower-cased as the run keys people); the chain verifies.
                List<AuditEvent> rows = store.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 10_000).rows().stream()
                        .map(AuditRecord::event).toList();
                for (String email : emails) {
                    assertTrue(rows.stream().anyMatch(e -> email.equalsIgnoreCase(e.targetEmail())), "audited whole: " + email);
                }
                assertTrue(store.verify().ok(), store.verify().toString());

                // The report: one row per step, formula starts neutralised, names and addresses otherwise whole.
                Path report = offboarding.exportReport(done.runId(), dir.resolve("report.csv")).get(20, TimeUnit.SECONDS);
                List<CSVRecord> records;
                try (Reader in = Files.newBufferedReader(report, StandardCharsets.UTF_8);
                     CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    records = parser.getRecords();
                }
                assertEquals(plan.steps().size(), records.size(), "quotes and line breaks in values add no row");
                for (CSVRecord r : records) {
                    for (String cell : r.values()) {
                        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "formula start in: " + cell);
                    }
                    PlanStep step = plan.step(r.get("step_id")).orElseThrow();
                    assertEquals(neutralised(step.personEmail()), r.get("person"));
                    OffboardingTarget person = targets.stream().filter(t -> t.email().equals(step.personEmail())).findFirst().orElseThrow();
                    assertEquals(neutralised(person.displayName()), r.get("person_name"));
                }
            }
        } finally {
            timer.shutdownNow();
            executor.shutdownNow();
        }
    }
}
