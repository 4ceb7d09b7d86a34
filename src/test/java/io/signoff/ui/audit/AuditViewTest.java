package io.signoff.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditEventBuilder;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.ExportResult;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.controller.AuditController;
import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AuditViewTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final int ROWS = 300;
    private static final io.signoff.audit.OperatorIdentity OPERATOR = new io.signoff.audit.OperatorIdentity("jdoe", null, "HELPDESK-7");

    @TempDir
    static Path dir;
    static ExecutorService executor;
    /** A trail of its own for each test: an export adds its row to the trail it read. */
    SqliteAuditStore store;
    AuditView view;

    @BeforeAll
    static void startWorkers() {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "audit-test-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static SqliteAuditStore filledStore() {
        SqliteAuditStore store = SqliteAuditStore.open(dir.resolve("audit-" + java.util.UUID.randomUUID() + ".db"));
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            events.add(new AuditEventBuilder(i % 2 == 0 ? "revoke_all_sessions" : "disable_sign_in")
                    .timestamp(NOW.minus(Duration.ofHours(ROWS - i)))
                    .operator(i % 3 == 0 ? "asmith" : "jdoe (Jane Helpdesk)").machine("helpdesk-1").channel("ui")
                    .provider(ProviderKind.values()[i % 4]).tenant("tenant-" + (i % 3))
                    .target("user" + i + "@contoso.com", "U" + i).param("scope", "all")
                    .outcome(i % 10 == 7 ? Outcome.FAILED : Outcome.SUCCEEDED)
                    .reference("req-" + i).message("Message for row " + i).build());
        }
        store.appendAll(events);
        return store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @AfterAll
    static void stopWorkers() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Start
    void start(Stage stage) {
        store = filledStore();
        AuditController controller = new AuditController(store,
                new AuditCsvExporter(store, "Signoff test", Clock.systemUTC()), () -> OPERATOR, executor, Clock.fixed(NOW, ZoneOffset.UTC));
        view = new AuditView(controller);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1010, 700);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.onShow();
    }

    @Test
    void filtersByOutcomeAndShowsTheSelectedRowsDetails(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        TableView<AuditRecord> table = robot.lookup("#audit-table").queryTableView();
        assertEquals(AuditController.PAGE_SIZE, table.getItems().size(), "the first page only");
        assertEquals(ROWS, table.getItems().get(0).sequence(), "newest first");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#audit-count").queryAs(Label.class).getText().equals("300 rows"));

        robot.clickOn("#audit-outcome");
        // the popup's entry, not one of the table cells that also read "failed"
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText("failed"))
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#audit-count").queryAs(Label.class).getText().equals("30 rows"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        assertTrue(table.getItems().stream().allMatch(r -> r.event().outcome() == Outcome.FAILED));
        assertEquals("failed", robot.lookup("#audit-outcome").queryAs(ComboBox.class).getValue());

        AuditRecord third = table.getItems().get(2);
        javafx.scene.control.TableRow<?> row = robot.lookup("#audit-table .table-row-cell")
                .<javafx.scene.control.TableRow<?>>match(r -> third.equals(r.getItem())).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(third, table.getSelectionModel().getSelectedItem());
        assertEquals(Long.toString(third.sequence()), detail(robot, "sequence"));
        assertEquals("failed", detail(robot, "outcome"));
        assertEquals(third.event().targetEmail(), detail(robot, "target-email"));
        assertEquals("Message for row " + (third.sequence() - 1), detail(robot, "message"));
        assertEquals("scope = all", detail(robot, "parameters"));
        assertEquals(third.hash(), detail(robot, "hash"));
        if (Boolean.getBoolean("audit.snapshot")) snapshot(robot, Path.of(System.getProperty("audit.snapshot.file")));
    }

    @Test
    void verifyingShowsTheResultAndTheChartHasTheDays(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        robot.clickOn("#audit-verify");
        Label status = robot.lookup("#audit-chain-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Chain OK: 300 rows"));
        assertTrue(status.getStyleClass().contains("chain-ok"));
        javafx.scene.chart.StackedBarChart<?, ?> chart = robot.lookup("#audit-chart").queryAs(javafx.scene.chart.StackedBarChart.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getData().size() == Outcome.values().length);
        long failedBars = chart.getData().stream().filter(s -> s.getName().equals("failed"))
                .flatMap(s -> s.getData().stream()).mapToLong(d -> ((Number) d.getYValue()).longValue()).sum();
        assertEquals(30, failedBars);
    }

    @Test
    void exportWritesTheFilteredRowsInTheBackground(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Path csv = dir.resolve("from-view.csv");
        ExportResult result = WaitForAsyncUtils.asyncFx(() -> view.exportTo(csv, true)).get(5, TimeUnit.SECONDS)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(ROWS, result.rowCount());
        assertEquals(ROWS + 1, Files.readAllLines(csv).size());
        Label status = robot.lookup("#audit-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Exported 300 rows"));
        assertFalse(robot.lookup("#audit-export-progress").query().isVisible());
        assertEquals(1, store.count(AuditFilter.ALL.withAction(AuditCsvExporter.EXPORT_ACTION)), "the export left its row");
    }

    @Test
    void anEmptyTrailSaysWhatWillBeListedAndAFilterThatMatchesNothingSaysSo(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        TableView<AuditRecord> table = robot.lookup("#audit-table").queryTableView();
        robot.clickOn("#audit-text").write("no-such-person");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#audit-count").queryAs(Label.class).getText().equals("0 rows"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "No audit rows match the filters.".equals(((Label) table.getPlaceholder()).getText()));

        try (SqliteAuditStore empty = SqliteAuditStore.open(dir.resolve("empty-" + java.util.UUID.randomUUID() + ".db"))) {
            Stage second = WaitForAsyncUtils.asyncFx(() -> new Stage()).get(5, TimeUnit.SECONDS);
            AuditView fresh = WaitForAsyncUtils.asyncFx(() -> {
                AuditView v = new AuditView(new AuditController(empty, new AuditCsvExporter(empty, "Signoff test", Clock.systemUTC()),
                        () -> OPERATOR, executor, Clock.fixed(NOW, ZoneOffset.UTC)));
                second.setScene(new Scene((javafx.scene.Parent) v.node(), 1010, 700));
                second.show();
                v.onShow();
                return v;
            }).get(5, TimeUnit.SECONDS);
            try {
                fresh.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
                TableView<?> freshTable = (TableView<?>) fresh.node().lookup("#audit-table");
                assertTrue(((Label) freshTable.getPlaceholder()).getText().startsWith("Nothing recorded yet."),
                        ((Label) freshTable.getPlaceholder()).getText());
                javafx.scene.chart.NumberAxis counts = (javafx.scene.chart.NumberAxis)
                        ((javafx.scene.chart.XYChart<?, ?>) fresh.node().lookup("#audit-chart")).getYAxis();
                javafx.util.StringConverter<Number> label = counts.getTickLabelFormatter();
                assertTrue(label != null, "the count axis has its own labels");
                List<String> labels = java.util.stream.Stream.of(0.0, 2.5, 1200.0).map(label::toString).toList();
                assertEquals(List.of("0", "", "1,200"), labels, "rows are counted in whole numbers, not 0.0 or 2.5");
            } finally {
                WaitForAsyncUtils.asyncFx(() -> second.close()).get(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void scrollingToTheEndLoadsTheNextPageOnDemand(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        TableView<AuditRecord> table = robot.lookup("#audit-table").queryTableView();
        assertEquals(AuditController.PAGE_SIZE, table.getItems().size());
        robot.interact(() -> table.scrollTo(AuditController.PAGE_SIZE - 1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == ROWS);
        assertEquals(1, table.getItems().get(ROWS - 1).sequence());
    }

    /** For a look at the layout: -Daudit.snapshot=true -Daudit.snapshot.file=/tmp/audit.png */
    private static void snapshot(FxRobot robot, Path file) throws Exception {
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() ->
                robot.lookup("#audit-table").query().getScene().snapshot(null)).get(5, TimeUnit.SECONDS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static String detail(FxRobot robot, String field) {
        return robot.lookup("#audit-detail-" + field).queryAs(Label.class).getText();
    }
}
