package io.signoff;

import io.signoff.cli.BuildInfo;
import io.signoff.settings.AppDirectories;
import io.signoff.ui.AppIcons;
import io.signoff.ui.MainWindow;
import io.signoff.ui.PlaceholderView;
import io.signoff.ui.Section;
import io.signoff.ui.SectionView;
import io.signoff.ui.Screenshots;
import io.signoff.ui.about.AboutDialog;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX toolkit and shows the main window. No Application subclass: we wire by hand. */
final class GuiStarter {
    private static final Logger LOG = LoggerFactory.getLogger(GuiStarter.class);

    private GuiStarter() { }

    static void start(SignoffCommand.ConsoleOptions options) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                show(options);
            } catch (RuntimeException e) {
                LOG.error("The console could not start", e);
                System.err.println("Signoff could not start: " + e.getMessage());
                Platform.exit();
                System.exit(1);
            }
        });
    }

    private static void show(SignoffCommand.ConsoleOptions options) {
        Map<Section, SectionView> views = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            views.put(s, new PlaceholderView(s, s.subtitle()));
        }
        BuildInfo build = BuildInfo.load();
        MainWindow window = new MainWindow(views, true, "v" + build.version());
        Scene scene = new Scene(window.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        if ("dark".equalsIgnoreCase(options.theme())) {
            scene.getStylesheets().add(MainWindow.class.getResource("dark.css").toExternalForm());
        }
        Stage stage = new Stage();
        stage.setTitle("Signoff");
        stage.getIcons().setAll(AppIcons.all());
        AppDirectories directories = AppDirectories.resolve(options.configDir(), options.dataDir());
        window.setOnAbout(() -> new AboutDialog(build, directories).show(stage));
        stage.setScene(scene);
        window.select(options.view());
        stage.show();
        if (options.screenshot() != null) {
            Screenshots.whenLoaded(window.view(options.view()), scene, options.screenshot());
        }
    }
}
