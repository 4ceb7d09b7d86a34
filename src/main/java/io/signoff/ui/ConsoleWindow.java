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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's main window: its frame built as soon as the JavaFX toolkit is up ({@link #prepare}), its views added
 * and the window shown once the services are open ({@link #launch}). No Application subclass.
 */
public final class ConsoleWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);

    /**
     * The controllers behind the views, from the composition root. Each view asks for its controller when the view is
     * first built (FX thread), so a controller may be made at that moment.
     */
    public interface Controllers {
        TenantsController tenants();

        LookupController lookup();

        SessionsController sessions();

        OffboardingController offboarding();

        AuditController audit();

        ConnectionsController connections();

        /** The connections configured now (read afresh each time). */
        List<Connection> configuredConnections();
    }

    /**
     * How the window starts.
     *
     * @param featuredPerson for --screenshot in demo mode: the person the people views show (null: nobody)
     * @param startupMarker  printed on {@code out} once the first view has its data (for the start-up benchmark), or null
     * @param afterFirstView run once the first view has its data: work that may wait until the console is up
     */
    public record Startup(boolean demo, Section view, boolean dark, Path screenshot, Preferences.WindowPlacement placement,
                          Consumer<Preferences.WindowPlacement> placementSink, AppDirectories directories,
                          String featuredPerson, String startupMarker, Runnable afterFirstView) { }

    private record Views(Map<Section, SectionView> map, LookupViews lookup, LazyView<OffboardingView> offboarding) { }

    /** What is built before the services are open: the frame, its scene and stylesheet, the stage. */
    private record Frame(MainWindow window, Scene scene, Stage stage, BuildInfo build) { }

    private final FxToolkit toolkit;
    private final CompletableFuture<Frame> frame = new CompletableFuture<>();

    private ConsoleWindow(FxToolkit toolkit) {
        this.toolkit = toolkit;
    }

    /**
     * Builds the window's frame on the FX thread as soon as the toolkit is up, while the caller opens the services:
     * the first JavaFX controls, the stylesheets and the stage cost a quarter of a second that nobody need wait for.
     */
    public static ConsoleWindow prepare(FxToolkit toolkit) {
        ConsoleWindow console = new ConsoleWindow(toolkit);
        toolkit.whenStarted(() -> {
            try {
                console.frame();
            } catch (CompletionException e) {
                // Reported by launch, on the same path as every start failure.
            }
        });
        return console;
    }

    /** The frame, built now if the toolkit's start raced ahead of {@link #prepare}'s task. FX thread. */
    private Frame frame() {
        if (!frame.isDone()) {
            try {
                frame.complete(buildFrame());
            } catch (RuntimeException e) {
                frame.completeExceptionally(e);
            }
        }
        return frame.join();
    }

    /**
     * Waits for the toolkit (started in the background as the process started), then shows the window; the views are
     * built on the FX thread, each when its section is first shown. Returns once the window is on its way.
     *
     * @throws FxToolkit.WindowUnavailableException when this machine cannot open a window
     */
    public void launch(Startup startup, Controllers controllers, PrintWriter out, PrintWriter err)
            throws FxToolkit.WindowUnavailableException {
        toolkit.awaitStarted();
        Platform.runLater(() -> {
            try {
                show(frame(), startup, controllers, out, err);
            } catch (RuntimeException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                LOG.error("The console could not start: {}", cause.getMessage(), cause);
                err.println("Signoff could not start: " + cause.getMessage());
                err.flush();
                Platform.exit();
                System.exit(1);
            }
        });
    }

    private static Frame buildFrame() {
        BuildInfo build = BuildInfo.load();
        MainWindow window = new MainWindow("v" + build.version());
        Scene scene = new Scene(window.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        Stage stage = new Stage();
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(scene);
        return new Frame(window, scene, stage, build);
    }

    private static Views views(Controllers c) {
        LookupViews lookupViews = LookupViews.create(c.tenants(), c.lookup(), c::sessions);
        LazyView<OffboardingView> offboarding = new LazyView<>(() -> {
            OffboardingView view = new OffboardingView(c.offboarding(), c.lookup(), c::configuredConnections);
            view.setStatusSink(lookupViews.workspace()::status); // the workspace speaks to the main window's status line
            return view;
        });
        Map<Section, SectionView> map = new EnumMap<>(Section.class);
        lookupViews.putInto(map);
        map.put(Section.OFFBOARDING, offboarding);
        map.put(Section.AUDIT, new LazyView<>(() -> new AuditView(c.audit())));
        map.put(Section.CONNECTIONS, new LazyView<>(() -> new ConnectionsView(c.connections())));
        return new Views(map, lookupViews, offboarding);
    }

    private static void show(Frame frame, Startup startup, Controllers controllers, PrintWriter out, PrintWriter err) {
        MainWindow window = frame.window();
        Scene scene = frame.scene();
        Stage stage = frame.stage();
        Views views = views(controllers);
        window.setViews(views.map());
        views.lookup().attach(window);
        if (startup.demo()) window.showDemoBanner();
        if (startup.dark()) {
            scene.getStylesheets().add(MainWindow.class.getResource("dark.css").toExternalForm());
        }
        stage.setTitle(startup.demo() ? "Signoff — demo" : "Signoff");
        window.setOnAbout(() -> new AboutDialog(frame.build(), startup.directories()).show(stage));
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
        window.view(startup.view()).loaded().whenComplete((done, failed) -> startup.afterFirstView().run());
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
        if (view == Section.OFFBOARDING) views.offboarding().get().startWith(email, email);
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
