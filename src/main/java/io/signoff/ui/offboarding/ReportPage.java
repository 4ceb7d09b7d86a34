package io.signoff.ui.offboarding;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.RunReport;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 6: the summary per person and per step, an export to CSV (written in the background), and where the full,
 * tamper-evident record of the run is: the audit trail, under the run id.
 */
final class ReportPage {
    private final OffboardingController offboarding;
    private final FileDialogs files;
    private final Consumer<String> status;
    private final VBox root = new VBox(8);
    private final Label title = new Label();
    private final TableView<ReportModel.PersonRow> people = new TableView<>();
    private final TableView<ReportModel.StepRow> steps = new TableView<>();
    private final Label auditNote = new Label();
    private final Label exportResult = new Label();
    private final Button export = new Button("Export CSV…");
    private ReportModel model;

    ReportPage(OffboardingController offboarding, FileDialogs files, Consumer<String> status) {
        this.offboarding = offboarding;
        this.files = files;
        this.status = status;
        root.getStyleClass().add("wizard-page");
        title.setId("report-title");
        title.getStyleClass().add("wizard-heading");
        people.setId("report-people");
        people.setPrefHeight(120);
        people.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        people.getColumns().add(Columns.text("Person", 220, ReportModel.PersonRow::person));
        people.getColumns().add(Columns.text("Outcome", 140, ReportModel.PersonRow::outcome));
        people.getColumns().add(Columns.text("Steps", 260, ReportModel.PersonRow::counts));
        people.getColumns().add(Columns.text("Not found on", 220, ReportModel.PersonRow::missingOn));
        buildSteps();
        VBox.setVgrow(steps, Priority.ALWAYS);
        auditNote.setId("report-audit-note");
        auditNote.getStyleClass().add("muted");
        auditNote.setWrapText(true);
        export.setId("report-export");
        export.setDisable(true);
        export.setOnAction(e -> export());
        exportResult.setId("report-export-result");
        exportResult.setWrapText(true);
        HBox bar = new HBox(10, export, exportResult);
        bar.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, people, steps, auditNote, bar);
    }

    Node node() { return root; }

    ReportModel model() { return model; }

    /** Loads the run's report in the background and shows it. */
    void enter(String runId) {
        title.setText("Report of run " + runId + " — loading…");
        FxAsync.onFx(offboarding.report(runId), "Building the report", this::show, message -> {
            title.setText(message);
            status.accept(message);
        });
    }

    void reset() {
        model = null;
        people.getItems().clear();
        steps.getItems().clear();
        title.setText("");
        auditNote.setText("");
        exportResult.setText("");
        export.setDisable(true);
    }

    private void show(RunReport report) {
        model = new ReportModel(report);
        title.setText("Run " + report.runId() + " — " + report.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (report.reference().isBlank() ? "" : " · reference " + report.reference())
                + " · by " + report.operator());
        people.getItems().setAll(model.people());
        steps.getItems().setAll(model.steps());
        auditNote.setText(model.auditNote());
        export.setDisable(false);
    }

    private void export() {
        if (model == null) return;
        files.saveCsv(root, model.suggestedFileName()).ifPresent(file -> {
            export.setDisable(true);
            exportResult.setText("Exporting…");
            FxAsync.onFx(offboarding.exportReport(model.runId(), file), "Exporting the report", written -> {
                export.setDisable(false);
                exportResult.setText("Exported to " + written);
                status.accept("Report exported to " + written);
            }, message -> {
                export.setDisable(false);
                exportResult.setText(message);
                status.accept(message);
            });
        });
    }

    private void buildSteps() {
        steps.setId("report-steps");
        steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        steps.getColumns().add(Columns.text("Person", 150, ReportModel.StepRow::person));
        steps.getColumns().add(Columns.text("Step", 170, ReportModel.StepRow::title));
        steps.getColumns().add(Columns.text("Where", 170, ReportModel.StepRow::where));
        steps.getColumns().add(Columns.text("Account", 160, ReportModel.StepRow::account));
        steps.getColumns().add(Columns.status("Outcome", 160, ReportModel.StepRow::look));
        steps.getColumns().add(Columns.text("Details", 260, ReportModel.StepRow::detail));
        steps.getColumns().add(Columns.text("Tries", 50, r -> r.attempts() == 0 ? "" : String.valueOf(r.attempts())));
        steps.getColumns().add(Columns.text("Reference", 120, ReportModel.StepRow::reference));
    }
}
