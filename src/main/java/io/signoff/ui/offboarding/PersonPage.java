package io.signoff.ui.offboarding;

import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.LookupController;
import io.signoff.controller.LookupRun;
import io.signoff.controller.LookupScope;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.Person;
import io.signoff.controller.SearchQuery;
import io.signoff.controller.SearchState;
import io.signoff.model.ProviderKind;
import io.signoff.offboarding.RejectedRow;
import io.signoff.ui.FxLatest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 1: who leaves. The search is the Users view's person search (LookupController): an address, a name or a pasted
 * list, answered per provider as they come in. "Import CSV…" adds many people at once; rows that could not be used
 * are listed with the reason, never dropped silently.
 */
final class PersonPage {
    private final LookupController lookup;
    private final OffboardingController offboarding;
    private final FileDialogs files;
    private final Consumer<String> status;
    private final PeopleModel model = new PeopleModel();
    private final BooleanProperty ready = new SimpleBooleanProperty(false);

    private final VBox root = new VBox(8);
    private final TextField search = new TextField();
    private final ProgressIndicator searching = new ProgressIndicator();
    private final Label problem = new Label();
    private final Label searched = new Label();
    private final TableView<Person> results = new TableView<>();
    private final ListView<PeopleModel.Chosen> chosen = new ListView<>();
    private final Label importSummary = new Label();
    private final ListView<String> rejected = new ListView<>();
    private LookupRun running;

    PersonPage(LookupController lookup, OffboardingController offboarding, FileDialogs files, Consumer<String> status) {
        this.lookup = lookup;
        this.offboarding = offboarding;
        this.files = files;
        this.status = status;
        root.getStyleClass().add("wizard-page");

        search.setId("offboard-search");
        search.setPromptText("Email, UPN or part of a name — or paste several addresses — then Enter");
        search.setOnAction(e -> search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button searchButton = new Button("Search");
        searchButton.setId("offboard-search-button");
        searchButton.setOnAction(e -> search(search.getText()));
        Button importCsv = new Button("Import CSV…");
        importCsv.setId("offboard-import-csv");
        importCsv.setOnAction(e -> files.openCsv(root).ifPresent(this::importCsv));
        searching.setPrefSize(18, 18);
        searching.setVisible(false);
        HBox bar = new HBox(8, search, searchButton, searching, importCsv);
        bar.setAlignment(Pos.CENTER_LEFT);

        problem.setId("offboard-search-problem");
        problem.getStyleClass().add("warning-label");
        problem.setWrapText(true);
        show(problem, "");
        searched.setId("offboard-searched");
        searched.getStyleClass().add("muted");
        searched.setWrapText(true);

        buildResults();
        Button add = new Button("Add selected →");
        add.setId("offboard-add");
        add.setOnAction(e -> results.getSelectionModel().getSelectedItems().forEach(this::add));
        add.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        VBox left = new VBox(6, heading("Search results"), results, add);
        VBox.setVgrow(results, Priority.ALWAYS);

        chosen.setId("offboard-chosen");
        chosen.setPlaceholder(new Label("Nobody yet: search, then add, or import a CSV file."));
        chosen.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PeopleModel.Chosen item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (item.displayName().equals(item.email()) ? item.email()
                        : item.displayName() + "  <" + item.email() + ">") + "   · " + item.source());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("offboard-remove");
        remove.disableProperty().bind(chosen.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            PeopleModel.Chosen c = chosen.getSelectionModel().getSelectedItem();
            if (c != null) model.remove(c.email());
            refresh();
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            model.clear();
            refresh();
        });
        VBox right = new VBox(6, heading("People to offboard"), chosen, new HBox(6, remove, clear));
        VBox.setVgrow(chosen, Priority.ALWAYS);
        HBox columns = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(560);
        right.setPrefWidth(380);
        VBox.setVgrow(columns, Priority.ALWAYS);

