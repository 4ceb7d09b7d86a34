package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.RunSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Page 4: the checklist before anything runs — every call, where, for whom, in order, with the guardrails on top.
 * Nothing is called until the operator confirms a question that names the people. "Run at" schedules instead, with a
 * plain explanation of what runs where when the time comes.
 */
final class PreviewPage {
    private final OffboardingController offboarding;
    private final Confirmer confirmer;
    private final Clock clock;
    private final BiConsumer<OffboardingPlan, Instant> start;
    private final VBox root = new VBox(8);
    private final VBox guardrails = new VBox(4);
    private final TableView<PreviewModel.Row> table = new TableView<>();
    private final TableColumn<PreviewModel.Row, String> personColumn = Columns.text("Person", 140, PreviewModel.Row::person);
    private final Label stepDetail = new Label();
    private final Label notRunnable = new Label();
    private final CheckBox scheduled = new CheckBox("Run at");
    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();
    private final Label scheduleProblem = new Label();
    private final ListView<String> upcoming = new ListView<>();
    private final Button go = new Button();
    private PreviewModel model;

    /** @param start called on the FX thread once confirmed: the plan and the time to run it at (null = now) */
    PreviewPage(OffboardingController offboarding, Confirmer confirmer, Clock clock, BiConsumer<OffboardingPlan, Instant> start) {
        this.offboarding = offboarding;
        this.confirmer = confirmer;
        this.clock = clock;
        this.start = start;
        root.getStyleClass().add("wizard-page");
        guardrails.setId("preview-guardrails");
        guardrails.getStyleClass().add("guardrails");
        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        notRunnable.setId("preview-not-runnable");
        notRunnable.getStyleClass().add("error-label");
        notRunnable.setWrapText(true);

        scheduled.setId("preview-schedule");
        date.setId("preview-date");
        time.setId("preview-time");
        time.setPromptText("HH:MM");
        time.setPrefColumnCount(5);
        date.disableProperty().bind(scheduled.selectedProperty().not());
        time.disableProperty().bind(scheduled.selectedProperty().not());
        scheduled.selectedProperty().addListener((obs, old, on) -> updateButton());
        date.valueProperty().addListener((obs, old, now) -> updateButton());
        time.textProperty().addListener((obs, old, now) -> updateButton());
        Label explanation = new Label(PreviewModel.SCHEDULE_EXPLANATION);
        explanation.setId("preview-schedule-explanation");
        explanation.getStyleClass().add("muted");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        scheduleProblem.setId("preview-schedule-problem");
        scheduleProblem.getStyleClass().add("error-label");
        upcoming.setId("preview-upcoming");
        upcoming.setPrefHeight(52);
        upcoming.setMinHeight(52);
        upcoming.setPlaceholder(new Label("No scheduled runs."));
        HBox when = new HBox(8, scheduled, date, time, scheduleProblem);
        when.setAlignment(Pos.CENTER_LEFT);
        VBox schedule = new VBox(4, when, explanation, new Label("Upcoming scheduled runs:"), upcoming);
        schedule.getStyleClass().add("schedule-box");

        go.setId("preview-run");
        go.getStyleClass().add("danger-button");
        go.setOnAction(e -> confirmAndStart());
        HBox actions = new HBox(8, go);
        actions.setAlignment(Pos.CENTER_RIGHT);
        stepDetail.setId("preview-step-detail");
        stepDetail.setWrapText(true);
        stepDetail.getStyleClass().add("step-detail");
        stepDetail.setMaxWidth(Double.MAX_VALUE);
        stepDetail.setMinHeight(Region.USE_PREF_SIZE);
        table.setMinHeight(140);
        root.getChildren().addAll(guardrails, notRunnable, table, stepDetail, schedule, actions);
    }

    Node node() { return root; }

    PreviewModel model() { return model; }

