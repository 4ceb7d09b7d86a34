package io.signoff.testing;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The simulator on loopback with one connection per provider, the real provider clients and a secret source holding
 * the simulator's demo credentials: what the controller and view tests run against.
 */
public final class SimulatedConnections implements AutoCloseable {
    public static final String CIPP = "sim-cipp";
    public static final String SLACK = "sim-slack";
    public static final String CLOUDFLARE = "sim-cloudflare";
    public static final String LUCID = "sim-lucid";

    private final SimulatorServer simulator;
    private final List<Connection> connections;
    private final Providers providers;
    private final ExecutorService executor;

    private SimulatedConnections(SimulatorServer simulator, UnaryOperator<Connection> adjust) {
        this.simulator = simulator;
        SimCredentials c = simulator.credentials();
        String cippBase = simulator.baseUrl(ProviderKind.CIPP).toString();
        this.connections = Stream.of(
                new Connection(CIPP, ProviderKind.CIPP, "Demo MSP", cippBase,
                        Map.of("tenantId", c.cippTenantId(), "clientId", c.cippClientId(),
                                "tokenUrl", cippBase + "/login/" + c.cippTenantId() + "/oauth2/v2.0/token"), null),
                new Connection(SLACK, ProviderKind.SLACK, "Contoso Grid", simulator.baseUrl(ProviderKind.SLACK).toString(), Map.of(), null),
                new Connection(CLOUDFLARE, ProviderKind.CLOUDFLARE, "Contoso Zero Trust",
                        simulator.baseUrl(ProviderKind.CLOUDFLARE).toString(),
                        Map.of("accountId", simulator.seed().cloudflare().accountId()), null),
                new Connection(LUCID, ProviderKind.SCIM, "Lucid", simulator.baseUrl(ProviderKind.SCIM).toString(),
                        Map.of("label", "Lucid"), null)).map(adjust).toList();
        this.providers = Providers.standard(new HttpClients("signoff-test"), new Redactor());
        this.executor = Executors.newCachedThreadPool(daemon());
    }

    public static SimulatedConnections start() throws IOException {
        return start(UnaryOperator.identity());
    }

    /** With each connection passed through {@code adjust} (settings, request options) first. */
    public static SimulatedConnections start(UnaryOperator<Connection> adjust) throws IOException {
        return new SimulatedConnections(Simulators.start(0, Seed.demo(42, Instant.now()), 42), adjust);
    }

    public SimulatorServer simulator() { return simulator; }

    public List<Connection> connections() { return connections; }

    public Connection connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    public Providers providers() { return providers; }

    /** A pool of daemon threads for provider calls, shut down on close. */
    public ExecutorService executor() { return executor; }

    /** The simulator's demo credentials, under the secret names each client asks for. */
    public SecretSource secrets() {
        SimCredentials c = simulator.credentials();
        Map<String, String> byConnection = Map.of(CIPP, c.cippClientSecret(), SLACK, c.slackToken(),
                CLOUDFLARE, c.cloudflareToken(), LUCID, c.scimToken());
        return (connectionId, secretName) -> {
            String value = byConnection.get(connectionId);
            if (value == null || secretName.equals("proxy-password")) {
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, "No secret " + secretName + " for " + connectionId).build();
            }
            return value.toCharArray();
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        simulator.close();
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "test-provider-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
