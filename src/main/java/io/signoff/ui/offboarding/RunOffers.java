package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.RunSummary;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The banner above the wizard that offers runs needing a decision: runs interrupted by a crash or waiting for the
 * operator (resume), and scheduled runs whose time passed while the console was closed (run now or cancel) — never
 * run late without asking.
 */
final class RunOffers {
    private final OffboardingController offboarding;
    private final Supplier<String> shownRunId;
    private final Function<String, RunListener> follow;
    private final Consumer<RunSnapshot> open;
    private final Consumer<String> status;
    private final ZoneId zone;
    private final VBox root = new VBox(4);

    /**
     * @param shownRunId the run the wizard shows now (not offered again), or null
     * @param follow     makes the run page follow a run about to be resumed or started, returning its listener
     * @param open       shows a resumed or started run on the run page (FX thread)
     */
    RunOffers(OffboardingController offboarding, Supplier<String> shownRunId, Function<String, RunListener> follow,
              Consumer<RunSnapshot> open, Consumer<String> status, ZoneId zone) {
        this.offboarding = offboarding;
        this.shownRunId = shownRunId;
        this.follow = follow;
        this.open = open;
        this.status = status;
        this.zone = zone;
        root.setId("offboard-offers");
        root.getStyleClass().add("run-offers");
        hide();
    }

    Node node() { return root; }

    /** Reads the journal again; completes (on the FX thread) when the banner shows the answer. */
    CompletableFuture<Void> refresh() {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        CompletableFuture<List<RunSummary>> resumable = offboarding.resumableRuns();
        CompletableFuture<List<RunSummary>> missed = offboarding.missedRuns();
        FxAsync.onFx(resumable.thenCombine(missed, Offers::new), "Looking for unfinished runs", offers -> {
            show(offers);
            shown.complete(null);
        }, message -> {
            root.getChildren().setAll(new Label(message));
            root.setVisible(true);
            root.setManaged(true);
            shown.complete(null);
        });
        return shown;
    }

    private record Offers(List<RunSummary> resumable, List<RunSummary> missed) { }

    private void show(Offers offers) {
        root.getChildren().clear();
        String current = shownRunId.get();
        for (RunSummary r : offers.resumable()) {
            if (r.runId().equals(current)) continue;
            Button resume = button("Resume", "offer-resume-" + r.runId());
            resume.setOnAction(e -> act(resume, () -> offboarding.resume(r.runId(), follow.apply(r.runId())),
                    "Resuming run " + r.runId()));
            root.getChildren().add(line(describe(r, r.state() == RunState.INTERRUPTED
                    ? "was interrupted when the console stopped" : "is waiting for you"), resume));
        }
        for (RunSummary r : offers.missed()) {
            if (r.runId().equals(current)) continue;
            Button runNow = button("Run now", "offer-run-now-" + r.runId());
            runNow.setOnAction(e -> act(runNow, () -> offboarding.runScheduledNow(r.runId(), follow.apply(r.runId())),
                    "Starting missed run " + r.runId()));
            Button cancel = button("Cancel it", "offer-cancel-" + r.runId());
            cancel.setOnAction(e -> {
                cancel.setDisable(true);
                FxAsync.onFx(offboarding.cancelScheduled(r.runId(), "missed; cancelled by the operator"),
                        "Cancelling run " + r.runId(), done -> refresh(), status);
            });
            String when = r.scheduledAt() == null ? "" : " at " + PreviewModel.WHEN.format(ZonedDateTime.ofInstant(r.scheduledAt(), zone));
            root.getChildren().add(line(describe(r, "was scheduled" + when + " but the console was closed — it did not run"),
                    runNow, cancel));
        }
        if (root.getChildren().isEmpty()) hide();
        else {
            root.setVisible(true);
            root.setManaged(true);
        }
    }

    private void act(Button button, Supplier<CompletableFuture<RunSnapshot>> call, String what) {
        button.setDisable(true);
        status.accept(what + "…");
        FxAsync.onFx(call.get(), what, snapshot -> {
            open.accept(snapshot);
            refresh();
        }, message -> {
            button.setDisable(false);
            status.accept(message);
        });
    }

    private String describe(RunSummary r, String what) {
        String who = r.people().isEmpty() ? "" : " for " + PeopleModel.describe(r.people());
        return "Run " + r.runId() + who + (r.reference().isBlank() ? "" : " (" + r.reference() + ")") + " " + what
                + " — " + r.stepsDone() + " of " + r.stepsTotal() + " steps done.";
    }

    private static HBox line(String text, Button... buttons) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox box = new HBox(8, label);
        box.getChildren().addAll(buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("run-offer");
        return box;
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        return b;
    }

    private void hide() {
        root.setVisible(false);
        root.setManaged(false);
    }
}
