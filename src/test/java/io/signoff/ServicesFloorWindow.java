package io.signoff;

import io.signoff.controller.ConnectionTenants;
import io.signoff.controller.TenantsController;
import io.signoff.ui.FxToolkit;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A second reference point for the start-up benchmark, not a target: {@link BareJavaFxWindow} whose one label ends up
 * listing the demo's tenants, fetched by Signoff's own services exactly as the console fetches them (logging set-up,
 * demo simulator, settings, provider clients over HTTP on 127.0.0.1), and no console UI at all: no table, no
 * navigation, no stylesheet, no command-line parsing. What it costs over the bare window is the least any first screen
 * showing that data can cost with these services. Prints {@link GuiStarter#STARTUP_MARKER} once the tenants show.
 * <p>
 * Arguments: a config directory and a data directory, as --config-dir and --data-dir.
 */
public final class ServicesFloorWindow {
    private ServicesFloorWindow() { }

    public static void main(String[] args) {
        Path configDir = Path.of(args[0]);
        Path dataDir = Path.of(args[1]);
        System.setProperty(Launcher.LOG_DIR_PROPERTY, dataDir.resolve("logs").toString());
        CompletableFuture<Label> shown = new CompletableFuture<>();
        FxToolkit toolkit = FxToolkit.startingNow(); // on a thread of its own: it comes up while the services open
        toolkit.whenStarted(() -> {
            Label label = new Label("Loading tenants…");
            Stage stage = new Stage();
            stage.setTitle("Signoff's services, no console UI");
            stage.setScene(new Scene(new StackPane(label), 1200, 780));
            stage.show();
            shown.complete(label);
        });
        ConsoleServices services = ConsoleServices.open(true, configDir, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "floor-shutdown")); // the demo's temp config
        TenantsController tenants = services.tenantsController(services.providerPool(connection -> true));
        tenants.load(snapshot -> { }).thenAcceptBoth(shown, (snapshot, label) -> Platform.runLater(() -> {
            label.setText(snapshot.connections().stream()
                    .flatMap(c -> c.tenants().stream().map(t -> c.connection().displayName() + ": " + t.displayName()))
                    .collect(Collectors.joining("\n")));
            // Like the console's marker: printed once the frame with the tenants has been laid out.
            Platform.runLater(() -> System.out.println(GuiStarter.STARTUP_MARKER));
        })).exceptionally(failed -> {
            failed.printStackTrace(); // the benchmark shows the child's output when the marker never comes
            return null;
        });
    }
}
