package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditEventBuilder;
import io.signoff.audit.AuditExportException;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditPage;
import io.signoff.audit.ChainStatus;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.ExportResult;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditControllerTest {
    private static final Instant NOW = Instant.parse("2026-11-20T15:30:00Z");
    private static final io.signoff.audit.OperatorIdentity OPERATOR = new io.signoff.audit.OperatorIdentity("jdoe", "Jane Helpdesk", "HELPDESK-7");

    @TempDir
    Path dir;
    SqliteAuditStore store;
    ExecutorService executor;
    AuditController controller;

    @BeforeEach
    void setUp() {
        store = SqliteAuditStore.open(dir.resolve("audit.db"));
        java.util.List<io.signoff.model.AuditEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(new AuditEventBuilder("revoke_session").timestamp(NOW.minus(Duration.ofHours(i)))
                    .operator("jdoe").outcome(i % 5 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED).build());
        }
        store.appendAll(events);
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "audit-worker"));
        controller = new AuditController(store, new AuditCsvExporter(store, "Signoff test", Clock.systemUTC()),
                () -> OPERATOR, executor, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        store.close();
    }

    @Test
    void queriesRunOnTheInjectedExecutor() throws Exception {
        String thread = controller.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null)
                .thenApply(p -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertEquals("audit-worker", thread);
    }

    @Test
    void pagesCountsChoicesAndVerification() throws Exception {
        AuditPage first = controller.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null).get();
        assertEquals(AuditController.PAGE_SIZE, first.rows().size());
        AuditPage second = controller.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, first.nextCursor()).get();
        assertEquals(50, second.rows().size());
        assertEquals(50L, controller.count(AuditFilter.ALL.withOutcome(Outcome.FAILED)).get());
        assertEquals(java.util.List.of("failed", "succeeded"), controller.filterChoices().get().outcomes());
        assertInstanceOf(ChainStatus.Intact.class, controller.verify().get());
    }

    @Test
    void theChartCoversAtMostTheLastMonthOfTheFilter() {
        Instant endOfToday = Instant.parse("2026-11-21T00:00:00Z");
        AuditFilter all = controller.chartRange(AuditFilter.ALL);
        assertEquals(endOfToday, all.to());
        assertEquals(endOfToday.minus(Duration.ofDays(AuditController.CHART_DAYS)), all.from());
        Instant from = Instant.parse("2026-11-10T00:00:00Z");
        assertEquals(from, controller.chartRange(AuditFilter.ALL.withRange(from, null)).from());
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        AuditFilter longAgo = controller.chartRange(AuditFilter.ALL.withRange(Instant.parse("2025-01-01T00:00:00Z"), to)
                .withOutcome(Outcome.FAILED));
        assertEquals(to.minus(Duration.ofDays(AuditController.CHART_DAYS)), longAgo.from());
        assertEquals(Outcome.FAILED, longAgo.outcome());
    }

    @Test
    void dailyCountsCoverTheChartRange() throws Exception {
        long total = controller.dailyCounts(controller.chartRange(AuditFilter.ALL)).get().stream()
                .mapToLong(io.signoff.audit.DailyCount::count).sum();
        assertEquals(250, total);
    }

    @Test
    void exportRunsInTheBackgroundAndReportsFailuresThroughTheFuture() throws Exception {
        Path csv = dir.resolve("out.csv");
        ExportResult r = controller.export(AuditFilter.ALL.withOutcome(Outcome.FAILED), csv, false, ExportProgress.NONE).get();
        assertEquals(50, r.rowCount());
        assertTrue(Files.exists(csv));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> controller.export(AuditFilter.ALL, dir.resolve("missing").resolve("x.csv"), false, ExportProgress.NONE).get());
        assertInstanceOf(AuditExportException.class, e.getCause());

        // Each export, the failed one too, left its row: who, from where, what was asked, where the rows went.
        List<io.signoff.model.AuditEvent> exports = store.page(AuditFilter.ALL.withAction(AuditCsvExporter.EXPORT_ACTION),
                SortOrder.OLDEST_FIRST, null, 10).rows().stream().map(io.signoff.audit.AuditRecord::event).toList();
        assertEquals(2, exports.size(), exports::toString);
        io.signoff.model.AuditEvent done = exports.get(0);
        assertEquals(List.of("jdoe (Jane Helpdesk)", "HELPDESK-7", "ui", Outcome.SUCCEEDED, r.sha256()),
                List.of(done.operator(), done.machine(), done.channel(), done.outcome(), done.reference()));
        assertEquals(Map.of("filter.outcome", "failed", "file", csv.toAbsolutePath().toString(), "rows", "50"), done.parameters());
        assertEquals(Outcome.FAILED, exports.get(1).outcome());
        assertTrue(exports.get(1).message().contains("does not exist"), exports.get(1).message());
        assertTrue(store.verify().ok(), "the export rows are chained like any other");
    }

    @Test
    void anExportThatCannotBeRecordedLeavesNoFileBehind() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER refuse_export_rows BEFORE INSERT ON audit_events WHEN NEW.action = 'audit.export'"
                    + " BEGIN SELECT RAISE(ABORT, 'the disk refused the row'); END");
        }
        Path csv = dir.resolve("unrecorded.csv");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> controller.export(AuditFilter.ALL, csv, false, ExportProgress.NONE).get());
        AuditExportException cause = assertInstanceOf(AuditExportException.class, e.getCause());
        assertTrue(cause.getMessage().startsWith("The export could not be recorded in the audit trail, so its files were removed"),
                cause.getMessage());
        assertTrue(Files.notExists(csv) && Files.notExists(AuditCsvExporter.manifestFor(csv)), "no unrecorded copy of the trail");
    }
}