        importSummary.setId("offboard-import-summary");
        importSummary.setWrapText(true);
        rejected.setId("offboard-rejected");
        rejected.getStyleClass().add("rejected-rows");
        rejected.setPrefHeight(110);
        root.getChildren().addAll(bar, problem, searched, columns, importSummary, rejected);
        refresh();
    }

    Node node() { return root; }

    /** True when at least one person is chosen: the Next button follows it. */
    BooleanProperty ready() { return ready; }

    PeopleModel model() { return model; }

    void focus() { search.requestFocus(); }

    /** Pre-fills the list (e.g. "Offboard…" from the Users view). */
    void preselect(String email, String displayName) {
        model.add(email, displayName, "Users view");
        refresh();
    }

    void reset() {
        if (running != null) running.cancel();
        model.clear();
        results.getItems().clear();
        search.clear();
        show(problem, "");
        searched.setText("");
        refresh();
    }

    private void buildResults() {
        results.setId("offboard-results");
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().add(Columns.text("Name", 150, Person::displayName));
        results.getColumns().add(Columns.text("Email", 200, Person::email));
        results.getColumns().add(Columns.text("Found in", 200,
                p -> p.kinds().stream().map(ProviderKind::displayName).collect(Collectors.joining(" · "))));
        results.getColumns().add(Columns.text("Roles", 120, Person::roles));
        results.setPlaceholder(new Label("Search for the person who leaves."));
        results.setRowFactory(t -> {
            TableRow<Person> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) add(row.getItem());
            });
            return row;
        });
    }

    private void search(String text) {
        SearchQuery query = SearchQuery.parse(text);
        show(problem, query.problem());
        if (!query.searchable()) return;
        if (running != null) running.cancel();
        results.getItems().clear();
        searching.setVisible(true);
        FxLatest<LookupSnapshot> render = new FxLatest<>(snapshot -> {
            if (running == null || snapshot.query() != running.query()) return; // replaced by a newer search
            results.getItems().setAll(snapshot.people());
            if (snapshot.people().size() == 1) results.getSelectionModel().select(0);
            searched.setText(snapshot.connections().stream()
                    .map(PersonPage::chip).collect(Collectors.joining("   ·   ")));
            if (snapshot.finished()) {
                searching.setVisible(false);
                List<String> missing = snapshot.cancelled() ? List.of() : snapshot.notFound();
                if (!missing.isEmpty()) show(problem, "Not found in any provider: " + String.join(", ", missing));
                long failed = snapshot.connections().stream().filter(c -> c.state() == SearchState.ERROR).count();
                status.accept("Search done: " + snapshot.people().size() + " found"
                        + (failed > 0 ? ", " + failed + " connection(s) could not be searched" : ""));
            }
        });
        running = lookup.search(query, LookupScope.everywhere(), render);
    }

    private void add(Person p) {
        if (p != null) model.add(p.email(), p.displayName(), "search");
        refresh();
    }

    private void importCsv(Path file) {
        status.accept("Reading " + file.getFileName() + "…");
        FxAsync.onFx(offboarding.importCsv(file), "Reading " + file.getFileName(), imported -> {
            List<RejectedRow> notUsed = model.addImport(file.getFileName().toString(), imported);
            status.accept(imported.emails().size() + " addresses read from " + file.getFileName()
                    + (notUsed.isEmpty() ? "" : "; " + notUsed.size() + " rows not used"));
            refresh();
        }, message -> {
            importSummary.setText(message);
            importSummary.getStyleClass().setAll("label", "error-label");
            status.accept(message);
        });
    }

    private void refresh() {
        chosen.getItems().setAll(model.chosen());
        importSummary.getStyleClass().setAll("label", model.hasRejectedRows() ? "warning-label" : "muted");
        importSummary.setText(model.importSummary());
        importSummary.setVisible(!model.importSummary().isEmpty());
        importSummary.setManaged(importSummary.isVisible());
        rejected.getItems().setAll(model.rejectedLines());
        rejected.setVisible(model.hasRejectedRows());
        rejected.setManaged(model.hasRejectedRows());
        ready.set(!model.isEmpty());
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wizard-heading");
        return l;
    }

    private static void show(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    private static String chip(ConnectionSearch c) { return c.connection().displayName() + ": " + c.summary(); }
}
