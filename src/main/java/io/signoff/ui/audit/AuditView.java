package io.signoff.ui.audit;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditPage;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.ChainStatus;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.ExportResult;
import io.signoff.audit.SortOrder;
import io.signoff.controller.AuditController;
import io.signoff.model.Outcome;
import io.signoff.ui.SectionView;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: filters, a per-day chart, a table that loads pages on demand (keyset queries, so it stays fast on
 * a 1,000,000-row trail), the selected row's details, chain verification and CSV export. Every query runs through
 * the controller off the FX thread.
 */
public final class AuditView implements SectionView {
    /** The table never holds more rows than this: beyond it, narrowing the filter or exporting is the way. */
    static final int MAX_LOADED_ROWS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditView.class);
    private static final int PREFETCH_ROWS = 40;
    private static final String NEWEST = "Newest first";
    private static final String OLDEST = "Oldest first";
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    private final AuditController controller;
    private final AuditFilterBar filters = new AuditFilterBar(this::reload);
    private final AuditChart chart = new AuditChart();
    private final AuditDetailPane detail = new AuditDetailPane();
    private final ObservableList<AuditRecord> rows = FXCollections.observableArrayList();
    private final TableView<AuditRecord> table = new TableView<>(rows);
    private final ChoiceBox<String> sort = new ChoiceBox<>(FXCollections.observableArrayList(NEWEST, OLDEST));
    private final Label countLabel = new Label();
    private final Label chainLabel = new Label();
    private final Label statusLabel = new Label();
    private final Button verifyButton = new Button("Verify chain");
    private final Button exportButton = new Button("Export CSV…");
    private final Button cancelExportButton = new Button("Cancel");
    private final CheckBox bom = new CheckBox("BOM for Excel");
    private final ProgressBar exportProgress = new ProgressBar();
    private final VBox root;
    private final CompletableFuture<Void> firstPageShown = new CompletableFuture<>();
    private AuditFilter currentFilter = AuditFilter.ALL;
    private final Label placeholder = new Label();
    private long generation;
    private Long cursor;
    private boolean loadingPage;
    private long matchingRows = -1;
    private boolean shown;

    public AuditView(AuditController controller) {
        this.controller = controller;
        buildTable();
        sort.setId("audit-sort");
        sort.setValue(NEWEST);
        sort.valueProperty().addListener((obs, old, now) -> reload());
        countLabel.setId("audit-count");
        countLabel.getStyleClass().add("muted");
        chainLabel.setId("audit-chain-status");
        statusLabel.setId("audit-status");
        statusLabel.getStyleClass().add("muted");
        verifyButton.setId("audit-verify");
        verifyButton.setOnAction(e -> verify());
        exportButton.setId("audit-export");
        exportButton.setOnAction(e -> chooseExportFile());
        bom.setId("audit-bom");
        cancelExportButton.setId("audit-export-cancel");
        exportProgress.setId("audit-export-progress");
        exportProgress.setPrefWidth(140);
        showExporting(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, sort, countLabel, spacer, chainLabel, verifyButton, bom, exportButton,
                exportProgress, cancelExportButton);
        actions.getStyleClass().add("audit-actions");
        SplitPane split = new SplitPane(table, detail.node());
        split.setDividerPositions(0.74);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(8, filters.node(), actions, chart.node(), split, statusLabel);
        root.getStyleClass().add("audit-view");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> detail.show(now));
    }

    @Override
    public Node node() { return root; }

    /** Reloads on every visit: other sections write to the trail while this one is hidden. */
    @Override
    public void onShow() {
        if (!shown) {
            shown = true;
            controller.filterChoices().whenCompleteAsync((choices, error) -> {
                if (error == null) filters.setChoices(choices);
                else fail("Could not load the filter choices", error);
            }, Platform::runLater);
        }
        reload();
    }

    /** Completes when the first page of rows is on screen. */
    @Override
    public CompletionStage<Void> loaded() { return firstPageShown; }

    private void buildTable() {
        table.setId("audit-table");
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("#", 55, r -> r.sequence()));
        TableColumn<AuditRecord, Object> time = column("Time (UTC)", 150, r -> TIME.format(r.event().timestamp()));
        time.setMinWidth(150); // a cut-off time is useless; the text columns give way instead
        table.getColumns().add(time);
        TableColumn<AuditRecord, Object> operator = column("Operator", 130, r -> r.event().operator());
        operator.setMinWidth(85); // a header cut to "Oper…" names nothing
        table.getColumns().add(operator);
        TableColumn<AuditRecord, Object> provider = column("Provider", 90, r -> r.event().provider() == null ? "" : r.event().provider().slug());
        provider.setMinWidth(80);
        table.getColumns().add(provider);
        table.getColumns().add(column("Tenant", 150, r -> r.event().tenant()));
        table.getColumns().add(column("Target", 170, r -> r.event().targetEmail()));
        table.getColumns().add(column("Action", 140, r -> r.event().action()));
        TableColumn<AuditRecord, Object> outcome = column("Outcome", 80, r -> r.event().outcome().slug());
        outcome.setMinWidth(75);
        outcome.setCellFactory(c -> new OutcomeCell());
        table.getColumns().add(outcome);
        table.getColumns().add(column("Message", 220, r -> r.event().message()));
        // Rows come from the store in the chosen order; sorting only the loaded page would mislead.
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRecord item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= rows.size() - PREFETCH_ROWS) loadNextPage();
            }
        });
    }

    private static TableColumn<AuditRecord, Object> column(String title, double width, Function<AuditRecord, Object> value) {
        TableColumn<AuditRecord, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(40);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private static final class OutcomeCell extends TableCell<AuditRecord, Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            for (Outcome o : Outcome.values()) getStyleClass().remove("outcome-" + o.slug());
            setText(empty || item == null ? null : item.toString());
            if (!empty && item != null) getStyleClass().add("outcome-" + item);
        }
    }

    private SortOrder order() {
        return OLDEST.equals(sort.getValue()) ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST;
    }

    /** Starts over: first page, count and chart for the current filters. Stale answers are dropped by generation. */
    private void reload() {
        AuditFilter filter;
        try {
            filter = filters.filter();
        } catch (IllegalArgumentException e) {
            statusLabel.setText(e.getMessage());
            return;
        }
        currentFilter = filter;
        placeholder.setText("Loading…");
        long gen = ++generation;
        cursor = null;
        loadingPage = true;
        matchingRows = -1;
        countLabel.setText("Counting…");
        statusLabel.setText("");
        controller.page(filter, order(), null).whenCompleteAsync((page, error) -> {
            if (gen != generation) return;
            loadingPage = false;
            if (error != null) {
                placeholder.setText("The audit rows could not be loaded: see the status line.");
                fail("Could not load the audit rows", error);
            } else {
                // An empty trail is not a filter that matched nothing: say what will appear here.
                placeholder.setText(filter.equals(AuditFilter.ALL)
                        ? "Nothing recorded yet. Every revoke, offboarding step, attestation and export will be listed here."
                        : "No audit rows match the filters.");
                table.getSelectionModel().clearSelection();
                rows.setAll(page.rows());
                cursor = page.nextCursor();
                table.scrollTo(0);
            }
            firstPageShown.complete(null);
        }, Platform::runLater);
        controller.count(filter).whenCompleteAsync((count, error) -> {
            if (gen != generation) return;
            if (error != null) {
                countLabel.setText("");
                fail("Could not count the audit rows", error);
            } else {
                matchingRows = count;
                countLabel.setText(String.format("%,d %s", count, count == 1 ? "row" : "rows"));
            }
        }, Platform::runLater);
        AuditFilter chartRange = controller.chartRange(filter);
        controller.dailyCounts(chartRange).whenCompleteAsync((counts, error) -> {
            if (gen != generation) return;
            if (error != null) fail("Could not load the chart", error);
            else chart.show(counts, chartRange);
        }, Platform::runLater);
    }

    private void loadNextPage() {
        if (loadingPage || cursor == null) return;
        if (rows.size() >= MAX_LOADED_ROWS) {
            statusLabel.setText(String.format("Showing the first %,d rows: narrow the filters, change the order,"
                    + " or export to see the rest.", rows.size()));
            return;
        }
        loadingPage = true;
        long gen = generation;
        controller.page(currentFilter, order(), cursor).whenCompleteAsync((AuditPage page, Throwable error) -> {
            if (gen != generation) return;
            loadingPage = false;
            if (error != null) {
                fail("Could not load more audit rows", error);
                return;
            }
            rows.addAll(page.rows());
            cursor = page.nextCursor();
        }, Platform::runLater);
    }

    private void verify() {
        verifyButton.setDisable(true);
        chainLabel.getStyleClass().removeAll("chain-ok", "error-label");
        chainLabel.setText("Verifying…");
        controller.verify().whenCompleteAsync((status, error) -> {
            verifyButton.setDisable(false);
            if (error != null) {
                chainLabel.setText("Could not verify");
                fail("Could not verify the chain", error);
            } else if (status instanceof ChainStatus.Intact ok) {
                chainLabel.setText(String.format("Chain OK: %,d rows, head %s…", ok.rowCount(), ok.headHash().substring(0, 12)));
                chainLabel.getStyleClass().add("chain-ok");
            } else {
                ChainStatus.Broken broken = (ChainStatus.Broken) status;
                chainLabel.setText("Chain BROKEN at #" + broken.sequence() + ": " + broken.reason());
                chainLabel.getStyleClass().add("error-label");
            }
        }, Platform::runLater);
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit rows shown");
        chooser.setInitialFileName("signoff-audit-" + LocalDate.now() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        java.io.File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) exportTo(file.toPath(), bom.isSelected());
    }

    /** Exports the rows matching the current filters in the background, with progress and a cancel button. */
    CompletionStage<ExportResult> exportTo(Path file, boolean withBom) {
        AtomicBoolean cancel = new AtomicBoolean();
        long total = matchingRows;
        showExporting(true);
        exportProgress.setProgress(total > 0 ? 0 : ProgressBar.INDETERMINATE_PROGRESS);
        cancelExportButton.setOnAction(e -> cancel.set(true));
        statusLabel.setText("Exporting to " + file + "…");
        ExportProgress progress = new ExportProgress() {
            @Override
            public void rowsWritten(long written) {
                if (total > 0) Platform.runLater(() -> exportProgress.setProgress(Math.min(1.0, (double) written / total)));
            }

            @Override
            public boolean cancelRequested() { return cancel.get(); }
        };
        return controller.export(currentFilter, file, withBom, progress).whenCompleteAsync((result, error) -> {
            showExporting(false);
            if (error != null) {
                fail("Export failed", error);
            } else if (result.empty()) {
                statusLabel.setText("No rows match the filters: wrote a header-only file " + result.csv());
            } else {
                statusLabel.setText(String.format("Exported %,d rows to %s (manifest beside it)", result.rowCount(), result.csv()));
            }
        }, Platform::runLater);
    }

    private void showExporting(boolean exporting) {
        exportButton.setDisable(exporting);
        exportProgress.setVisible(exporting);
        exportProgress.setManaged(exporting);
        cancelExportButton.setVisible(exporting);
        cancelExportButton.setManaged(exporting);
    }

    private void fail(String what, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        LOG.warn("{}: {}", what, cause.getMessage(), cause);
        statusLabel.setText(what + ": " + cause.getMessage());
    }

}
