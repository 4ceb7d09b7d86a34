package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.StepState;
import io.signoff.ui.FxLatest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Page 5: the run, live. Each step's status with its glyph and colour, the reason or the verification read, progress
 * and the ETA. The operator retries a failed step, skips one with a reason, or ticks a manual step with a note as
 * evidence. Updates arrive on the runner's threads and are handed to the FX thread newest-first; every action is a
 * background call, so the FX thread never waits for a provider.
 */
final class RunPage {
    private final OffboardingController offboarding;
    private final Consumer<String> status;
    private final BooleanProperty hasRun = new SimpleBooleanProperty(false);
    private final VBox root = new VBox(8);
    private final Label state = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final TableView<RunModel.Row> table = new TableView<>();
    private final TableColumn<RunModel.Row, String> personColumn = Columns.text("Person", 140, RunModel.Row::person);
    private final Label stepTitle = new Label();
    private final Label stepDetail = new Label();
    private final TextArea note = new TextArea();
    private final Button attest = new Button("Attest done");
    private final Button skip = new Button("Skip");
    private final Button retry = new Button("Retry");
    private final Label actionProblem = new Label();
    private RunModel model;
    private String runId;
    private RunListener listener = RunListener.NONE;

    RunPage(OffboardingController offboarding, Consumer<String> status) {
        this.offboarding = offboarding;
        this.status = status;
        root.getStyleClass().add("wizard-page");
        state.setId("run-state");
        state.getStyleClass().add("wizard-heading");
        state.setWrapText(true);
        progress.setId("run-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("run-progress-text");
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        HBox progressBar = new HBox(10, progress, progressText);
        progressBar.setAlignment(Pos.CENTER_LEFT);
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        stepTitle.getStyleClass().add("wizard-subheading");
        stepTitle.setWrapText(true);
        stepDetail.setId("run-step-detail");
        stepDetail.setWrapText(true);
        stepDetail.setMinHeight(Region.USE_PREF_SIZE);
        note.setId("run-note");
        note.setPromptText("For a manual step: what you did, as evidence (who, when, how). To skip: the reason.");
        note.setPrefRowCount(2);
        attest.setId("run-attest");
        skip.setId("run-skip");
        retry.setId("run-retry");
        attest.setOnAction(e -> act("Attesting", row -> offboarding.attest(runId, row.stepId(), note.getText().strip())));
        skip.setOnAction(e -> act("Skipping", row -> offboarding.skip(runId, row.stepId(), note.getText().strip())));
        retry.setOnAction(e -> act("Retrying", row -> offboarding.retry(runId, row.stepId())));
        note.textProperty().addListener((obs, old, now) -> updateActions());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showSelected());
        actionProblem.getStyleClass().add("error-label");
        actionProblem.setWrapText(true);
        HBox buttons = new HBox(8, attest, skip, retry, actionProblem);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(6, stepTitle, stepDetail, note, buttons);
        detail.getStyleClass().add("step-detail");
        root.getChildren().addAll(state, progressBar, table, detail);
        showSelected();
    }

    Node node() { return root; }

    /** True once a run is shown: the "Open report" button follows it. */
    BooleanProperty hasRun() { return hasRun; }

    String runId() { return runId; }

    RunModel model() { return model; }

    /**
     * The listener to hand the controller when starting or resuming a run, so no update is missed: the page follows
     * that run from now on. {@code knownRunId} is null for a run not started yet; the page then follows the first run
     * this listener hears of. Updates from runs followed before are ignored.
     */
    RunListener follow(String knownRunId) {
        if (runId != null) offboarding.removeListener(runId, listener);
        runId = knownRunId;
        model = null;
        note.clear();
        table.getItems().clear();
        state.setText(knownRunId == null ? "Starting…" : "Resuming run " + knownRunId + "…");
        Follower follower = new Follower();
        listener = follower;
        return follower;
    }

    /** Shows the snapshot a start, resume or schedule call returned, unless the listener already showed a newer one. */
    void show(RunSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (runId == null) runId = snapshot.runId();
        if (!snapshot.runId().equals(runId)) return;
        if (model == null || !model.runId().equals(runId)) render(snapshot);
    }

