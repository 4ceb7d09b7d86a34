package io.signoff;

import io.signoff.cli.CliEnvironment;
import io.signoff.cli.CliServices;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.model.Connection;
import io.signoff.vault.VaultException;
import java.util.List;
import java.util.Set;

/**
 * The console's services as one headless command sees them: the same controllers, on one shared provider pool (one
 * token cache, one tenant cache), acting through the channel "cli". Opened for a command and closed when it ends.
 */
final class HeadlessServices implements CliServices {
    static final String CHANNEL = "cli";

    private final ConsoleServices services;
    private ProviderPool pool;
    private TenantsController tenants;

    private HeadlessServices(ConsoleServices services) {
        this.services = services;
    }

    /** Real settings and keychain, or the simulator with --demo; never the demo unasked. */
    static CliServices open(CliEnvironment environment) {
        return new HeadlessServices(ConsoleServices.openHeadless(environment.demo(), environment.configDir(),
                environment.dataDir()));
    }

    @Override
    public boolean demo() { return services.demo(); }

    @Override
    public List<Connection> connections() { return services.connections().connections(); }

    @Override
    public List<String> settingsProblems() { return services.connections().loadProblems(); }

    @Override
    public void useSecretForThisProcess(String connectionId, char[] secret) {
        try {
            services.useSessionSecret(connectionId, secret);
        } catch (VaultException e) {
            // Only the in-memory vault is written, which does not fail; kept for the signature's sake.
            throw new IllegalStateException(e.userMessage(), e);
        }
    }

    @Override
    public ConnectionsController connectionsController() { return services.connectionsController(); }

    @Override
    public LookupController lookup(Set<String> connectionIds) {
        if (connectionIds.isEmpty()) return services.lookupController(tenants());
        Set<String> scope = Set.copyOf(connectionIds);
        return services.lookupController(services.tenantsController(
                services.providerPool(c -> scope.contains(c.id()))));
    }

    @Override
    public SessionsController sessions() { return services.sessionsController(tenants(), CHANNEL); }

    @Override
    public OffboardingController offboarding() { return services.offboardingController(pool(), CHANNEL); }

    @Override
    public void close() { services.close(); }

    private synchronized ProviderPool pool() {
        if (pool == null) pool = services.providerPool(c -> true);
        return pool;
    }

    private synchronized TenantsController tenants() {
        if (tenants == null) tenants = services.tenantsController(pool());
        return tenants;
    }
}
