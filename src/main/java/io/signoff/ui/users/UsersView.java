package io.signoff.ui.users;

import io.signoff.controller.LookupController;
import io.signoff.controller.LookupRun;
import io.signoff.controller.LookupScope;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.controller.SearchQuery;
import io.signoff.controller.UserIndex;
import io.signoff.ui.Formats;
import io.signoff.ui.FxLatest;
import io.signoff.ui.SectionView;
import io.signoff.ui.TableSupport;
import io.signoff.ui.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Find a person everywhere. One box takes an address, a name fragment or a pasted list; Enter fans the search out to
 * every connection in scope at once and each connection's chip fills in as it answers. People appear as soon as any
 * provider finds them; the detail pane shows each account; "Show sessions" moves on to the Sessions view.
 */
public final class UsersView implements SectionView {
    private final LookupController lookup;
    private final Workspace workspace;
    private final VBox root = new VBox(8);
    private final SearchField search = new SearchField();
    private final Button searchButton = new Button("Search");
    private final Button cancelButton = new Button("Cancel");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label problem = new Label();
    private final Label scopeLabel = new Label();
    private final Label notFound = new Label();
    private final ProviderChips chips = new ProviderChips();
    private final TextField resultFilter = new TextField();
    private final TableView<Person> people = new TableView<>();
    private final PersonDetail detail;
    private List<Person> found = List.of();
    private UserIndex<Person>.Filter filterState;
    private LookupRun running;
    private CompletableFuture<Void> loaded = CompletableFuture.completedFuture(null);

