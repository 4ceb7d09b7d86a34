package io.signoff.ui.offboarding;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** Asks the operator a yes/no question before something irreversible. Called on the FX thread. */
@FunctionalInterface
interface Confirmer {

    /** @return true only when the operator chose {@code yes} */
    boolean confirm(String title, String question, String yes);

    /** A modal Alert owned by {@code owner}'s window; the buttons have ids "confirm-yes" and "confirm-no". */
    static Confirmer alerts(Node owner) {
        return (title, question, yes) -> {
            ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ok, cancel);
            alert.setTitle(title);
            alert.setHeaderText(title);
            if (owner.getScene() != null && owner.getScene().getWindow() != null) {
                alert.initOwner(owner.getScene().getWindow());
            }
            alert.getDialogPane().setId("confirm-dialog");
            ((Button) alert.getDialogPane().lookupButton(ok)).setId("confirm-yes");
            Button no = (Button) alert.getDialogPane().lookupButton(cancel);
            no.setId("confirm-no");
            // Enter must not confirm an irreversible action by accident.
            ((Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
            no.setDefaultButton(true);
            return alert.showAndWait().filter(b -> b == ok).isPresent();
        };
    }
}
