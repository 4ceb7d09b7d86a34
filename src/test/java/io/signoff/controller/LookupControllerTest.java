package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import io.signoff.simulator.Fault;
import io.signoff.testing.QueuedExecutor;
import io.signoff.testing.SimulatedConnections;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The person search against the simulator over real HTTP, with the real provider clients. */
class LookupControllerTest {
    private SimulatedConnections sim;
    private TenantsController tenants;
    private LookupController lookup;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedConnections.start();
        tenants = new TenantsController(new ProviderPool(sim::connections, sim.providers(), sim.secrets()), sim.executor());
        lookup = new LookupController(tenants, sim.executor());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void findsJaneInAllFourProvidersAsOnePerson() throws Exception {
        List<LookupSnapshot> seen = new CopyOnWriteArrayList<>();
        LookupSnapshot done = lookup.search(SearchQuery.parse("Jane.Doe@contoso.com"), LookupScope.everywhere(), seen::add)
                .done().get(20, TimeUnit.SECONDS);

        assertTrue(seen.get(0).connections().stream().allMatch(c -> c.state() == SearchState.SEARCHING),
                "the first snapshot shows every connection searching");
        for (ConnectionSearch c : done.connections()) {
            assertEquals(SearchState.FOUND, c.state(), c.connection().id() + ": " + c.summary());
        }
        assertEquals(1, done.people().size());
        Person jane = done.people().get(0);
        assertEquals("jane.doe@contoso.com", jane.email());
        assertEquals("Jane Doe", jane.displayName());
        assertEquals(EnumSet.allOf(ProviderKind.class), jane.kinds());
        assertEquals(4, jane.accounts().size(), "one account per provider, even though Slack was searched per workspace");
        assertTrue(done.notFound().isEmpty());
        assertTrue(done.finished());
    }

    @Test
    void aPastedListFindsEachPersonAndNamesTheAddressesFoundNowhere() throws Exception {
        SearchQuery query = SearchQuery.parse("jane.doe@contoso.com\nomar.haddad@contoso.com; nobody.here@contoso.com, not-an-email");
        assertEquals(List.of("not-an-email"), query.invalid());
        LookupSnapshot done = lookup.search(query, LookupScope.everywhere(), s -> { }).done().get(20, TimeUnit.SECONDS);
        assertEquals(Set.of("jane.doe@contoso.com", "omar.haddad@contoso.com"),
                done.people().stream().map(Person::email).collect(Collectors.toSet()));
        assertEquals(List.of("nobody.here@contoso.com"), done.notFound());
        Person omar = done.people().stream().filter(p -> p.email().startsWith("omar")).findFirst().orElseThrow();
        assertTrue(omar.privileged(), "Omar is an admin");
    }

    @Test
    void anAliasIsFollowedUpByThePrimaryAddressInTheProvidersThatDoNotKnowIt() throws Exception {
        LookupSnapshot done = lookup.search(SearchQuery.parse("jdoe@contoso.com"), LookupScope.everywhere(), s -> { })
                .done().get(20, TimeUnit.SECONDS);
        assertEquals(1, done.people().size());
        Person jane = done.people().get(0);
        assertEquals("jane.doe@contoso.com", jane.email(), "named by the primary address, not the alias");
        assertEquals(EnumSet.allOf(ProviderKind.class), jane.kinds(), "Slack and Cloudflare found through the primary address");
        assertTrue(done.notFound().isEmpty());
        assertTrue(done.connections().stream().allMatch(c -> c.state() == SearchState.FOUND), done.connections().toString());
    }

    @Test
    void fastProvidersAnswerWhileTheSlowOneSearchesAndAFailingOneSaysWhy() throws Exception {
        sim.simulator().faults(ProviderKind.SLACK).latency(Duration.ofMillis(1500));
        sim.simulator().faults(ProviderKind.CLOUDFLARE).enabledFaults(EnumSet.of(Fault.SERVER_ERROR)).faultRate(1.0);
        List<LookupSnapshot> seen = new CopyOnWriteArrayList<>();
        LookupSnapshot done = lookup.search(SearchQuery.parse("jane.doe@contoso.com"), LookupScope.everywhere(), seen::add)
                .done().get(30, TimeUnit.SECONDS);

        LookupSnapshot partial = seen.stream()
                .filter(s -> state(s, SimulatedConnections.LUCID) == SearchState.FOUND
                        && state(s, SimulatedConnections.SLACK) == SearchState.SEARCHING)
                .findFirst().orElse(null);
        assertNotNull(partial, "a snapshot shows Lucid's answer while Slack is still searching");
        assertFalse(partial.people().isEmpty(), "and the person is already listed then");

        ConnectionSearch slack = done.connection(SimulatedConnections.SLACK).orElseThrow();
        ConnectionSearch lucid = done.connection(SimulatedConnections.LUCID).orElseThrow();
        ConnectionSearch cloudflare = done.connection(SimulatedConnections.CLOUDFLARE).orElseThrow();
        assertEquals(SearchState.FOUND, slack.state());
        assertTrue(lucid.elapsed().compareTo(slack.elapsed()) < 0, "Lucid " + lucid.elapsed() + " vs Slack " + slack.elapsed());
        assertTrue(slack.elapsed().toMillis() >= 1500);
        assertEquals(SearchState.ERROR, cloudflare.state());
        assertEquals(ErrorKind.TRANSIENT, cloudflare.errorKind());
        assertFalse(cloudflare.reason().isBlank());
        assertEquals(3, done.people().get(0).accounts().size(), "every account but the failing provider's");
    }

    @Test
    void cancellingBeforeTheCallsAreSentSendsNothing() {
        QueuedExecutor queued = new QueuedExecutor();
        LookupController held = new LookupController(tenants, queued);
        List<LookupSnapshot> seen = new CopyOnWriteArrayList<>();
        LookupRun run = held.search(SearchQuery.parse("jane.doe@contoso.com"), LookupScope.everywhere(), seen::add);
        assertTrue(queued.pending() > 0);
        run.cancel();
        queued.runAll();
        assertTrue(run.done().isDone());
        LookupSnapshot last = run.done().join();
        assertTrue(last.cancelled());
        assertTrue(last.connections().stream().allMatch(c -> c.state() == SearchState.CANCELLED));
        assertEquals(0, sim.simulator().calls().entries().size(), "no request reached any provider");
    }

    @Test
    void selectedTenantsLimitTheSearchAndOtherConnectionsAreNotCalled() throws Exception {
        List<Tenant> workspaces = tenants.tenants(sim.connection(SimulatedConnections.SLACK)).get(10, TimeUnit.SECONDS);
        Tenant hq = workspaces.stream().filter(t -> t.displayName().equals("Contoso HQ")).findFirst().orElseThrow();
        sim.simulator().calls().clear();
        LookupSnapshot done = lookup.search(SearchQuery.parse("jane.doe@contoso.com"), new LookupScope(Set.of(hq)), s -> { })
                .done().get(20, TimeUnit.SECONDS);
        assertEquals(SearchState.FOUND, state(done, SimulatedConnections.SLACK));
        for (String other : List.of(SimulatedConnections.CIPP, SimulatedConnections.CLOUDFLARE, SimulatedConnections.LUCID)) {
            assertEquals(SearchState.OUT_OF_SCOPE, state(done, other));
        }
        assertTrue(sim.simulator().calls().entries().stream().allMatch(e -> e.provider() == ProviderKind.SLACK));
    }

    private static SearchState state(LookupSnapshot s, String connectionId) {
        return s.connection(connectionId).orElseThrow().state();
    }
}