    public UsersView(LookupController lookup, Workspace workspace) {
        this.lookup = lookup;
        this.workspace = workspace;
        this.detail = new PersonDetail(lookup::connectionName, lookup::tenantName, workspace::showSessions);
        root.getStyleClass().add("users-view");
        root.getStylesheets().add(UsersView.class.getResource("users.css").toExternalForm());

        search.setId("user-search");
        search.setPromptText("Email or UPN, part of a name, or paste a list of addresses — Enter to search (Ctrl+F)");
        search.setOnAction(e -> search(search.getText()));
        HBox.setHgrow(search, Priority.ALWAYS);
        searchButton.setId("user-search-button");
        searchButton.setDefaultButton(false);
        searchButton.getStyleClass().add("accent-button");
        searchButton.setOnAction(e -> search(search.getText()));
        cancelButton.setId("user-search-cancel");
        cancelButton.setOnAction(e -> cancel());
        progress.setPrefSize(18, 18);
        setRunning(false);
        HBox bar = new HBox(8, search, searchButton, cancelButton, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        problem.setId("user-search-problem");
        problem.getStyleClass().add("warning-label");
        problem.setWrapText(true);
        showProblem("");
        scopeLabel.setId("user-search-scope");
        scopeLabel.getStyleClass().add("muted");
        notFound.setId("user-not-found");
        notFound.getStyleClass().add("warning-label");
        notFound.setWrapText(true);
        notFound.setVisible(false);
        notFound.setManaged(false);

        buildPeopleTable();
        resultFilter.setId("user-result-filter");
        resultFilter.setPromptText("Filter these results…");
        resultFilter.textProperty().addListener((obs, old, text) -> applyResultFilter());
        VBox left = new VBox(6, resultFilter, people);
        VBox.setVgrow(people, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, detail);
        // Stacked: both tables get the full width, the detail's seven columns included.
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(bar, problem, scopeLabel, chips, notFound, split);

        TableSupport.focusOnFind(root, search);
        workspace.scope().addListener((obs, old, scope) -> showScope(scope));
        showScope(workspace.scope().get());
    }

    private void buildPeopleTable() {
        people.setId("people-table");
        people.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        people.getColumns().add(TableSupport.textColumn("Name", 170, Person::displayName));
        people.getColumns().add(TableSupport.textColumn("Email", 230, Person::email));
        people.getColumns().add(TableSupport.textColumn("Found in", 260, p -> p.accounts().stream()
                .map(a -> lookup.connectionName(a.connectionId())).distinct().collect(Collectors.joining(", "))));
        people.getColumns().add(TableSupport.textColumn("Status", 90, p -> p.anyActive() ? "Active" : "Disabled everywhere"));
        people.getColumns().add(TableSupport.textColumn("Roles", 160, Person::roles));
        people.getColumns().add(TableSupport.textColumn("Last activity", 100, p -> Formats.ago(p.lastActivity(), Instant.now())));
        people.setPlaceholder(new Label("Search for a person to see their accounts in every provider."));
        people.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            detail.show(p);
            if (p != null) workspace.person().set(p);
        });
        people.setRowFactory(t -> {
            TableRow<Person> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    workspace.showSessions(row.getItem());
                }
            });
            return row;
        });
        people.setOnKeyPressed(e -> {
            Person p = people.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && p != null) {
                workspace.showSessions(p);
                e.consume();
            }
        });
        MenuItem copyEmail = new MenuItem("Copy email");
        copyEmail.setId("people-copy-email");
        copyEmail.setOnAction(e -> {
            Person p = people.getSelectionModel().getSelectedItem();
            if (p != null) TableSupport.copy(p.email());
        });
        MenuItem showSessions = new MenuItem("Show sessions");
        showSessions.setId("people-show-sessions");
        showSessions.setOnAction(e -> {
            Person p = people.getSelectionModel().getSelectedItem();
            if (p != null) workspace.showSessions(p);
        });
        TableSupport.install(people, copyEmail, showSessions);
    }


    @Override
    public Node node() { return root; }

    @Override
    public void onShow() {
        if (search.getText().isEmpty()) search.requestFocus();
    }

    /** Completes when the search under way has finished (at once when none is running). */
    @Override
    public CompletionStage<Void> loaded() { return loaded; }

    /** Searches {@code text} as if typed and Enter pressed. */
    public void search(String text) {
        if (!search.getText().equals(text)) search.setText(text);
        SearchQuery query = SearchQuery.parse(text);
        showProblem(query.problem());
        if (!query.searchable()) return;
        if (running != null) running.cancel();
        if (loaded.isDone()) loaded = new CompletableFuture<>();
        CompletableFuture<Void> thisSearch = loaded;
        found = List.of();
        filterState = null;
        resultFilter.clear();
        people.getItems().clear();
        notFound.setVisible(false);
        notFound.setManaged(false);
        setRunning(true);
        workspace.status("Searching " + describe(query) + "…");
        FxLatest<LookupSnapshot> render = new FxLatest<>(snapshot -> {
            if (running == null || snapshot.query() != running.query()) return; // a newer search replaced this one
            render(snapshot);
            if (snapshot.finished()) {
                setRunning(false);
                thisSearch.complete(null);
            }
        });
        running = lookup.search(query, workspace.scope().get(), render);
    }

    /** Stops the calls not yet sent; providers already answered stay shown. */
    public void cancel() {
        if (running != null) running.cancel();
    }

    private void render(LookupSnapshot snapshot) {
        chips.show(snapshot.connections());
        Person selected = people.getSelectionModel().getSelectedItem();
        found = snapshot.people();
        filterState = null;
        applyResultFilter();
        if (selected != null) {
            people.getItems().stream().filter(p -> p.email().equals(selected.email())).findFirst()
                    .ifPresent(p -> people.getSelectionModel().select(p));
        } else if (people.getItems().size() == 1) {
            people.getSelectionModel().select(0);
        }
        if (snapshot.finished()) {
            List<String> missing = snapshot.cancelled() ? List.of() : snapshot.notFound();
            notFound.setText(missing.isEmpty() ? "" : "Not found in any provider: " + String.join(", ", missing));
            notFound.setVisible(!missing.isEmpty());
            notFound.setManaged(!missing.isEmpty());
            workspace.status((snapshot.cancelled() ? "Search cancelled: " : "Search done: ") + snapshot.people().size()
                    + " " + (snapshot.people().size() == 1 ? "person" : "people") + " found");
        }
    }

    private void applyResultFilter() {
        String text = resultFilter.getText();
        if (text == null || text.isBlank()) {
            people.getItems().setAll(found);
            return;
        }
        if (filterState == null) {
            filterState = UserIndex.of(found, UsersView::searchableText).filter();
        }
        people.getItems().setAll(filterState.apply(text));
    }

    private static String searchableText(Person p) {
        return p.displayName() + '\u0001' + String.join("\u0001", p.addresses()) + '\u0001'
                + p.accounts().stream().map(a -> a.id() + '\u0001' + a.kind().displayName()).collect(Collectors.joining("\u0001"));
    }

    private void setRunning(boolean on) {
        progress.setVisible(on);
        cancelButton.setVisible(on);
        cancelButton.setManaged(on);
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
        problem.setManaged(!text.isEmpty());
    }

    private void showScope(LookupScope scope) {
        scopeLabel.setText(scope == null || scope.everywhereScope() ? "Searching every tenant of every connection."
                : "Searching only the " + scope.tenants().size() + " tenant" + (scope.tenants().size() == 1 ? "" : "s")
                + " selected in Tenants.");
    }

    private static String describe(SearchQuery q) {
        return q.mode() == SearchQuery.Mode.NAME ? "\"" + q.nameFragment() + "\""
                : q.emails().size() == 1 ? q.emails().get(0) : q.emails().size() + " addresses";
    }
}
