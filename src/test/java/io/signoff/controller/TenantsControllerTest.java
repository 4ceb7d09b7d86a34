package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.simulator.CallLog;
import io.signoff.testing.SimulatedConnections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantsControllerTest {
    private SimulatedConnections sim;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedConnections.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void listsTenantsOfEveryConnectionWithTheirRelationshipStatus() throws Exception {
        TenantsController tenants = new TenantsController(new ProviderPool(sim::connections, sim.providers(), sim.secrets()), sim.executor());
        List<TenantsSnapshot> seen = new CopyOnWriteArrayList<>();
        TenantsSnapshot done = tenants.load(seen::add).get(20, TimeUnit.SECONDS);
        assertTrue(seen.get(0).rows().stream().allMatch(r -> r.kind() == TenantRow.Kind.LOADING));
        assertTrue(done.finished());
        List<TenantRow> rows = done.rows();
        assertTrue(rows.stream().allMatch(TenantRow::isTenant), rows.toString());
        assertEquals(3, rows.stream().filter(r -> r.connection().kind() == ProviderKind.CIPP).count());
        assertEquals(2, rows.stream().filter(r -> r.connection().kind() == ProviderKind.SLACK).count());
        assertEquals(1, rows.stream().filter(r -> r.connection().kind() == ProviderKind.CLOUDFLARE).count());
        assertEquals(1, rows.stream().filter(r -> r.connection().kind() == ProviderKind.SCIM).count());
        TenantRow contoso = TenantsSnapshot.filter(rows, "contoso.onmicrosoft").get(0);
        assertEquals("Contoso Ltd", contoso.name());
        assertEquals("GDAP", contoso.status());
        assertEquals(List.of("Contoso Ltd"), TenantsSnapshot.filter(rows, "granularDelegated").stream().map(TenantRow::name).toList(),
                "the raw relationship value is searchable too");
        // The search reuses the list: asking again makes no call.
        int calls = sim.simulator().calls().entries().size();
        tenants.tenants(sim.connection(SimulatedConnections.SLACK)).get(5, TimeUnit.SECONDS);
        assertEquals(calls, sim.simulator().calls().entries().size());
    }

    @Test
    void aRejectedSecretAndAMissingClientBecomeRowsNotHoles() throws Exception {
        SecretSource real = sim.secrets();
        SecretSource wrongSlackToken = (id, name) -> id.equals(SimulatedConnections.SLACK) ? "xoxp-wrong".toCharArray() : real.secret(id, name);
        Providers standard = sim.providers();
        Providers withoutCloudflare = new Providers(Map.of(
                ProviderKind.CIPP, standard::create, ProviderKind.SLACK, standard::create, ProviderKind.SCIM, standard::create));
        TenantsController tenants = new TenantsController(new ProviderPool(sim::connections, withoutCloudflare, wrongSlackToken), sim.executor());
        TenantsSnapshot done = tenants.load(s -> { }).get(20, TimeUnit.SECONDS);
        ConnectionTenants slack = byId(done, SimulatedConnections.SLACK);
        assertEquals(LoadState.ERROR, slack.state());
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, slack.errorKind());
        assertEquals(LoadState.NOT_CONNECTED, byId(done, SimulatedConnections.CLOUDFLARE).state());
        List<TenantRow> problems = TenantsSnapshot.filter(done.rows(), "no tenant matches this").stream().toList();
        assertEquals(List.of(TenantRow.Kind.ERROR, TenantRow.Kind.NOT_CONNECTED), problems.stream().map(TenantRow::kind).toList(),
                "problem rows survive any filter");
        assertTrue(!problems.get(0).status().contains("xoxp-wrong"), "no secret in the message: " + problems.get(0).status());
    }

    @Test
    void aFailedListIsAskedAgainNextTime() throws Exception {
        boolean[] fail = {true};
        SecretSource real = sim.secrets();
        SecretSource flaky = (id, name) -> {
            if (fail[0] && id.equals(SimulatedConnections.SLACK)) {
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, "keychain locked").build();
            }
            return real.secret(id, name);
        };
        List<Connection> slackOnly = List.of(sim.connection(SimulatedConnections.SLACK));
        TenantsController tenants = new TenantsController(new ProviderPool(() -> slackOnly, sim.providers(), flaky), Runnable::run);
        assertEquals(LoadState.ERROR, tenants.load(s -> { }).get().connections().get(0).state());
        assertTrue(tenants.cachedTenants(slackOnly.get(0)).isEmpty());
        fail[0] = false;
        assertEquals(2, tenants.tenants(slackOnly.get(0)).get().size(), "asked again, and now it answers");
    }

    @Test
    void theListsFetchedAtStartAreTakenAsTheyAreAndARefreshAsksAgain() throws Exception {
        TenantsController tenants = new TenantsController(new ProviderPool(sim::connections, sim.providers(), sim.secrets()), sim.executor());
        tenants.prefetch();
        TenantsSnapshot first = tenants.loadReusing(s -> { }).get(20, TimeUnit.SECONDS);
        assertTrue(first.finished());
        assertEquals(7, first.tenantCount(), first.rows().toString());
        List<CallLog.Entry> atStart = sim.simulator().calls().entries();
        assertTrue(atStart.size() > 0);
        // One listing per connection, although both the prefetch and the first showing asked.
        for (ProviderKind kind : ProviderKind.values()) {
            List<String> paths = atStart.stream().filter(e -> e.provider() == kind).map(CallLog.Entry::path).toList();
            assertEquals(paths.size(), paths.stream().distinct().count(), kind + " was asked twice: " + paths);
        }

        TenantsSnapshot refreshed = tenants.load(s -> { }).get(20, TimeUnit.SECONDS);
        assertEquals(7, refreshed.tenantCount());
        assertTrue(sim.simulator().calls().entries().size() > atStart.size(), "Refresh asks the providers again");
    }

    private static ConnectionTenants byId(TenantsSnapshot s, String id) {
        return s.connections().stream().filter(c -> c.connection().id().equals(id)).findFirst().orElseThrow();
    }
}
