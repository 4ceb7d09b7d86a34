package io.signoff.ui.sessions;

import io.signoff.controller.LookupController;
import io.signoff.controller.LookupScope;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.controller.RevokePlan;
import io.signoff.controller.RevokeReport;
import io.signoff.controller.RevokeRun;
import io.signoff.controller.SearchQuery;
import io.signoff.controller.SessionRow;
import io.signoff.controller.SessionsController;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.ui.FxLatest;
import io.signoff.ui.SectionView;
import io.signoff.ui.TableSupport;
import io.signoff.ui.Workspace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every session of the selected person, per provider and device; revoke one, all in one provider, or everywhere,
 * always through a confirmation that lists the calls; then the verification panel shows per provider whether the
 * revoke is visible, and the sessions are read again.
 */
public final class SessionsView implements SectionView {
    private final SessionsController sessions;
    private final LookupController lookup;
    private final Workspace workspace;
    private final VBox root = new VBox(10);
    private final Label name = new Label();
    private final Label email = new Label();
    private final Label privileged = new Label();
    private final TextField find = new TextField();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button reload = new Button("Reload");
    private final Button revokeEverywhere = new Button("Revoke everywhere…");
    private final ProviderCards cards = new ProviderCards(this::revokeAllIn);
    private final SessionsTable table;
    private final VerificationPanel verification = new VerificationPanel(this::cancelRevoke);
    private SessionsSnapshot snapshot;
    private RevokeRun revoking;
    private long loadGeneration;
    private CompletableFuture<Void> loaded = CompletableFuture.completedFuture(null);

    public SessionsView(SessionsController sessions, LookupController lookup, Workspace workspace) {
        this.sessions = sessions;
        this.lookup = lookup;
        this.workspace = workspace;
        this.table = new SessionsTable(this::tenantOf, this::revokeOne, this::revokeAllIn);
        root.getStyleClass().add("sessions-view");
        root.getStylesheets().add(SessionsView.class.getResource("sessions.css").toExternalForm());

        name.setId("sessions-person-name");
        name.getStyleClass().add("detail-name");
        email.setId("sessions-person-email");
        email.getStyleClass().add("muted");
        privileged.setId("sessions-privileged");
        privileged.getStyleClass().add("warning-label");
        privileged.setWrapText(true);
        find.setId("sessions-find");
        find.setPromptText("Another person: email, Enter (Ctrl+F)");
        find.setPrefColumnCount(22);
        find.setOnAction(e -> findPerson(find.getText()));
        progress.setPrefSize(18, 18);
        progress.setVisible(false);
        reload.setId("sessions-reload");
        reload.setOnAction(e -> load(workspace.person().get()));
        revokeEverywhere.setId("revoke-everywhere");
        revokeEverywhere.getStyleClass().add("danger-button");
        revokeEverywhere.setOnAction(e -> confirm(sessions.planEverywhere(snapshot)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, new VBox(2, name, email), progress, spacer, find, reload, revokeEverywhere);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, privileged, cards, verification, table);
        TableSupport.focusOnFind(root, find);

        // Sessions are read when this view is on screen: picking people in Users must not spend provider calls.
        workspace.person().addListener((obs, old, who) -> {
            if (who != null && !who.equals(old) && showing()) load(who);
        });
        render(null);
    }

    @Override
    public Node node() { return root; }

    @Override
    public void onShow() {
        Person who = workspace.person().get();
        if (who != null && (snapshot == null || !snapshot.person().equals(who))) load(who);
    }

    /**
     * Completes when the sessions on screen are loaded: at once when no person is selected, else when the load (or the
     * look-up and then the load) that is running finishes.
     */
    @Override
    public CompletionStage<Void> loaded() { return loaded; }

    /** The future for the data being fetched now: the pending one if a fetch is already under way. */
    private CompletableFuture<Void> pendingLoad() {
        if (loaded.isDone()) loaded = new CompletableFuture<>();
        return loaded;
    }

