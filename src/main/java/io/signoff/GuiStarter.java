package io.signoff;

import io.signoff.cli.BuildInfo;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.TenantsController;
import io.signoff.settings.Preferences;
import io.signoff.settings.SettingsException;
import io.signoff.ui.AppIcons;
import io.signoff.ui.LookupViews;
import io.signoff.ui.MainWindow;
import io.signoff.ui.Screenshots;
import io.signoff.ui.Section;
import io.signoff.ui.SectionView;
import io.signoff.ui.about.AboutDialog;
import io.signoff.ui.audit.AuditView;
import io.signoff.ui.connections.ConnectionsView;
import io.signoff.ui.offboarding.OffboardingView;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX toolkit and shows the main window. No Application subclass: we wire by hand. */
final class GuiStarter {
    private static final Logger LOG = LoggerFactory.getLogger(GuiStarter.class);

    private GuiStarter() { }

    static void start(SignoffCommand.ConsoleOptions options) {
        ConsoleServices services;
        try {
            services = ConsoleServices.open(options.demo(), options.configDir(), options.dataDir());
        } catch (RuntimeException e) {
            LOG.error("The console could not start", e);
            System.err.println("Signoff could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "signoff-shutdown"));
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            try {
                show(options, services);
            } catch (RuntimeException e) {
                LOG.error("The console could not start", e);
                System.err.println("Signoff could not start: " + e.getMessage());
                Platform.exit();
                System.exit(1);
            }
        });
    }

    /** Every section's view, all on one pool of provider clients so each connection keeps one token cache. */
    private record Views(Map<Section, SectionView> map, LookupViews lookup, OffboardingView offboarding) { }

    private static Views views(ConsoleServices services) {
        ProviderPool pool = services.providerPool(connection -> true);
        TenantsController tenants = services.tenantsController(pool);
        LookupController lookup = services.lookupController(tenants);
        LookupViews lookupViews = LookupViews.create(tenants, lookup, services.sessionsController(tenants, "ui"));
        OffboardingController offboarding = services.offboardingController(pool, "ui");
        offboarding.startScheduler();
        OffboardingView offboardingView = new OffboardingView(offboarding, lookup, services.connections()::connections);
        Map<Section, SectionView> map = new EnumMap<>(Section.class);
        lookupViews.putInto(map);
        map.put(Section.OFFBOARDING, offboardingView);
        map.put(Section.AUDIT, new AuditView(services.auditController()));
        map.put(Section.CONNECTIONS, new ConnectionsView(services.connectionsController()));
        return new Views(map, lookupViews, offboardingView);
    }

    private static void show(SignoffCommand.ConsoleOptions options, ConsoleServices services) {
        BuildInfo build = BuildInfo.load();
        Preferences prefs = services.preferences().preferences();
        Views views = views(services);
        MainWindow window = new MainWindow(views.map(), services.demo(), "v" + build.version());
        views.lookup().attach(window);
        views.offboarding().setStatusSink(window::setStatus);
        Scene scene = new Scene(window.root(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        boolean dark = options.theme() != null ? "dark".equalsIgnoreCase(options.theme()) : prefs.theme() == Preferences.Theme.DARK;
        if (dark) {
            scene.getStylesheets().add(MainWindow.class.getResource("dark.css").toExternalForm());
        }
        Stage stage = new Stage();
        stage.setTitle(services.demo() ? "Signoff — demo" : "Signoff");
        stage.getIcons().setAll(AppIcons.all());
        window.setOnAbout(() -> new AboutDialog(build, services.directories()).show(stage));
        stage.setScene(scene);
        if (options.screenshot() == null) {
            restorePlacement(stage, prefs.window());
            stage.setOnCloseRequest(e -> savePlacement(services, stage));
        }
        window.select(options.view());
        stage.show();
        if (options.screenshot() != null && services.demo()) {
            showDemoPerson(options.view(), views);
        }
        if (options.screenshot() != null) {
            Screenshots.whenLoaded(window.view(options.view()), scene, options.screenshot());
        }
    }

    /** A screenshot of the people views shows someone: the demo's person present in every provider. */
    private static void showDemoPerson(Section view, Views views) {
        if (view == Section.USERS) views.lookup().users().search(DemoEnvironment.FEATURED_PERSON);
        if (view == Section.SESSIONS) views.lookup().sessions().findPerson(DemoEnvironment.FEATURED_PERSON);
        if (view == Section.OFFBOARDING) views.offboarding().startWith(DemoEnvironment.FEATURED_PERSON, "Jane Doe");
    }

    /** Puts the window where it was, unless that place is on no screen any more (a detached monitor). */
    private static void restorePlacement(Stage stage, Preferences.WindowPlacement placement) {
        if (placement == null) return;
        boolean visible = Screen.getScreensForRectangle(
                new Rectangle2D(placement.x(), placement.y(), placement.width(), placement.height())).size() > 0;
        if (visible) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        stage.setMaximized(placement.maximized());
    }

    private static void savePlacement(ConsoleServices services, Stage stage) {
        Preferences.WindowPlacement placement = new Preferences.WindowPlacement(
                stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        try {
            services.preferences().updatePreferences(p -> p.withWindow(placement));
        } catch (SettingsException e) {
            LOG.warn("Could not remember the window position: {}", e.getMessage());
        }
    }
}
