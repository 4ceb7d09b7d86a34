package io.signoff.controller;

import io.signoff.model.ProviderKind;
import io.signoff.provider.Providers;
import io.signoff.provider.SimHealthProviders;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.vault.SecretNames;
import java.util.Map;

/**
 * THE one place tests get their provider clients from. Until the real clients are merged this returns the
 * test-only {@link SimHealthProviders}; afterwards it becomes
 * {@code Providers.standard(new HttpClients("Signoff-test"), new Redactor())} (the simulator in {@code sim} speaks
 * the real APIs), and the UI and controller tests then test against the real clients unchanged.
 */
public final class TestProviders {
    private TestProviders() { }

    public static Providers forSimulator(SimulatorServer sim) {
        SimCredentials c = sim.credentials();
        return SimHealthProviders.create(Map.of(
                ProviderKind.CIPP, new SimHealthProviders.Accepted(SecretNames.CIPP_CLIENT_SECRET, c.cippClientSecret()),
                ProviderKind.SLACK, new SimHealthProviders.Accepted(SecretNames.SLACK_TOKEN, c.slackToken()),
                ProviderKind.CLOUDFLARE, new SimHealthProviders.Accepted(SecretNames.CLOUDFLARE_API_TOKEN, c.cloudflareToken()),
                ProviderKind.SCIM, new SimHealthProviders.Accepted(SecretNames.SCIM_BEARER_TOKEN, c.scimToken())));
    }
}
