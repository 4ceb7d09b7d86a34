package io.signoff.controller;

import io.signoff.provider.Providers;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.SimulatorServer;

/** The providers tests use against the simulator: the real clients, over real HTTP on loopback. */
public final class TestProviders {
    private TestProviders() { }

    public static Providers forSimulator(SimulatorServer sim) {
        return Providers.standard(new HttpClients("signoff-test"), new Redactor());
    }
}
