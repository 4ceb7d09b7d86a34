package io.signoff.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a simulator with the demo directory and every simulated provider API. */
public final class Simulators {
    private Simulators() { }

    public static SimulatorServer startDemo(int port, long seed) throws IOException {
        return start(port, Seed.demo(seed, Instant.now()), seed);
    }

    public static SimulatorServer start(int port, Seed directory, long seed) throws IOException {
        return SimulatorServer.start(port, directory, SimCredentials.demo(), seed, Simulators::standardApis);
    }

    /** Every provider API the simulator speaks. */
    static List<SimulatedApi> standardApis(SimulatorServer server) {
        List<SimulatedApi> apis = new ArrayList<>();
        // Each provider package adds its API here (cipp, slack, cloudflare, scim).
        apis.add(new io.signoff.simulator.slack.SlackSimulator(server.seed(), server.credentials()));
        apis.add(new io.signoff.simulator.cloudflare.CloudflareSimulator(server.seed(), server.credentials()));
        apis.add(new io.signoff.simulator.scim.ScimSimulator(server.seed(), server.credentials(), server.baseUrl(io.signoff.model.ProviderKind.SCIM)));
        return apis;
    }
}
