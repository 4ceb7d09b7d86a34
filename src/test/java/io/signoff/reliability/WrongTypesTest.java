package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.SecretSource;
import io.signoff.reliability.MutatingProxy.Mutation;
import io.signoff.reliability.Outcomes.Outcome;
import io.signoff.reliability.ProviderCalls.Op;
import io.signoff.reliability.ProviderCalls.Target;
import io.signoff.reliability.ProviderCalls.Urls;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulator's real answers, bent into wrong types by a proxy (a string where an object belongs, arrays where
 * strings belong, nulls everywhere, invalid UTF-8 inside every string), in front of every call of every client. A
 * client may fail or make the best of it, but only ever with a ProviderException: no NullPointerException,
 * ClassCastException, IllegalStateException or UnsupportedOperationException leaks out of a Gson accessor.
 */
class WrongTypesTest {
    private static final long MB = 1024 * 1024;
    private SimulatorServer sim;
    private MockWebServer proxyServer;
    private MutatingProxy proxy;
    private final List<Target> targets = new ArrayList<>();

    /** A fresh simulator for each mutation: the writes of one (SCIM's hard delete) must not hide paths from the next. */
    @BeforeEach
    void start() throws Exception {
        sim = Simulators.startDemo(0, 11);
        proxy = new MutatingProxy(HttpUrl.get(sim.rootUrl().toString()));
        proxyServer = new MockWebServer();
        proxyServer.setDispatcher(proxy);
        proxyServer.start();
        // The targets come from the simulator itself, through the clients, undisturbed.
        for (Provider p : providers(direct())) targets.add(realTarget(p));
    }

    @AfterEach
    void stop() throws Exception {
        proxyServer.shutdown();
        sim.close();
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void everyCallEndsInAResultOrAProviderException(Mutation mutation) throws Exception {
        proxy.mutation(mutation);
        List<Provider> bent = providers(throughProxy());
        List<List<Op>> perClient = new ArrayList<>();
        for (int i = 0; i < bent.size(); i++) perClient.add(ProviderCalls.operations(bent.get(i), targets.get(i)));
        assertEquals(33, perClient.stream().mapToInt(List::size).sum(), "every call of every client (12 CIPP, 9 Slack, 6 Cloudflare, 6 SCIM)");

        // Each client's calls in order (its reads before its writes), the four clients side by side.
        List<Outcome> outcomes = Outcomes.runGroups(perClient);

        Outcomes.assertClean(mutation.name(), outcomes, false, Duration.ofSeconds(10), 16 * MB, secrets());
        assertFalse(outcomes.stream().allMatch(o -> o.failure() == null), "bent answers are noticed somewhere:\n"
                + Outcomes.describe(outcomes));
    }

    private Urls direct() {
        return new Urls(sim.baseUrl(ProviderKind.CIPP).toString(), CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP)),
                sim.baseUrl(ProviderKind.SLACK).toString(), sim.baseUrl(ProviderKind.CLOUDFLARE).toString(),
                sim.baseUrl(ProviderKind.SCIM).toString());
    }

    private Urls throughProxy() {
        String root = proxyServer.url("/").toString().replaceAll("/$", "");
        return new Urls(root + "/cipp", root + "/cipp/login/{tenantId}/oauth2/v2.0/token", root + "/slack",
                root + "/cloudflare", root + "/scim");
    }

    private List<Provider> providers(Urls urls) {
        SimCredentials c = sim.credentials();
        SecretSource secrets = ProviderCalls.secrets(c.cippClientSecret(), c.slackToken(), c.cloudflareToken(), c.scimToken());
        // ProviderCalls' CIPP tenant and client ids are the simulator's demo ones.
        return ProviderCalls.providers(ProviderCalls.connections(urls, ProviderCalls.hostileOptions(),
                sim.seed().cloudflare().accountId()), secrets);
    }

    /** Jane Doe as the client itself finds her, in the tenant it finds her in, with one of her sessions. */
    private static Target realTarget(Provider p) throws Exception {
        Tenant tenant = null;
        DirectoryUser jane = null;
        for (Tenant t : p.listTenants()) {
            List<DirectoryUser> found = p.findUsers(t, "jane.doe@contoso.com");
            if (!found.isEmpty()) {
                tenant = t;
                jane = found.get(0);
                break;
            }
        }
        if (jane == null) throw new AssertionError(p.connection().kind() + " has no Jane Doe");
        List<Session> sessions = p.listSessions(jane).sessions();
        Session session = sessions.isEmpty()
                ? new Session(jane.connectionId(), jane.kind(), jane.tenantId(), jane.id(), "1000001", null, null, null,
                        null, null, List.of(), null, null, null, true)
                : sessions.get(0);
        return new Target(tenant, jane, session);
    }

    private Set<String> secrets() {
        SimCredentials c = sim.credentials();
        return Set.of(c.cippClientSecret(), c.slackToken(), c.cloudflareToken(), c.scimToken());
    }
}
