package io.signoff;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.cli.BuildInfo;
import io.signoff.controller.AuditController;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.SessionsController;
import io.signoff.controller.TenantsController;
import io.signoff.controller.VerificationPolicy;
import io.signoff.model.Connection;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.Operator;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.RunnerSettings;
import io.signoff.offboarding.TemplateStore;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.settings.AppDirectories;
import io.signoff.settings.SettingsException;
import io.signoff.settings.SettingsStore;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.KeyringVault;
import io.signoff.vault.SecretNames;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SessionVault;
import io.signoff.vault.VaultException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
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
    /** Opened in the background from the start (SQLite loads its native library first): nothing on screen waits for it. */
    private final CompletableFuture<SqliteAuditStore> auditOpening;
    /** Waits of the offboarding runner (pacing, Retry-After, job polls); created on first use. */
    private ScheduledExecutorService timer;
    private OffboardingJournal journal;
    /** Everything opened on demand, closed in reverse order by {@link #close()}. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    private ConsoleServices(AppDirectories directories, SettingsStore preferences, SettingsStore connections,
                            ConnectionSecrets secrets, Redactor redactor, DemoEnvironment demo, Path demoConfig) {
        this.directories = directories;
        this.preferences = preferences;
        this.connections = connections;
        this.secrets = secrets;
        this.redactor = redactor;
        this.background = Executors.newFixedThreadPool(16, daemonThreads());
        this.auditOpening = CompletableFuture.supplyAsync(
                () -> SqliteAuditStore.open(SqliteAuditStore.fileIn(directories.data()), redactor), background);
        this.providers = Providers.standard(new HttpClients("Signoff/" + BuildInfo.load().version()), redactor);
        this.demo = demo;
        this.demoConfig = demoConfig;
    }

    /**
     * Opens the real settings; falls back to the demo when asked to or when no connection is configured. The demo's
     * connections live in a throw-away config directory and a session-only vault, so the real settings never see them.
     */
    static ConsoleServices open(boolean forceDemo, Path configDir, Path dataDir) {
        return open(forceDemo, configDir, dataDir, true);
    }

    /**
     * For the headless commands: the demo only when asked for. A script run on a machine with no connection must fail
     * plainly ("no connection configured"), never act on a simulator it did not ask for.
     */
    static ConsoleServices openHeadless(boolean demo, Path configDir, Path dataDir) {
        return open(demo, configDir, dataDir, false);
    }

    private static ConsoleServices open(boolean forceDemo, Path configDir, Path dataDir, boolean demoWhenEmpty) {
        AppDirectories dirs = AppDirectories.resolve(configDir, dataDir);
        ConnectionSecrets realSecrets = new ConnectionSecrets(KeyringVault.system(), new SessionVault());
        SettingsStore real = SettingsStore.open(dirs.config(), realSecrets);
        Redactor redactor = new Redactor();
        if (!forceDemo && (!demoWhenEmpty || !real.connections().isEmpty())) {
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

    /**
     * The audit store, waiting for it to open if need be.
     *
     * @throws RuntimeException as {@link SqliteAuditStore#open} throws it, when the database cannot be opened
     */
    SqliteAuditStore audit() {
        try {
            return auditOpening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** Who acts, as every audit row records it: the OS user, the operator name from preferences, the machine. */
    OperatorIdentity operator() { return OperatorIdentity.current(preferences.preferences().operatorName()); }

    AuditController auditController() {
        String version = "Signoff " + BuildInfo.load().version();
        SqliteAuditStore audit = audit();
        return new AuditController(audit, new AuditCsvExporter(audit, version, Clock.systemUTC()), this::operator, background,
                Clock.systemUTC());
    }

    /** Sessions and revokes, audited as {@code channel} ("ui" or "cli") by the current operator. */
    SessionsController sessionsController(TenantsController tenants, String channel) {
        return new SessionsController(tenants, audit(), this::operator, channel, background, VerificationPolicy.standard(),
                Clock.systemUTC());
    }

    ConnectionsController connectionsController() {
        return new ConnectionsController(connections, secrets, providers, background);
    }

    /**
     * Provider clients for the configured connections that {@code scope} accepts, read afresh each time a workflow
     * starts. One pool per workflow family keeps each client's token cache.
     */
    ProviderPool providerPool(Predicate<Connection> scope) {
        return new ProviderPool(() -> connections.connections().stream().filter(scope).toList(), providers, secretSource());
    }

    /** The tenants of the connections {@code pool} reaches (the command line narrows it with --connection). */
    TenantsController tenantsController(ProviderPool pool) {
        return new TenantsController(pool, background);
    }

    LookupController lookupController(TenantsController tenants) {
        return new LookupController(tenants, background);
    }

    /**
     * The offboarding engine on the audit database (journal beside the audit rows), closed with these services.
     *
     * @param channel "ui" or "cli", journalled with each run and written to its audit rows
     */
    synchronized OffboardingController offboardingController(ProviderPool pool, String channel) {
        OperatorIdentity who = operator();
        ProviderLookup lookup = id -> {
            Connection c = pool.connection(id).orElseThrow(() -> ProviderException.unsupported(
                    "The connection " + id + " is no longer configured"));
            try {
                return pool.provider(c);
            } catch (ProviderPool.NotConnectedException e) {
                throw ProviderException.unsupported(e.getMessage());
            }
        };
        OffboardingServices parts = new OffboardingServices(pool::connections, lookup, journal(), AuditWriter.of(audit()),
                new TemplateStore(directories.config()), new Operator(who.display(), who.machine()), runnerSettings(),
                Clock.systemUTC(), timer());
        // People are found by the same parallel person lookup as the Users view (aliases followed up).
        OffboardingController controller = new OffboardingController(parts, lookupController(tenantsController(pool)), background,
                channel);
        opened.push(controller);
        return controller;
    }

    /**
     * Keeps a connection's credential in memory for this process only, ahead of the keychain (for hosts without one),
     * and teaches the redactor its value. The caller wipes {@code secret} afterwards.
     *
     * @throws IllegalArgumentException when no such connection is configured
     */
    void useSessionSecret(String connectionId, char[] secret) throws VaultException {
        Connection c = connections.connection(connectionId).orElseThrow(() -> new IllegalArgumentException(
                "No connection '" + connectionId + "' is configured"));
        redactor.register(secret);
        secrets.store(c.id(), SecretNames.credentialOf(c.kind()), secret, SecretPlacement.SESSION_ONLY);
    }

    @Override
    public void close() {
        synchronized (this) {
            while (!opened.isEmpty()) {
                AutoCloseable part = opened.pop();
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
            if (timer != null) timer.shutdownNow();
        }
        // Waited for before the executor stops: an open interrupted half-way would leave nothing to close.
        SqliteAuditStore audit = auditOpening.handle((store, failed) -> store).join();
        background.shutdownNow();
        if (audit != null) audit.close();
        if (demo != null) {
            demo.close();
            deleteQuietly(demoConfig);
        }
    }

    private synchronized OffboardingJournal journal() {
        if (journal == null) {
            journal = OffboardingJournal.openBeside(audit());
            opened.push(journal);
        }
        return journal;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) timer = Executors.newScheduledThreadPool(2, daemonThreads("signoff-offboarding-timer"));
        return timer;
    }

    /**
     * The providers' real limits. The demo simulator finishes a CIPP job in seconds, so its jobs are polled every two
     * seconds instead of thirty: the demo should show a job end, not a wait.
     */
    private RunnerSettings runnerSettings() {
        RunnerSettings standard = RunnerSettings.defaults();
        return demo == null ? standard : standard.withJobPolling(Duration.ofSeconds(2), standard.jobPollLimit());
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete the demo config directory {}", dir, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return daemonThreads("signoff-background");
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
