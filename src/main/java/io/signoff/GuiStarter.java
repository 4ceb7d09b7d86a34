package io.signoff;

import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.TenantsController;
import io.signoff.settings.Preferences;
import io.signoff.settings.SettingsException;
import io.signoff.ui.ConsoleWindow;
import java.io.PrintWriter;
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
    static boolean start(SignoffCommand.ConsoleOptions options, PrintWriter out, PrintWriter err) {
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
        Preferences prefs = services.preferences().preferences();
        boolean dark = options.theme() != null ? "dark".equalsIgnoreCase(options.theme()) : prefs.theme() == Preferences.Theme.DARK;
        ConsoleWindow.Startup startup = new ConsoleWindow.Startup(services.demo(), options.view(), dark, options.screenshot(),
                prefs.window(), placement -> savePlacement(services, placement), services.directories(),
                options.screenshot() != null && services.demo() ? DemoEnvironment.FEATURED_PERSON : null,
                Boolean.getBoolean(STARTUP_MARKER_PROPERTY) ? STARTUP_MARKER : null);
        ConsoleWindow.launch(startup, controllers(services), out, err);
        return true;
    }

    /** Every workflow on one pool of provider clients, so each connection keeps one token cache. */
    private static ConsoleWindow.Controllers controllers(ConsoleServices services) {
        ProviderPool pool = services.providerPool(connection -> true);
        TenantsController tenants = services.tenantsController(pool);
        LookupController lookup = services.lookupController(tenants);
        OffboardingController offboarding = services.offboardingController(pool, "ui");
        offboarding.startScheduler();
        return new ConsoleWindow.Controllers(tenants, lookup, services.sessionsController(tenants, "ui"), offboarding,
                services.auditController(), services.connectionsController(), services.connections()::connections);
    }

    private static void savePlacement(ConsoleServices services, Preferences.WindowPlacement placement) {
        try {
            services.preferences().updatePreferences(p -> p.withWindow(placement));
        } catch (SettingsException e) {
            LOG.warn("Could not remember the window position: {}", e.getMessage());
        }
    }
}
