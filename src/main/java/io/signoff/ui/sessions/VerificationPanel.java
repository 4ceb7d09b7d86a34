package io.signoff.ui.sessions;

import io.signoff.controller.CallOutcome;
import io.signoff.controller.CallState;
import io.signoff.controller.RevokeReport;
import io.signoff.controller.Verification;
import io.signoff.controller.VerifyState;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What a revoke did and whether it shows: per provider the call's answer, then "verified", "not yet visible — will
 * re-check" or "failed", with the residual exposure the provider documents. Cancel stops calls not yet sent.
 */
final class VerificationPanel extends VBox {
    private final Label title = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button cancel = new Button("Cancel unsent calls");
    private final Button dismiss = new Button("Dismiss");
    private final GridPane grid = new GridPane();

    VerificationPanel(Runnable onCancel) {
        super(6);
        setId("verification-panel");
        getStyleClass().add("verification-panel");
        title.setId("verification-title");
        title.getStyleClass().add("card-title");
        progress.setPrefSize(18, 18);
        cancel.setId("revoke-cancel");
        cancel.setOnAction(e -> onCancel.run());
        dismiss.setId("verification-dismiss");
        dismiss.setOnAction(e -> hidePanel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, progress, spacer, cancel, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        grid.setHgap(12);
        grid.setVgap(4);
        getChildren().addAll(header, grid);
        hidePanel();
    }

    void hidePanel() {
        setVisible(false);
        setManaged(false);
    }

    void show(RevokeReport report) {
        setVisible(true);
        setManaged(true);
        boolean waiting = report.calls().stream().anyMatch(c -> c.state() == CallState.WAITING);
        cancel.setVisible(waiting);
        cancel.setManaged(waiting);
        progress.setVisible(!report.finished());
        dismiss.setDisable(!report.finished());
        title.setText(heading(report));
        grid.getChildren().clear();
        int row = 0;
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < report.verifications().size(); i++) {
            Verification v = report.verifications().get(i);
            CallOutcome call = i < report.calls().size() ? report.calls().get(i) : null;
            // One row per account; a second account in the same connection gets a numbered id.
            String id = v.connection().id();
            for (int n = 2; !used.add(id); n++) id = v.connection().id() + "-" + n;
            Label provider = new Label(v.connection().displayName());
            provider.getStyleClass().add("card-title");
            provider.setMinWidth(Region.USE_PREF_SIZE);
            Label callState = chip(call == null ? "manual" : call.state().name(), call == null ? "no API" : callLabel(call));
            callState.setId("call-state-" + id);
            Label verifyState = chip(v.state().name(), v.state().label());
            verifyState.setId("verify-state-" + id);
            HBox chips = new HBox(6, callState, verifyState);
            chips.setMinWidth(Region.USE_PREF_SIZE);
            String text = v.detail() + (call != null && !call.message().isBlank() && call.state() != CallState.SUCCEEDED
                    ? (v.detail().isBlank() ? "" : " — ") + call.message() : "")
                    + (call != null && !call.reference().isBlank() ? " [" + call.reference() + "]" : "");
            Label detail = new Label(text);
            detail.setId("verify-detail-" + id);
            detail.setWrapText(true);
            Label residual = new Label(v.residualExposure().isBlank() ? "" : "Residual exposure: " + v.residualExposure());
            residual.setId("verify-residual-" + id);
            residual.setWrapText(true);
            residual.getStyleClass().add("card-residual");
            VBox words = new VBox(1, detail, residual);
            GridPane.setHgrow(words, Priority.ALWAYS);
            grid.addRow(row++, provider, chips, words);
        }
    }

    private static String heading(RevokeReport report) {
        String who = report.plan().person().displayName();
        if (!report.finished()) return "Revoking for " + who + " — verifying…";
        long verified = report.count(VerifyState.VERIFIED);
        long failed = report.count(VerifyState.FAILED);
        long manual = report.count(VerifyState.MANUAL);
        return "Revoke for " + who + ": " + verified + " verified" + (failed > 0 ? ", " + failed + " failed" : "")
                + (manual > 0 ? ", " + manual + " manual step" + (manual == 1 ? "" : "s") : "");
    }

    private static String callLabel(CallOutcome call) {
        return switch (call.state()) {
            case WAITING -> "waiting";
            case SENDING -> "sending…";
            case SUCCEEDED -> "call succeeded";
            case FAILED -> "call failed";
            case UNKNOWN -> "outcome unknown";
            case NOT_SENT -> "not sent";
        };
    }

    private static Label chip(String state, String text) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll("chip", "chip-" + state.toLowerCase(Locale.ROOT).replace('_', '-'));
        return chip;
    }

}
