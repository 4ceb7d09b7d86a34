package io.signoff.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ProviderKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {

    @Test
    void bindsToLoopbackAndServesHealth() throws Exception {
        try (SimulatorServer sim = Simulators.start(0, Seed.demo(7, Instant.now()), 7)) {
            assertEquals("127.0.0.1", sim.rootUrl().getHost());
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/_sim/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            HttpResponse<String> missing = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/nope/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
        }
    }

    @Test
    void demoSeedHasOverlappingPeopleAcrossProviders() {
        Seed seed = Seed.demo(42, Instant.parse("2026-11-01T00:00:00Z"));
        assertTrue(seed.tenants().size() >= 3);
        for (Seed.Tenant t : seed.tenants()) {
            long users = seed.people().stream().filter(p -> t.defaultDomainName().equals(p.tenantDomain())).count();
            assertTrue(users >= 40, t.displayName() + " has only " + users + " users");
        }
        List<Seed.Person> everywhere = seed.people().stream()
                .filter(p -> p.in(ProviderKind.CIPP) && p.in(ProviderKind.SLACK) && p.in(ProviderKind.CLOUDFLARE) && p.in(ProviderKind.SCIM))
                .toList();
        assertTrue(everywhere.size() >= 2, "people present in all four providers: " + everywhere.size());
        assertEquals(2, seed.slack().workspaces().size());
        // Same seed, same directory.
        assertEquals(seed.people(), Seed.demo(42, Instant.parse("2026-11-01T00:00:00Z")).people());
    }
}
