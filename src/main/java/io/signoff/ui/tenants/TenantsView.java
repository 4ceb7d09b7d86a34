package io.signoff.ui.tenants;

import io.signoff.controller.LoadState;
import io.signoff.controller.LookupScope;
import io.signoff.controller.TenantRow;
import io.signoff.controller.TenantsController;
import io.signoff.controller.TenantsSnapshot;
import io.signoff.model.Tenant;
import io.signoff.ui.FxLatest;
import io.signoff.ui.SectionView;
import io.signoff.ui.TableSupport;
import io.signoff.ui.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every tenant across connections in one table, filtered as you type. A connection that failed, is not connected or
 * has no tenants appears as a row saying so. Selecting tenants scopes the person search.
 */
public final class TenantsView implements SectionView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final TenantsController controller;
    private final Workspace workspace;
    private final VBox root = new VBox(10);
    private final TextField filter = new TextField();
    private final Label summary = new Label();
    private final Label scopeLabel = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final TableView<TenantRow> table = new TableView<>();
    private final ObservableList<TenantRow> rows = FXCollections.observableArrayList();
    private List<TenantRow> allRows = List.of();
    /** The operator's selection, kept apart from the table's so that filtering never changes the search scope. */
    private final Map<String, Tenant> chosen = new LinkedHashMap<>();
    private boolean rendering;
    private CompletableFuture<Void> loaded = new CompletableFuture<>();
    private boolean started;

    public TenantsView(TenantsController controller, Workspace workspace) {
        this.controller = controller;
        this.workspace = workspace;
        root.getStyleClass().add("tenants-view");
        root.getStylesheets().add(TenantsView.class.getResource("tenants.css").toExternalForm());

        filter.setId("tenants-filter");
        filter.setPromptText("Filter tenants, domains, connections…  (Ctrl+F)");
        filter.textProperty().addListener((obs, old, text) -> applyFilter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setId("tenants-refresh");
        refresh.setOnAction(e -> reload());
        progress.setPrefSize(18, 18);
        progress.setVisible(false);
        summary.setId("tenants-summary");
        summary.getStyleClass().add("muted");
        HBox bar = new HBox(8, filter, refresh, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        scopeLabel.setId("tenants-scope");
        Button clearScope = new Button("Search everywhere");
        clearScope.setId("tenants-clear-scope");
        clearScope.setOnAction(e -> {
            chosen.clear();
            table.getSelectionModel().clearSelection();
            publishScope();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(10, scopeLabel, spacer, summary, clearScope);
        footer.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(bar, table, footer);
        TableSupport.focusOnFind(root, filter);
        showScope(LookupScope.everywhere());
    }

    private void buildTable() {
        table.setId("tenants-table");
        table.setItems(rows);
        table.setPlaceholder(new Label("No connection configured. Add one in Connections."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TableSupport.textColumn("Tenant", 220, TenantRow::name));
        table.getColumns().add(TableSupport.textColumn("Domain / id", 220, r -> r.isTenant() ? (r.domain().isBlank() ? r.tenant().id() : r.domain()) : ""));
        table.getColumns().add(TableSupport.textColumn("Connection", 170, r -> r.connection().displayName()));
        table.getColumns().add(TableSupport.textColumn("Provider", 160, r -> r.connection().kind().displayName()));
        table.getColumns().add(TableSupport.textColumn("Relationship / status", 260, TenantRow::status));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TenantRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean problem = !empty && item != null && !item.isTenant() && item.kind() != TenantRow.Kind.LOADING;
                pseudoClassStateChanged(PROBLEM, problem);
                pseudoClassStateChanged(PENDING, !empty && item != null && item.kind() == TenantRow.Kind.LOADING);
                setTooltip(problem && item.errorKind() != null ? new Tooltip(item.errorKind().summary() + ". " + item.errorKind().advice()) : null);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TenantRow>) c -> selectionChanged());
        MenuItem copyDomain = new MenuItem("Copy domain");
        copyDomain.setOnAction(e -> {
            TenantRow r = table.getSelectionModel().getSelectedItem();
            if (r != null && r.isTenant()) TableSupport.copy(r.domain().isBlank() ? r.tenant().id() : r.domain());
        });
        TableSupport.install(table, copyDomain);
    }


    @Override
    public Node node() { return root; }

    @Override
    public void onShow() {
        if (!started) load(false); // the first showing takes the lists the console started fetching as it opened
    }

    @Override
    public CompletionStage<Void> loaded() { return loaded; }

    /** Lists every connection's tenants again; rows update as each connection answers. */
    public void reload() {
        load(true);
    }

    private void load(boolean fresh) {
        started = true;
        if (loaded.isDone()) loaded = new CompletableFuture<>();
        CompletableFuture<Void> thisLoad = loaded;
        progress.setVisible(true);
        FxLatest<TenantsSnapshot> render = new FxLatest<>(snapshot -> {
            render(snapshot);
            if (snapshot.finished()) {
                progress.setVisible(false);
                thisLoad.complete(null);
            }
        });
        if (fresh) controller.load(render);
        else controller.loadReusing(render);
    }

    private void render(TenantsSnapshot snapshot) {
        allRows = snapshot.rows();
        applyFilter();
        long problems = snapshot.connections().stream().filter(c -> c.state().done() && c.state() != LoadState.LOADED).count();
        summary.setText(snapshot.connections().size() + " connection" + (snapshot.connections().size() == 1 ? "" : "s")
                + " · " + snapshot.tenantCount() + " tenant" + (snapshot.tenantCount() == 1 ? "" : "s")
                + (problems == 0 ? "" : " · " + problems + " with a problem"));
    }

    private void applyFilter() {
        rendering = true;
        try {
            rows.setAll(TenantsSnapshot.filter(allRows, filter.getText()));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).isTenant() && chosen.containsKey(key(rows.get(i)))) table.getSelectionModel().select(i);
            }
        } finally {
            rendering = false;
        }
    }

    /** The operator changed the selection: visible rows follow the table, hidden chosen tenants stay chosen. */
    private void selectionChanged() {
        if (rendering) return;
        Set<String> visible = rows.stream().filter(TenantRow::isTenant).map(TenantsView::key).collect(Collectors.toSet());
        chosen.keySet().removeAll(visible);
        table.getSelectionModel().getSelectedItems().stream().filter(r -> r != null && r.isTenant())
                .forEach(r -> chosen.put(key(r), r.tenant()));
        publishScope();
    }

    private void publishScope() {
        LookupScope scope = new LookupScope(Set.copyOf(chosen.values()));
        workspace.scope().set(scope);
        showScope(scope);
    }

    private void showScope(LookupScope scope) {
        scopeLabel.setText(scope.everywhereScope() ? "Person search: every tenant of every connection"
                : "Person search limited to " + scope.tenants().size() + " selected tenant" + (scope.tenants().size() == 1 ? "" : "s")
                + ": " + scope.tenants().stream().map(Tenant::displayName).sorted().collect(Collectors.joining(", ")));
    }

    private static String key(TenantRow r) {
        return r.connection().id() + '\u0000' + r.tenant().id();
    }
}