    /** Builds the plan (pure: nothing is called) and shows it. */
    void enter(List<OffboardingTarget> targets, OffboardingOptions options) {
        model = new PreviewModel(offboarding.preview(targets, options));
        guardrails.getChildren().clear();
        for (Guardrail g : model.guardrails()) guardrails.getChildren().add(guardrail(g));
        guardrails.setVisible(!model.guardrails().isEmpty());
        guardrails.setManaged(!model.guardrails().isEmpty());
        personColumn.setVisible(model.plan().people().size() > 1);
        table.getItems().setAll(model.rows());
        if (!model.rows().isEmpty()) table.getSelectionModel().select(0);
        String reason = model.notRunnableReason();
        notRunnable.setText(reason);
        notRunnable.setVisible(!reason.isEmpty());
        notRunnable.setManaged(!reason.isEmpty());
        if (date.getValue() == null) date.setValue(LocalDate.now(clock));
        updateButton();
        FxAsync.onFx(offboarding.upcomingRuns(), "Listing scheduled runs",
                runs -> upcoming.getItems().setAll(runs.stream().map(this::describe).toList()),
                message -> upcoming.getItems().setAll(message));
    }

    private Node guardrail(Guardrail g) {
        String glyph = switch (g.severity()) {
            case BLOCKER -> "⛔";
            case WARNING -> "⚠";
            case INFO -> "ℹ";
        };
        String who = g.personEmail().isBlank() ? "" : g.personEmail() + ": ";
        Label label = new Label(glyph + "  " + who + g.message());
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE); // a warning is never cut short; the table gives way
        label.getStyleClass().addAll("guardrail", "guardrail-" + g.severity().name().toLowerCase(Locale.ROOT));
        label.setUserData(g.kind());
        return label;
    }

    private void buildTable() {
        table.setId("preview-steps");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text("#", 30, r -> String.valueOf(r.number())));
        table.getColumns().add(personColumn);
        table.getColumns().add(Columns.text("Step", 140, PreviewModel.Row::title));
        table.getColumns().add(Columns.text("Where", 150, PreviewModel.Row::where));
        table.getColumns().add(Columns.text("Account", 160, PreviewModel.Row::account));
        table.getColumns().add(Columns.text("Call", 360, PreviewModel.Row::call));
        table.getColumns().add(Columns.text("Verified by", 180, PreviewModel.Row::verification));
        table.getColumns().add(Columns.text("After", 50, PreviewModel.Row::after));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showStep(row));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PreviewModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("manual-row");
                if (!empty && row != null && row.manual()) getStyleClass().add("manual-row");
            }
        });
    }

    /** The selected step in full: the table cuts long calls. */
    private void showStep(PreviewModel.Row row) {
        stepDetail.setText(row == null ? "Select a step to read it in full." : PreviewModel.describe(row));
    }

    private PreviewModel.Schedule schedule() {
        return PreviewModel.schedule(date.getValue(), time.getText(), clock.getZone(), clock.instant());
    }

    private void updateButton() {
        boolean later = scheduled.isSelected();
        PreviewModel.Schedule s = later ? schedule() : null;
        scheduleProblem.setText(s == null || s.valid() ? "" : s.problem());
        go.setText(later ? "Schedule…" : "Offboard now…");
        go.setDisable(model == null || !model.runnable() || (s != null && !s.valid()));
    }

    private void confirmAndStart() {
        if (model == null || !model.runnable()) return;
        PreviewModel.Schedule s = scheduled.isSelected() ? schedule() : null;
        if (s != null && !s.valid()) return;
        String title = s == null ? "Offboard now" : "Schedule offboarding";
        if (confirmer.confirm(title, model.confirmation(s, clock.getZone()), s == null ? "Offboard" : "Schedule")) {
            start.accept(model.plan(), s == null ? null : s.at());
        }
    }

    private String describe(RunSummary r) {
        String when = r.scheduledAt() == null ? "" : PreviewModel.WHEN.format(ZonedDateTime.ofInstant(r.scheduledAt(), clock.getZone()));
        return when + " — " + String.join(", ", r.people()) + (r.reference().isBlank() ? "" : " (" + r.reference() + ")");
    }
}
