package io.signoff.ui;

import io.signoff.cli.BuildInfo;
import io.signoff.controller.AuditController;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.model.Connection;
import io.signoff.settings.AppDirectories;
import io.signoff.settings.Preferences;
import io.signoff.ui.about.AboutDialog;
import io.signoff.ui.audit.AuditView;
import io.signoff.ui.connections.ConnectionsView;
import io.signoff.ui.offboarding.OffboardingView;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX toolkit and shows the main window with every section's view. No Application subclass. */
public final class ConsoleWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);

    /** The controllers behind the views, built by the composition root. */
    public record Controllers(TenantsController tenants, LookupController lookup, SessionsController sessions,
                              OffboardingController offboarding, AuditController audit, ConnectionsController connections,
                              Supplier<List<Connection>> configuredConnections) { }

    /**
     * How the window starts.
     *
     * @param featuredPerson for --screenshot in demo mode: the person the people views show (null: nobody)
     * @param startupMarker  printed on {@code out} once the first view has its data (for the start-up benchmark), or null
     */
    public record Startup(boolean demo, Section view, boolean dark, Path screenshot, Preferences.WindowPlacement placement,
                          Consumer<Preferences.WindowPlacement> placementSink, AppDirectories directories,
                          String featuredPerson, String startupMarker) { }

    private record Views(Map<Section, SectionView> map, LookupViews lookup, OffboardingView offboarding) { }

    private ConsoleWindow() { }

    /** Starts the toolkit and shows the window; the views are built on the FX thread. Returns at once. */
    public static void launch(Startup startup, Controllers controllers, PrintWriter out, PrintWriter err) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                show(startup, controllers, out, err);
            } catch (RuntimeException e) {
                LOG.error("The console could not start: {}", e.getMessage(), e);
                err.println("Signoff could not start: " + e.getMessage());
                err.flush();
                Platform.exit();
                System.exit(1);
            }
        });
    }

    private static Views views(Controllers c) {
        LookupViews lookupViews = LookupViews.create(c.tenants(), c.lookup(), c.sessions());
        OffboardingView offboarding = new OffboardingView(c.offboarding(), c.lookup(), c.configuredConnections());
        Map<Section, SectionView> map = new EnumMap<>(Section.class);
        lookupViews.putInto(map);
        map.put(Section.OFFBOARDING, offboarding);
        map.put(Section.AUDIT, new AuditView(c.audit()));
        map.put(Section.CONNECTIONS, new ConnectionsView(c.connections()));
        return new Views(map, lookupViews, offboarding);
    }

    private static void show(Startup startup, Controllers controllers, PrintWriter out, PrintWriter err) {
        BuildInfo build = BuildInfo.load();
        Views views = views(controllers);
        MainWindow window = new MainWindow(views.map(), startup.demo(), "v" + build.version());
        views.lookup().attach(window);
        views.offboarding().setStatusSink(window::setStatus);
        Scene scene = new Scene(window.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        if (startup.dark()) {
            scene.getStylesheets().add(MainWindow.class.getResource("dark.css").toExternalForm());
        }
        Stage stage = new Stage();
        stage.setTitle(startup.demo() ? "Signoff — demo" : "Signoff");
        stage.getIcons().setAll(AppIcons.all());
        window.setOnAbout(() -> new AboutDialog(build, startup.directories()).show(stage));
        stage.setScene(scene);
        if (startup.screenshot() == null) {
            restorePlacement(stage, startup.placement());
            stage.setOnCloseRequest(e -> startup.placementSink().accept(new Preferences.WindowPlacement(
                    stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        }
        window.select(startup.view());
        stage.show();
        if (startup.featuredPerson() != null) {
            showPerson(startup.view(), views, startup.featuredPerson());
        }
        if (startup.startupMarker() != null) {
            window.view(startup.view()).loaded().whenComplete((done, failed) -> Platform.runLater(() -> {
                out.println(startup.startupMarker());
                out.flush();
            }));
        }
        if (startup.screenshot() != null) {
            Screenshots.whenLoaded(window.view(startup.view()), scene, startup.screenshot(), out, err);
        }
    }

    private static void showPerson(Section view, Views views, String email) {
        if (view == Section.USERS) views.lookup().users().search(email);
        if (view == Section.SESSIONS) views.lookup().sessions().findPerson(email);
        if (view == Section.OFFBOARDING) views.offboarding().startWith(email, email);
    }

    /** Puts the window where it was, unless that place is on no screen any more (a detached monitor). */
    private static void restorePlacement(Stage stage, Preferences.WindowPlacement placement) {
        if (placement == null) return;
        boolean visible = !Screen.getScreensForRectangle(
                new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height())).isEmpty();
        if (visible) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
    }
}