    /** Forgets the run shown (a new offboarding starts). The run itself goes on and stays in the journal. */
    void reset() {
        if (runId != null) offboarding.removeListener(runId, listener);
        runId = null;
        listener = RunListener.NONE;
        model = null;
        hasRun.set(false);
        table.getItems().clear();
        state.setText("");
        progressText.setText("");
        progress.setProgress(0);
        showSelected();
    }

    private void render(RunSnapshot snapshot) {
        model = new RunModel(snapshot);
        hasRun.set(true);
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().stepId();
        personColumn.setVisible(snapshot.plan().people().size() > 1);
        table.getItems().setAll(model.rows());
        if (selected != null) {
            table.getItems().stream().filter(r -> r.stepId().equals(selected)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        state.setText("Run " + model.runId() + " — " + model.stateLine());
        progress.setProgress(model.fraction());
        progressText.setText(model.progressLine());
        showSelected();
    }

    private void buildTable() {
        table.setId("run-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("#", 36, r -> String.valueOf(r.number())));
        table.getColumns().add(Columns.status("Status", 170, RunModel.Row::look));
        table.getColumns().add(personColumn);
        table.getColumns().add(Columns.text("Step", 170, RunModel.Row::title));
        table.getColumns().add(Columns.text("Where", 170, RunModel.Row::where));
        table.getColumns().add(Columns.text("Account", 160, RunModel.Row::account));
        table.getColumns().add(Columns.text("Details", 280, RunModel.Row::detail));
        table.getColumns().add(Columns.text("Tries", 50, r -> r.attempts() == 0 ? "" : String.valueOf(r.attempts())));
        table.setPlaceholder(new Label("No run yet: confirm a plan on the preview page."));
    }

    private void showSelected() {
        RunModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            stepTitle.setText(model == null ? "" : "Select a step to see it in full, retry, skip or attest it.");
            stepDetail.setText("");
        } else {
            stepTitle.setText(row.number() + ". " + row.title() + " — " + row.look().text());
            String what = row.manual() ? "To do by hand: " + row.instruction() : "Call: " + row.call();
            boolean sameAsWhat = row.detail().isBlank() || row.detail().startsWith(row.instruction());
            stepDetail.setText(what + (sameAsWhat ? "" : "\n" + row.detail()));
        }
        updateActions();
    }

    private void updateActions() {
        RunModel.Row row = table.getSelectionModel().getSelectedItem();
        boolean text = !note.getText().isBlank();
        attest.setDisable(row == null || !row.canAttest() || !text);
        skip.setDisable(row == null || !row.canSkip() || !text);
        retry.setDisable(row == null || !row.canRetry());
        note.setDisable(row == null || !(row.canAttest() || row.canSkip()));
    }

    private void act(String what, Function<RunModel.Row, CompletableFuture<StepState>> call) {
        RunModel.Row row = table.getSelectionModel().getSelectedItem();
        if (row == null || runId == null) return;
        actionProblem.setText("");
        attest.setDisable(true);
        skip.setDisable(true);
        retry.setDisable(true);
        FxAsync.onFx(call.apply(row), what + " step " + row.number(), done -> {
            note.clear();
            status.accept("Step " + row.number() + " (" + row.title() + "): " + StatusLook.of(done.status()).word());
        }, message -> {
            actionProblem.setText(message);
            status.accept(message);
            updateActions();
        });
    }

    /** Hands a followed run's updates to the FX thread, newest first; stops counting once another run is followed. */
    private final class Follower implements RunListener {
        private final FxLatest<RunSnapshot> latest = new FxLatest<>(this::onFx);

        @Override
        public void onUpdate(RunSnapshot snapshot, StepState changed) {
            latest.accept(snapshot);
        }

        private void onFx(RunSnapshot snapshot) {
            if (listener != this) return;
            if (runId == null) runId = snapshot.runId();
            if (snapshot.runId().equals(runId)) render(snapshot);
        }
    }
}
