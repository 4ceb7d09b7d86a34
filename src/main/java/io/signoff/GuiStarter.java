package io.signoff;

import io.signoff.controller.AuditController;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.model.Connection;
import io.signoff.settings.Preferences;
import io.signoff.settings.SettingsException;
import io.signoff.ui.ConsoleWindow;
import io.signoff.ui.FxToolkit;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the console: opens the services, builds the controllers, and hands them to the window (ui.ConsoleWindow). */
final class GuiStarter {
    private static final Logger LOG = LoggerFactory.getLogger(GuiStarter.class);
    /** -Dsignoff.startupMarker=true prints {@link #STARTUP_MARKER} once the first view has loaded its data. */
    static final String STARTUP_MARKER_PROPERTY = "signoff.startupMarker";
    static final String STARTUP_MARKER = "signoff: first view loaded";

    private GuiStarter() { }

    /** @return false when the console could not start (the reason is already on {@code err}) */
    static boolean start(SignoffCommand.ConsoleOptions options, FxToolkit toolkit, PrintWriter out, PrintWriter err) {
        ConsoleWindow window = ConsoleWindow.prepare(toolkit); // the frame is built while the services open
        ConsoleServices services;
        try {
            services = ConsoleServices.open(options.demo(), options.configDir(), options.dataDir());
        } catch (RuntimeException e) {
            LOG.error("The console could not start: {}", e.getMessage(), e);
            err.println("Signoff could not start: " + e.getMessage());
            err.flush();
            return false;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "signoff-shutdown"));
        ConsoleControllers controllers = new ConsoleControllers(services);
        Preferences prefs = services.preferences().preferences();
        boolean dark = options.theme() != null ? "dark".equalsIgnoreCase(options.theme()) : prefs.theme() == Preferences.Theme.DARK;
        ConsoleWindow.Startup startup = new ConsoleWindow.Startup(services.demo(), options.view(), dark, options.screenshot(),
                prefs.window(), placement -> savePlacement(services, placement), services.directories(),
                options.screenshot() != null && services.demo() ? DemoEnvironment.FEATURED_PERSON : null,
                Boolean.getBoolean(STARTUP_MARKER_PROPERTY) ? STARTUP_MARKER : null, controllers::startScheduler);
        try {
            window.launch(startup, controllers, out, err);
        } catch (FxToolkit.WindowUnavailableException e) {
            LOG.warn("The console could not open its window: {}", e.getMessage(), e); // said on stderr below, once
            err.println("Signoff could not open its window: " + e.getMessage() + ". The console needs a desktop session;"
                    + " without one, the commands listed by 'signoff --help' work from a terminal.");
            err.flush();
            return false;
        }
        // Nothing is done without an audit trail: the window is up by now, but a store that cannot open still ends the
        // start, as it did when it was opened first. (This thread has nothing else to do; the FX thread never waits.)
        try {
            services.audit();
        } catch (RuntimeException e) {
            LOG.error("The console could not start: {}", e.getMessage(), e);
            err.println("Signoff could not start: " + e.getMessage());
            err.flush();
            return false;
        }
        return true;
    }

    /**
     * Every workflow on one pool of provider clients, so each connection keeps one token cache. The tenants and the
     * person search are made at once (the tenant lists start travelling now); the rest when its view is first built,
     * so the audit database and the offboarding journal open while the window appears, not before.
     */
    private static final class ConsoleControllers implements ConsoleWindow.Controllers {
        private final ConsoleServices services;
        private final TenantsController tenants;
        private final LookupController lookup;
        private final Once<SessionsController> sessions;
        private final Once<OffboardingController> offboarding;
        private final Once<AuditController> audit;
        private final Once<ConnectionsController> connections;

        ConsoleControllers(ConsoleServices services) {
            this.services = services;
            ProviderPool pool = services.providerPool(connection -> true);
            tenants = services.tenantsController(pool);
            tenants.prefetch(); // every view starts from the tenant lists; they travel while the window is being built
            lookup = services.lookupController(tenants);
            sessions = new Once<>(() -> services.sessionsController(tenants, "ui"));
            offboarding = new Once<>(() -> services.offboardingController(pool, "ui"));
            audit = new Once<>(services::auditController);
            connections = new Once<>(services::connectionsController);
        }

        @Override public TenantsController tenants() { return tenants; }

        @Override public LookupController lookup() { return lookup; }

        @Override public SessionsController sessions() { return sessions.get(); }

        @Override public OffboardingController offboarding() { return offboarding.get(); }

        @Override public AuditController audit() { return audit.get(); }

        @Override public ConnectionsController connections() { return connections.get(); }

        @Override public List<Connection> configuredConnections() { return services.connections().connections(); }

        /** Arms the offboarding scheduler (missed and due runs), in the background, once the first view is up. */
        void startScheduler() {
            services.background().execute(() -> {
                try {
                    offboarding().startScheduler();
                } catch (RuntimeException e) {
                    // The audit store did not open: the start ends on that (GuiStarter.start says why).
                    LOG.warn("The offboarding scheduler did not start: {}", e.getMessage());
                }
            });
        }
    }

    /** A value made on first use, then kept; safe to ask from any thread. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> maker;
        private T value;

        Once(Supplier<T> maker) { this.maker = maker; }

        @Override
        public synchronized T get() {
            if (value == null) value = maker.get();
            return value;
        }
    }

    private static void savePlacement(ConsoleServices services, Preferences.WindowPlacement placement) {
        try {
            services.preferences().updatePreferences(p -> p.withWindow(placement));
        } catch (SettingsException e) {
            LOG.warn("Could not remember the window position: {}", e.getMessage());
        }
    }
}
