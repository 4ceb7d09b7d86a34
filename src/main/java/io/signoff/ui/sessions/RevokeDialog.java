package io.signoff.ui.sessions;

import io.signoff.controller.ManualStep;
import io.signoff.controller.PlannedRevoke;
import io.signoff.controller.RevokePlan;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The confirmation before any revoke: names the person, lists exactly the calls that will be made and the manual
 * steps no API covers, warns about admins and owners (who must be acknowledged), and for "revoke everywhere" makes the
 * operator type the person's email. Non-blocking: {@code onConfirm} runs when the operator presses Revoke.
 */
final class RevokeDialog {
    static final ButtonType REVOKE = new ButtonType("Revoke", ButtonBar.ButtonData.OK_DONE);

    private RevokeDialog() { }

    static Dialog<ButtonType> show(Window owner, RevokePlan plan, Consumer<RevokePlan> onConfirm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Confirm revoke");
        dialog.setHeaderText(plan.title());
        dialog.getDialogPane().setId("revoke-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, REVOKE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }

        VBox body = new VBox(8);
        body.setPadding(new Insets(4, 0, 0, 0));
        body.setPrefWidth(620);
        Label callsTitle = new Label(plan.calls().isEmpty() ? "No provider call can do this." : "These calls will be made:");
        callsTitle.getStyleClass().add("dialog-subtitle");
        body.getChildren().add(callsTitle);
        int i = 0;
        for (PlannedRevoke call : plan.calls()) {
            Label line = new Label("• " + call.description());
            line.setId("revoke-call-" + i++);
            line.setWrapText(true);
            body.getChildren().add(line);
        }
        if (!plan.manualSteps().isEmpty()) {
            Label manualTitle = new Label("No API — do these by hand afterwards:");
            manualTitle.getStyleClass().add("dialog-subtitle");
            body.getChildren().add(manualTitle);
            for (ManualStep step : plan.manualSteps()) {
                Label line = new Label("• " + step.connection().displayName() + ": " + step.instruction());
                line.setWrapText(true);
                body.getChildren().add(line);
            }
        }
        for (String warning : plan.warnings()) {
            Label w = new Label("⚠ " + warning);
            w.setWrapText(true);
            w.getStyleClass().add("warning-label");
            w.setMaxWidth(Double.MAX_VALUE);
            body.getChildren().add(w);
        }
        CheckBox acknowledge = new CheckBox("I have checked that this administrator or owner must be signed out");
        acknowledge.setId("revoke-acknowledge-privileged");
        acknowledge.setWrapText(true);
        if (plan.privileged()) body.getChildren().add(acknowledge);
        TextField typed = new TextField();
        typed.setId("revoke-confirm-text");
        if (plan.requiresTypedConfirmation()) {
            Label ask = new Label("Type " + plan.person().email() + " to confirm:");
            ask.setId("revoke-confirm-prompt");
            typed.setPromptText(plan.person().email());
            body.getChildren().addAll(ask, typed);
        }
        dialog.getDialogPane().setContent(body);

        Node revoke = dialog.getDialogPane().lookupButton(REVOKE);
        revoke.setId("revoke-confirm-button");
        revoke.getStyleClass().add("danger-button");
        ((Button) revoke).setDefaultButton(false);
        revoke.disableProperty().bind(Bindings.createBooleanBinding(
                () -> plan.empty() || !plan.confirmedBy(typed.getText()) || plan.privileged() && !acknowledge.isSelected(),
                typed.textProperty(), acknowledge.selectedProperty()));
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == REVOKE) onConfirm.accept(plan);
        });
        dialog.show();
        if (plan.requiresTypedConfirmation()) typed.requestFocus();
        return dialog;
    }
}
