package io.signoff.ui.offboarding;

import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.model.Connection;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.ui.SectionView;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The offboarding wizard: Person → Scope → Options → Preview → Run → Report. Each page keeps its state in a small
 * view-model (plain Java); this class only moves between pages. Runs needing a decision (interrupted by a crash,
 * waiting for the operator, missed while the console was closed) are offered in a banner on top.
 *
 * <p>Wiring: {@code new OffboardingView(offboardingController, lookupController, connectionsSupplier)}; optionally
 * {@link #setStatusSink} to the main window's status line. The scheduler is armed by whoever owns the controller
 * ({@code offboardingController.startScheduler()} once at start); this view only lists missed and upcoming runs.
 */
public final class OffboardingView implements SectionView {

    /** The wizard's pages, in order. */
    enum Page {
        PERSON("Person"), SCOPE("Scope"), OPTIONS("Options"), PREVIEW("Preview"), RUN("Run"), REPORT("Report");

        private final String title;

        Page(String title) { this.title = title; }

        String title() { return title; }
    }

    private final OffboardingController offboarding;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final HBox steps = new HBox(6);
    private final Map<Page, Label> stepLabels = new EnumMap<>(Page.class);
    private final Button back = new Button("← Back");
    private final Button next = new Button();
    private final Button startOver = new Button("New offboarding");
    private final Label statusLine = new Label();
    private final PersonPage person;
    private final ScopePage scope;
    private final OptionsPage options;
    private final PreviewPage preview;
    private final RunPage run;
    private final ReportPage report;
    private final RunOffers offers;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private Consumer<String> statusSink = text -> { };
    private Page current = Page.PERSON;

    /** The console's wizard: native file choosers, the system clock and time zone. */
    public OffboardingView(OffboardingController offboarding, LookupController lookup, Supplier<List<Connection>> connections) {
        this(offboarding, lookup, connections, FileDialogs.fileChoosers(), Clock.systemDefaultZone());
    }

    /**
     * @param files where CSV files are chosen (tests pass fixed paths)
     * @param clock "now" and the time zone for "run at"
     */
    public OffboardingView(OffboardingController offboarding, LookupController lookup, Supplier<List<Connection>> connections,
                           FileDialogs files, Clock clock) {
        this.offboarding = Objects.requireNonNull(offboarding, "offboarding");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(clock, "clock");
        Consumer<String> status = this::status;
        Confirmer confirmer = Confirmer.alerts(root);
        person = new PersonPage(lookup, offboarding, files, status);
        scope = new ScopePage(offboarding, connections, status);
        options = new OptionsPage(offboarding, status, where -> confirmer.confirm("Delete permanently",
                "Also delete the account on " + where + " for good, after the other steps there? This cannot be undone, "
                        + "and vendors such as Lucid advise deactivating instead. The preview lists it as its own step.",
                "Delete permanently"));
        preview = new PreviewPage(offboarding, confirmer, clock, this::start);
        run = new RunPage(offboarding, status);
        report = new ReportPage(offboarding, files, status);
        offers = new RunOffers(offboarding, run::runId, run::follow, this::showRun, status, clock.getZone());

        root.getStyleClass().add("offboarding-view");
        root.getStylesheets().add(OffboardingView.class.getResource("offboarding.css").toExternalForm());
        for (Page p : Page.values()) {
            Label l = new Label((p.ordinal() + 1) + "  " + p.title());
            l.setId("wizard-step-" + p.name().toLowerCase(java.util.Locale.ROOT));
            l.getStyleClass().add("wizard-step");
            stepLabels.put(p, l);
            steps.getChildren().add(l);
        }
        steps.getStyleClass().add("wizard-steps");
        root.setTop(new VBox(8, offers.node(), steps));
        content.getStyleClass().add("wizard-content");
        root.setCenter(content);

        back.setId("offboard-back");
        back.setOnAction(e -> back());
        next.setId("offboard-next");
        next.getStyleClass().add("accent-button");
        next.setDefaultButton(false);
        next.setOnAction(e -> next());
        startOver.setId("offboard-new");
        startOver.setOnAction(e -> startOver());
        statusLine.setId("offboard-status");
        statusLine.getStyleClass().add("muted");
        HBox.setHgrow(statusLine, Priority.ALWAYS);
        statusLine.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        HBox nav = new HBox(8, statusLine, gap, startOver, back, next);
        nav.setAlignment(Pos.CENTER_RIGHT);
        nav.getStyleClass().add("wizard-nav");
        root.setBottom(nav);
        go(Page.PERSON);
        offers.refresh().whenComplete((ok, error) -> loaded.complete(null));
    }

    @Override
    public Node node() { return root; }

    @Override
    public void onShow() {
        offers.refresh();
        if (current == Page.PERSON) person.focus();
    }

    /** Completes once the first page is ready and the journal was asked for runs to offer. */
    @Override
    public CompletionStage<Void> loaded() { return loaded; }

    /** Where status sentences also go (the main window's status line). FX thread. */
    public void setStatusSink(Consumer<String> sink) {
        statusSink = Objects.requireNonNull(sink, "sink");
    }

    /** Starts a new offboarding with this person already chosen (e.g. from the Users view). FX thread. */
    public void startWith(String email, String displayName) {
        startOver();
        person.preselect(email, displayName);
    }

    Page currentPage() { return current; }

    /** The run on the run page, or null (tests). */
    String runIdShown() { return run.runId(); }

    /** The preview on screen, or null before the preview page was shown (tests). */
    PreviewModel previewModel() { return preview.model(); }

    private void next() {
        switch (current) {
            case PERSON -> {
                scope.enter(person.model().emails());
                go(Page.SCOPE);
            }
            case SCOPE -> {
                options.enter(scope.model().targetsInScope());
                go(Page.OPTIONS);
            }
            case OPTIONS -> {
                preview.enter(scope.model().targetsInScope(), options.model().toOptions());
                go(Page.PREVIEW);
            }
            case RUN -> {
                report.enter(run.runId());
                go(Page.REPORT);
            }
            default -> { }
        }
    }

    private void back() {
        switch (current) {
            case SCOPE -> go(Page.PERSON);
            case OPTIONS -> go(Page.SCOPE);
            case PREVIEW -> go(Page.OPTIONS);
            case REPORT -> go(Page.RUN);
            default -> { }
        }
    }

    private void start(OffboardingPlan plan, Instant at) {
        status(at == null ? "Starting…" : "Scheduling…");
        RunListener listener = run.follow(null);
        CompletableFuture<RunSnapshot> started = at == null ? offboarding.run(plan, listener)
                : offboarding.schedule(plan, at, listener);
        FxAsync.onFx(started, at == null ? "Starting the run" : "Scheduling the run", snapshot -> {
            showRun(snapshot);
            status(at == null ? "Run " + snapshot.runId() + " started." : "Run " + snapshot.runId() + " scheduled.");
        }, this::status);
    }

    private void showRun(RunSnapshot snapshot) {
        run.show(snapshot);
        go(Page.RUN);
    }

    private void startOver() {
        person.reset();
        scope.reset();
        options.reset();
        run.reset();
        report.reset();
        go(Page.PERSON);
        offers.refresh();
    }

    private void go(Page page) {
        current = page;
        content.getChildren().setAll(switch (page) {
            case PERSON -> person.node();
            case SCOPE -> scope.node();
            case OPTIONS -> options.node();
            case PREVIEW -> preview.node();
            case RUN -> run.node();
            case REPORT -> report.node();
        });
        for (Page p : Page.values()) {
            Label l = stepLabels.get(p);
            l.getStyleClass().removeAll("wizard-step-current", "wizard-step-done");
            if (p == page) l.getStyleClass().add("wizard-step-current");
            else if (p.ordinal() < page.ordinal()) l.getStyleClass().add("wizard-step-done");
        }
        boolean canGoBack = page == Page.SCOPE || page == Page.OPTIONS || page == Page.PREVIEW || page == Page.REPORT;
        back.setVisible(canGoBack);
        back.setManaged(canGoBack);
        back.setText(page == Page.REPORT ? "← Back to the run" : "← Back");
        ObservableBooleanValue ready = switch (page) {
            case PERSON -> person.ready();
            case SCOPE -> scope.ready();
            case OPTIONS -> options.ready();
            case RUN -> run.hasRun();
            default -> null;
        };
        next.disableProperty().unbind();
        next.setVisible(ready != null);
        next.setManaged(ready != null);
        if (ready != null) next.disableProperty().bind(Bindings.not(ready));
        next.setText(switch (page) {
            case PERSON -> "Next: find their accounts →";
            case SCOPE -> "Next: choose what to do →";
            case OPTIONS -> "Next: preview the checklist →";
            case RUN -> "Open the report →";
            default -> "";
        });
    }

    private void status(String text) {
        statusLine.setText(text);
        statusSink.accept(text);
    }
}
