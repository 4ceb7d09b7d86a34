package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.model.Connection;
import io.signoff.offboarding.OffboardingTarget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 2: where to offboard. The operator picks the connections; each chosen person is looked up on every tenant of
 * them, and the table lists each account found (which can be left out) and each connection where nothing was found
 * or that could not be asked, with the reason.
 */
final class ScopePage {
    private final OffboardingController offboarding;
    private final Supplier<List<Connection>> connections;
    private final Consumer<String> status;
    private final ScopeModel model = new ScopeModel();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final VBox root = new VBox(8);
    private final FlowPane connectionBoxes = new FlowPane(14, 6);
    private final Label progress = new Label();
    private final Label summary = new Label();
    private final Label nobody = new Label();
    private final TableView<ScopeModel.Row> table = new TableView<>();
    private List<String> searchedEmails = List.of();
    private Set<String> searchedConnections = Set.of();
    private int generation;

    ScopePage(OffboardingController offboarding, Supplier<List<Connection>> connections, Consumer<String> status) {
        this.offboarding = offboarding;
        this.connections = connections;
        this.status = status;
        root.getStyleClass().add("wizard-page");

        connectionBoxes.setId("scope-connections");
        Button again = new Button("Search again");
        again.setId("scope-search-again");
        again.setOnAction(e -> search(searchedEmails));
        again.disableProperty().bind(busy);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(busy);
        progress.setId("scope-progress");
        progress.getStyleClass().add("muted");
        HBox bar = new HBox(10, again, spinner, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        summary.setId("scope-summary");
        summary.getStyleClass().add("wizard-heading");
        nobody.setId("scope-nobody");
        nobody.getStyleClass().add("warning-label");
        nobody.setWrapText(true);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label("Untick an account to leave it out. Connections where nothing was found are listed too: "
                + "the person may still have an account there under another address.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        root.getChildren().addAll(label("Connections to search"), connectionBoxes, bar, summary, nobody, table, hint);
        refresh();
    }

    Node node() { return root; }

    BooleanProperty ready() { return ready; }

    ScopeModel model() { return model; }

    /** Shows the page for these people; searches again when the people or the connections changed. */
    void enter(List<String> emails) {
        model.setConnections(connections.get());
        rebuildConnectionBoxes();
        if (!emails.equals(searchedEmails) || !searchedConnections.containsAll(model.selectedConnectionIds())) {
            search(emails);
        } else {
            refresh();
        }
    }

    void reset() {
        generation++;
        searchedEmails = List.of();
        searchedConnections = Set.of();
        model.setTargets(List.of());
        busy.set(false);
        refresh();
    }

    private void search(List<String> emails) {
        if (emails.isEmpty() || !model.anyConnectionSelected()) {
            model.setTargets(List.of());
            refresh();
            return;
        }
        int mine = ++generation;
        searchedEmails = List.copyOf(emails);
        searchedConnections = new HashSet<>(model.selectedConnectionIds());
        busy.set(true);
        ready.set(false);
        AtomicInteger done = new AtomicInteger();
        progress.setText("Looking for " + PeopleModel.describe(emails) + "…");
        status.accept("Looking up accounts…");
        FxAsync.onFx(offboarding.findTargets(emails, searchedConnections, found -> {
            int n = done.incrementAndGet();
            Platform.runLater(() -> {
                if (mine == generation && busy.get()) progress.setText("Searched " + n + " of " + emails.size() + "…");
            });
        }), "Looking up accounts", (List<OffboardingTarget> targets) -> {
            if (mine != generation) return;
            busy.set(false);
            model.setTargets(targets);
            progress.setText("");
            status.accept("Accounts found: " + model.summary());
            refresh();
        }, message -> {
            if (mine != generation) return;
            busy.set(false);
            progress.setText(message);
            status.accept(message);
            refresh();
        });
    }

    private void rebuildConnectionBoxes() {
        connectionBoxes.getChildren().clear();
        for (Connection c : model.connections()) {
            CheckBox box = new CheckBox(c.displayName() + " — " + c.kind().displayName());
            box.setId("scope-connection-" + c.id());
            box.setSelected(model.isSelected(c.id()));
            box.setOnAction(e -> {
                model.select(c.id(), box.isSelected());
                if (box.isSelected() && !searchedConnections.contains(c.id()) && !searchedEmails.isEmpty()) {
                    search(searchedEmails);
                } else {
                    refresh();
                }
            });
            connectionBoxes.getChildren().add(box);
        }
        if (model.connections().isEmpty()) {
            connectionBoxes.getChildren().add(new Label("No connection is configured: add one in Connections."));
        }
    }

    private void buildTable() {
        table.setId("scope-table");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ScopeModel.Row, ScopeModel.Row> include = new TableColumn<>("Include");
        include.setPrefWidth(64);
        include.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        include.setCellFactory(col -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            @Override
            protected void updateItem(ScopeModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.found()) {
                    setGraphic(null);
                    return;
                }
                box.setSelected(row.included());
                box.setOnAction(e -> {
                    model.include(row.key(), box.isSelected());
                    refresh();
                });
                setGraphic(box);
            }
        });
        table.getColumns().add(include);
        table.getColumns().add(Columns.text("Person", 150, ScopeModel.Row::person));
        table.getColumns().add(Columns.text("Connection", 150, ScopeModel.Row::connection));
        table.getColumns().add(Columns.text("Tenant", 150, ScopeModel.Row::tenant));
        table.getColumns().add(Columns.text("Account", 220, ScopeModel.Row::account));
        table.getColumns().add(Columns.text("Result", 90, ScopeModel.Row::result));
        table.getColumns().add(Columns.text("Details", 220, ScopeModel.Row::detail));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ScopeModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("scope-found", "scope-missing", "scope-unreachable");
                if (!empty && row != null) {
                    getStyleClass().add(row.found() ? "scope-found"
                            : row.result().equals("not reachable") ? "scope-unreachable" : "scope-missing");
                }
            }
        });
        table.setPlaceholder(new Label("Choose people on the first page; their accounts appear here."));
    }

    private void refresh() {
        table.getItems().setAll(model.rows());
        summary.setText(model.targets().isEmpty() ? "" : model.summary());
        List<String> without = model.peopleWithoutAccounts();
        nobody.setText(without.isEmpty() ? "" : "No account in scope for " + String.join(", ", without)
                + ": they are left out of the plan.");
        nobody.setVisible(!without.isEmpty());
        nobody.setManaged(!without.isEmpty());
        ready.set(!busy.get() && model.canProceed());
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wizard-heading");
        return l;
    }
}
