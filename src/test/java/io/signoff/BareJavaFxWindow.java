package io.signoff;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of the start-up benchmark: the least a JavaFX app can do, a window of the console's size with one
 * label, started the way Signoff starts (Platform.startup, no Application subclass). Prints {@link #SHOWN} once the
 * window is up.
 */
public final class BareJavaFxWindow {
    static final String SHOWN = "bare window shown";

    private BareJavaFxWindow() { }

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Bare JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window")), 1200, 780));
            stage.show();
            Platform.runLater(() -> System.out.println(SHOWN)); // the benchmark's signal to the parent process
        });
    }
}