    /** Reads the person's sessions in every provider; cards and rows fill in as each provider answers. */
    public void load(Person who) {
        if (who == null) return;
        long generation = ++loadGeneration;
        CompletableFuture<Void> thisLoad = pendingLoad();
        progress.setVisible(true);
        FxLatest<SessionsSnapshot> render = new FxLatest<>(s -> {
            if (generation != loadGeneration) return;
            render(s);
            if (s.finished()) {
                progress.setVisible(false);
                workspace.status(s.sessionCount() + " session" + (s.sessionCount() == 1 ? "" : "s") + " of " + who.email()
                        + " across " + s.accounts().size() + " account" + (s.accounts().size() == 1 ? "" : "s"));
                thisLoad.complete(null);
            }
        });
        sessions.load(who, render);
    }

    /** Looks the address up everywhere and shows that person's sessions (the "Another person" box). */
    public void findPerson(String text) {
        if (!find.getText().equals(text)) find.setText(text);
        SearchQuery query = SearchQuery.parse(text);
        if (query.emails().size() != 1) {
            workspace.status("Type one email address to look up a person's sessions.");
            return;
        }
        CompletableFuture<Void> lookedUp = pendingLoad();
        progress.setVisible(true);
        FxLatest<LookupSnapshot> done = new FxLatest<>(s -> {
            if (!s.finished()) return;
            progress.setVisible(false);
            List<Person> people = s.people();
            if (people.isEmpty()) {
                workspace.status(query.emails().get(0) + " was not found in any provider.");
                lookedUp.complete(null);
            } else if (people.get(0).equals(workspace.person().get())) {
                load(people.get(0)); // the same person again: read their sessions afresh
            } else {
                workspace.person().set(people.get(0)); // the listener loads their sessions
            }
        });
        lookup.search(query, workspace.scope().get() == null ? LookupScope.everywhere() : workspace.scope().get(), done);
    }

    private void render(SessionsSnapshot s) {
        snapshot = s;
        Person who = s == null ? null : s.person();
        name.setText(who == null ? "No person selected" : who.displayName());
        email.setText(who == null ? "Find a person in Users and choose \"Show sessions\", or type an address here →"
                : who.email() + " · " + who.accounts().size() + " account" + (who.accounts().size() == 1 ? "" : "s"));
        String roles = who == null ? "" : who.roles();
        privileged.setText(roles.isEmpty() ? "" : "Privileged account: " + roles + ". Revoking signs out an administrator.");
        privileged.setVisible(!roles.isEmpty());
        privileged.setManaged(!roles.isEmpty());
        boolean busy = revoking != null && !revoking.done().isDone();
        cards.show(s, busy);
        table.show(s, busy);
        reload.setDisable(who == null);
        revokeEverywhere.setDisable(s == null || !s.finished() || busy || sessions.planEverywhere(s).empty());
    }

    private boolean showing() {
        return root.getScene() != null && root.getParent() != null;
    }

    private String tenantOf(SessionRow row) {
        String id = row.session() == null ? null : row.session().tenantId();
        if (id == null || id.isBlank()) return row.owner().tenantName();
        return sessions.tenantNames(row.owner().connection()).getOrDefault(id, id);
    }

    private void revokeOne(SessionRow row) {
        if (snapshot == null || row.session() == null) return;
        confirm(sessions.planOne(snapshot.person(), row.owner(), row.session()));
    }

    private void revokeAllIn(String connectionId) {
        if (snapshot != null) confirm(sessions.planConnection(snapshot, connectionId));
    }

    private void confirm(RevokePlan plan) {
        if (plan == null || plan.empty() && plan.manualSteps().isEmpty()) {
            workspace.status("Nothing to revoke there: no provider call can do it.");
            return;
        }
        RevokeDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), plan, this::execute);
    }

    private void execute(RevokePlan plan) {
        workspace.status("Revoking: " + plan.title());
        FxLatest<RevokeReport> render = new FxLatest<>(report -> {
            verification.show(report);
            if (report.finished()) {
                workspace.status(report.allVerified() ? "Revoke verified for " + plan.person().email()
                        : "Revoke finished for " + plan.person().email() + ": see the verification panel");
                load(plan.person()); // show what is left
            }
        });
        revoking = sessions.execute(plan, render);
        render(snapshot);
    }

    private void cancelRevoke() {
        if (revoking != null) {
            int stopped = revoking.cancel();
            workspace.status(stopped == 0 ? "Every call was already sent: nothing to cancel." : stopped + " call"
                    + (stopped == 1 ? "" : "s") + " cancelled before sending.");
        }
    }
}
