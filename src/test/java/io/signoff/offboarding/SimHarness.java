package io.signoff.offboarding;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.AuditEvent;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The simulator on loopback, one connection per provider, the real provider clients, a journal in a temporary
 * database file and an audit writer: the parts a run needs, for tests over real HTTP.
 */
public final class SimHarness implements AutoCloseable {
    static final long SEED = 42;
    public static final String JANE = "jane.doe@contoso.com";
    public static final Operator OPERATOR = new Operator("tester (Test Helpdesk)", "test-host");

    public final SimulatorServer sim;
    public final List<Connection> connections;
    public final ProviderLookup providers;
    public final SqliteAuditStore auditStore;
    public final OffboardingJournal journal;
    /** The real audit store, with every row also kept in memory for assertions. */
    public final RecordingAudit audit;
    public final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "test-offboarding-timer");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** Writes to the audit store and keeps every row in memory, in order. */
    public static final class RecordingAudit implements AuditWriter {
        public final List<AuditEvent> events = new CopyOnWriteArrayList<>();
        private final AuditWriter store;

        public RecordingAudit(AuditWriter store) {
            this.store = store;
        }

        @Override
        public long append(AuditEvent event) {
            long seq = store.append(event);
            events.add(event);
            return seq;
        }

        @Override
        public long appendOutcome(long attemptSequence, AuditEvent outcome) {
            long seq = store.appendOutcome(attemptSequence, outcome);
            events.add(outcome);
            return seq;
        }
    }

    private SimHarness(SimulatorServer sim, List<Connection> connections, Path databaseFile) {
        this.sim = sim;
        this.connections = connections;
        this.providers = lookup(connections, sim.credentials());
        this.auditStore = SqliteAuditStore.open(databaseFile);
        this.journal = OffboardingJournal.openBeside(auditStore);
        this.audit = new RecordingAudit(AuditWriter.of(auditStore));
    }

    public static SimHarness start(Path dir) throws IOException {
        return start(dir, RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withRateBudgetPerMinute(6000));
    }

    static SimHarness start(Path dir, RequestOptions options) throws IOException {
        SimulatorServer sim = Simulators.startDemo(0, SEED);
        ((CippSimulator) sim.api(ProviderKind.CIPP)).jobTiming(Duration.ofMillis(200), Duration.ofMillis(200));
        return new SimHarness(sim, connections(sim.rootUrl(), sim.credentials(), sim.seed().cloudflare().accountId(), options),
                dir.resolve("audit.db"));
    }

    /** The demo connections, pointed at a simulator at {@code root}. */
    static List<Connection> connections(URI root, SimCredentials c, String cloudflareAccount, RequestOptions options) {
        String base = root.toString().replaceAll("/$", "");
        return List.of(
                new Connection("cipp", ProviderKind.CIPP, "Demo MSP (CIPP)", base + "/cipp",
                        Map.of("tenantId", c.cippTenantId(), "clientId", c.cippClientId(),
                                "tokenUrl", base + "/cipp/login/" + c.cippTenantId() + "/oauth2/v2.0/token"), options),
                new Connection("slack", ProviderKind.SLACK, "Contoso Grid", base + "/slack", Map.of(), options),
                new Connection("cloudflare", ProviderKind.CLOUDFLARE, "Contoso Zero Trust", base + "/cloudflare",
                        Map.of("accountId", cloudflareAccount), options),
                new Connection("lucid", ProviderKind.SCIM, "Lucid", base + "/scim", Map.of("label", "Lucid"), options));
    }

    /** One client per connection, as the console's provider pool keeps them; secrets from the simulator's credentials. */
    static ProviderLookup lookup(List<Connection> connections, SimCredentials c) {
        SecretSource source = secrets(c);
        Providers registry = registry();
        Map<String, Provider> built = new ConcurrentHashMap<>();
        return id -> {
            Connection c0 = connections.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> ProviderException.unsupported("no connection " + id));
            return built.computeIfAbsent(id, k -> registry.create(c0, source));
        };
    }

    public static Providers registry() {
        return Providers.standard(new HttpClients("signoff-test"), new Redactor());
    }

    /** The simulator's credentials under the demo secret names. */
    public static SecretSource secrets(SimCredentials c) {
        Map<String, Map<String, String>> secrets = Map.of(
                "cipp", Map.of("client-secret", c.cippClientSecret()),
                "slack", Map.of("token", c.slackToken()),
                "cloudflare", Map.of("api-token", c.cloudflareToken()),
                "lucid", Map.of("bearer-token", c.scimToken()));
        return (id, name) -> {
            String value = secrets.getOrDefault(id, Map.of()).get(name);
            if (value == null) throw ProviderException.of(io.signoff.model.ErrorKind.CREDENTIALS_REJECTED, "no secret " + name).build();
            return value.toCharArray();
        };
    }

    /** Short polls and verification pauses; no pacing unless a test asks for it. */
    public static RunnerSettings fastSettings() {
        return new RunnerSettings(4, Pacing.none(), Duration.ofMillis(100), Duration.ofSeconds(30), 3, Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    OffboardingRunner runner(RunnerSettings settings, Clock clock) {
        OffboardingRunner r = new OffboardingRunner(journal, providers, audit, OPERATOR, "ui", settings, clock, timer);
        closeables.add(r);
        return r;
    }

    OffboardingRunner runner() {
        return runner(fastSettings(), Clock.systemUTC());
    }

    OffboardingTarget find(String email, String... connectionIds) {
        return new TargetFinder(() -> connections, providers).find(email, Set.of(connectionIds));
    }

    /** Jane's CIPP offboarding job hiding her from the address list, alone: a plan of one step. */
    OffboardingPlan janesCippJob(String ticket) {
        return new PlanBuilder(Clock.systemUTC()).build(List.of(find(JANE, "cipp")), new OffboardingOptions(Map.of("cipp",
                ProviderOptions.none().withBundleOption(BundleOptions.HIDE_FROM_GAL, true)), List.of(), ticket));
    }

    /** Fails unless the audit trail's hash chain is intact. */
    void assertAuditChainIntact() {
        io.signoff.audit.ChainStatus status = auditStore.verify();
        if (!status.ok()) throw new AssertionError("audit chain broken: " + status);
    }

    CippSimulator cipp() {
        return (CippSimulator) sim.api(ProviderKind.CIPP);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        timer.shutdownNow();
        journal.close();
        auditStore.close();
        sim.close();
    }
}
