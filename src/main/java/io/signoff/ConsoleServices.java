package io.signoff;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.cli.BuildInfo;
import io.signoff.controller.AuditController;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.controller.VerificationPolicy;
import io.signoff.model.Connection;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.settings.AppDirectories;
import io.signoff.settings.SettingsException;
import io.signoff.settings.SettingsStore;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.KeyringVault;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SessionVault;
import io.signoff.vault.VaultException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root shared by the console and the headless commands: settings, secrets, provider clients and the
 * background executor, on real connections or on the demo simulator. Wired by hand; owns every lifecycle it opens.
 */
final class ConsoleServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServices.class);

    private final AppDirectories directories;
    private final SettingsStore preferences;
    private final SettingsStore connections;
    private final ConnectionSecrets secrets;
    private final Providers providers;
    private final Redactor redactor;
    private final ExecutorService background;
    private final DemoEnvironment demo;
    private final Path demoConfig;
    private final SqliteAuditStore audit;

    private ConsoleServices(AppDirectories directories, SettingsStore preferences, SettingsStore connections,
                            ConnectionSecrets secrets, Redactor redactor, DemoEnvironment demo, Path demoConfig) {
        this.directories = directories;
        this.preferences = preferences;
        this.connections = connections;
        this.secrets = secrets;
        this.redactor = redactor;
        this.providers = Providers.standard(new HttpClients("Signoff/" + BuildInfo.load().version()), redactor);
        this.background = Executors.newFixedThreadPool(16, daemonThreads());
        this.demo = demo;
        this.demoConfig = demoConfig;
        this.audit = SqliteAuditStore.open(SqliteAuditStore.fileIn(directories.data()), redactor);
    }

    /**
     * Opens the real settings; falls back to the demo when asked to or when no connection is configured. The demo's
     * connections live in a throw-away config directory and a session-only vault, so the real settings never see them.
     */
    static ConsoleServices open(boolean forceDemo, Path configDir, Path dataDir) {
        AppDirectories dirs = AppDirectories.resolve(configDir, dataDir);
        ConnectionSecrets realSecrets = new ConnectionSecrets(KeyringVault.system(), new SessionVault());
        SettingsStore real = SettingsStore.open(dirs.config(), realSecrets);
        Redactor redactor = new Redactor();
        if (!forceDemo && !real.connections().isEmpty()) {
            return new ConsoleServices(dirs, real, real, realSecrets, redactor, null, null);
        }
        try {
            DemoEnvironment demo = DemoEnvironment.start();
            Path tempConfig = Files.createTempDirectory("signoff-demo-config");
            ConnectionSecrets demoSecrets = new ConnectionSecrets(new SessionVault(), new SessionVault());
            SettingsStore demoStore = SettingsStore.open(tempConfig, demoSecrets);
            for (Connection c : demo.connections()) {
                demoStore.saveConnection(c);
                for (Map.Entry<String, String> secret : demo.secrets().get(c.id()).entrySet()) {
                    demoSecrets.store(c.id(), secret.getKey(), secret.getValue().toCharArray(), SecretPlacement.SESSION_ONLY);
                    redactor.register(secret.getValue());
                }
            }
            AppDirectories demoDirs = new AppDirectories(dirs.config(), dirs.data().resolve("demo"), dirs.logs());
            return new ConsoleServices(demoDirs, real, demoStore, demoSecrets, redactor, demo, tempConfig);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the demo simulator: " + e.getMessage(), e);
        } catch (SettingsException | VaultException e) {
            throw new IllegalStateException("Could not set up the demo connections: " + e.getMessage(), e);
        }
    }

    boolean demo() { return demo != null; }

    /** Where audit and journal live: under data/demo in demo mode, so demo actions never mix with real ones. */
    AppDirectories directories() { return directories; }

    /** Operator preferences (theme, window placement): always the real settings file, also in demo mode. */
    SettingsStore preferences() { return preferences; }

    SettingsStore connections() { return connections; }

    SecretSource secretSource() { return secrets.asSecretSource(); }

    Providers providers() { return providers; }

    Redactor redactor() { return redactor; }

    ExecutorService background() { return background; }

    DemoEnvironment demoEnvironment() { return demo; }

    SqliteAuditStore audit() { return audit; }

    /** Who acts, as every audit row records it: the OS user, the operator name from preferences, the machine. */
    OperatorIdentity operator() { return OperatorIdentity.current(preferences.preferences().operatorName()); }

    AuditController auditController() {
        String version = "Signoff " + BuildInfo.load().version();
        return new AuditController(audit, new AuditCsvExporter(audit, version, Clock.systemUTC()), background, Clock.systemUTC());
    }

    /**
     * The tenants of every configured connection, through one client per connection (built on first use). Shared by
     * the person search and the sessions controller built on it.
     */
    TenantsController tenantsController() {
        return new TenantsController(new ProviderPool(connections::connections, providers, secretSource()), background);
    }

    /** Sessions and revokes, audited as {@code channel} ("ui" or "cli") by the current operator. */
    SessionsController sessionsController(TenantsController tenants, String channel) {
        return new SessionsController(tenants, audit, this::operator, channel, background, VerificationPolicy.standard(),
                Clock.systemUTC());
    }

    ConnectionsController connectionsController() {
        return new ConnectionsController(connections, secrets, providers, background);
    }

    @Override
    public void close() {
        background.shutdownNow();
        audit.close();
        if (demo != null) {
            demo.close();
            deleteQuietly(demoConfig);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the demo config directory {}", dir, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "signoff-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
