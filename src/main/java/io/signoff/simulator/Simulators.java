package io.signoff.simulator;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.simulator.cloudflare.CloudflareSimulator;
import io.signoff.simulator.scim.ScimSimulator;
import io.signoff.simulator.slack.SlackSimulator;
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
        apis.add(new CippSimulator(server.seed(), server.credentials(), server.calls()));
        apis.add(new SlackSimulator(server.seed(), server.credentials()));
        apis.add(new CloudflareSimulator(server.seed(), server.credentials()));
        apis.add(new ScimSimulator(server.seed(), server.credentials(), server.baseUrl(ProviderKind.SCIM)));
        return apis;
    }
}
