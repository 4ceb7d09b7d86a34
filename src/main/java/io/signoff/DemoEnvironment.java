package io.signoff;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The demo: the embedded simulator on 127.0.0.1 and one connection per provider pointing at it. The demo secrets
 * travel exactly like real ones (a session-only vault, the SecretSource, the Authorization header), so the demo
 * exercises the real code paths.
 */
final class DemoEnvironment implements AutoCloseable {
    static final long DEMO_SEED = 42;
    /** A person the demo has in all four providers, with sessions in each: what screenshots of the people views show. */
    static final String FEATURED_PERSON = "jane.doe@contoso.com";

    private final SimulatorServer simulator;

    private DemoEnvironment(SimulatorServer simulator) {
        this.simulator = simulator;
    }

    static DemoEnvironment start() throws IOException {
        return new DemoEnvironment(Simulators.startDemo(0, DEMO_SEED));
    }

    SimulatorServer simulator() { return simulator; }

    List<Connection> connections() {
        SimCredentials c = simulator.credentials();
        return List.of(
                new Connection("demo-cipp", ProviderKind.CIPP, "Demo MSP (CIPP)", simulator.baseUrl(ProviderKind.CIPP).toString(),
                        Map.of("tenantId", c.cippTenantId(), "clientId", c.cippClientId(),
                                "tokenUrl", simulator.baseUrl(ProviderKind.CIPP) + "/login/" + c.cippTenantId() + "/oauth2/v2.0/token"),
                        null),
                new Connection("demo-slack", ProviderKind.SLACK, "Contoso Grid (Slack)", simulator.baseUrl(ProviderKind.SLACK).toString(),
                        Map.of(), null),
                new Connection("demo-cloudflare", ProviderKind.CLOUDFLARE, "Contoso Zero Trust", simulator.baseUrl(ProviderKind.CLOUDFLARE).toString(),
                        Map.of("accountId", simulator.seed().cloudflare().accountId()), null),
                new Connection("demo-lucid", ProviderKind.SCIM, "Lucid", simulator.baseUrl(ProviderKind.SCIM).toString(),
                        Map.of("label", "Lucid"), null));
    }

    /** Secret name -> value for each demo connection. */
    Map<String, Map<String, String>> secrets() {
        SimCredentials c = simulator.credentials();
        return Map.of(
                "demo-cipp", Map.of("client-secret", c.cippClientSecret()),
                "demo-slack", Map.of("token", c.slackToken()),
                "demo-cloudflare", Map.of("api-token", c.cloudflareToken()),
                "demo-lucid", Map.of("bearer-token", c.scimToken()));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
