package io.signoff.provider.cloudflare;

import static io.signoff.provider.cloudflare.CloudflareTestSupport.connection;
import static io.signoff.provider.cloudflare.CloudflareTestSupport.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cloudflare.CloudflareSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the simulator over real HTTP on loopback. */
class CloudflareIntegrationTest {
    private static final String JANE = "jane.doe@contoso.com";
    private SimulatorServer sim;
    private CloudflareSimulator api;
    private String token;
    private String accountId;

    @BeforeEach
    void start() throws Exception {
        sim = Simulators.start(0, Seed.demo(11, Instant.parse("2026-11-01T09:00:00Z")), 11);
        api = (CloudflareSimulator) sim.api(ProviderKind.CLOUDFLARE);
        token = sim.credentials().cloudflareToken();
        accountId = sim.seed().cloudflare().accountId();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CloudflareProvider client(String withToken, int pageSize, RequestOptions options) {
        return CloudflareTestSupport.provider(connection(sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), accountId, pageSize,
                options), withToken, new Redactor());
    }

    private CloudflareProvider client() { return client(token, 0, fastOptions()); }

    @Test
    void findsJaneListsHerSessionsAndRevokesThemAll() throws Exception {
        CloudflareProvider cf = client();
        assertTrue(cf.testConnection().detail().contains("active"));
        Tenant account = cf.listTenants().get(0);
        assertEquals(accountId, account.id());

        List<DirectoryUser> found = cf.findUsers(account, JANE);
        assertEquals(1, found.size());
        DirectoryUser jane = found.get(0);
        assertEquals(jane, cf.getUser(account, jane.id()));
        assertEquals("3", jane.attributes().get("active_device_count"));

        SessionList before = cf.listSessions(jane);
        assertEquals(3, before.sessions().size(), "one session per device");
        for (Session s : before.sessions()) {
            assertFalse(s.apps().isEmpty());
            assertTrue(s.ip() != null && s.location() != null, "enriched from the identity: " + s);
            assertFalse(s.revocableAlone());
        }

        cf.revokeAllSessions(jane, new RevokeOptions(RevokeOptions.Scope.ALL, true, false));

        assertTrue(cf.listSessions(jane).sessions().isEmpty(), "revoke_user really ended the sessions");
        assertEquals("0", cf.getUser(account, jane.id()).attributes().get("active_device_count"), "devices=true removed the devices");
        assertEquals(1L, sim.calls().effectCounts().get("cloudflare:revoke:" + JANE));
    }

    @Test
    void revokeWithoutDevicesKeepsTheDevices() throws Exception {
        CloudflareProvider cf = client();
        DirectoryUser omar = cf.findUsers(cf.listTenants().get(0), "omar.haddad@contoso.com").get(0);
        cf.revokeAllSessions(omar, RevokeOptions.all());
        assertTrue(cf.listSessions(omar).sessions().isEmpty());
        assertEquals("2", cf.getUser(cf.listTenants().get(0), omar.id()).attributes().get("active_device_count"));
    }

    @Test
    void unknownPeopleAndIdsAreNotFound() throws Exception {
        CloudflareProvider cf = client();
        Tenant account = cf.listTenants().get(0);
        assertTrue(cf.findUsers(account, "nobody@contoso.com").isEmpty(), "not found is an empty list");
        assertTrue(cf.findUsers(account, "priya.raman@contoso.com").isEmpty(), "Priya has no Access account");
        ProviderException e = assertThrows(ProviderException.class,
                () -> cf.getUser(account, "00000000-0000-4000-8000-000000000000"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());

        CloudflareProvider wrongAccount = CloudflareTestSupport.provider(connection(sim.baseUrl(ProviderKind.CLOUDFLARE).toString(),
                "0123456789abcdef0123456789abcdef", 0, fastOptions()), token, new Redactor());
        ProviderException noAccount = assertThrows(ProviderException.class, () -> wrongAccount.findUsers(account, JANE));
        assertEquals(ErrorKind.NOT_FOUND, noAccount.kind());
        assertEquals("7003", noAccount.providerCode());
    }

    @Test
    void tokensAreJudgedByWhatTheyMayDo() throws Exception {
        ProviderException bad = assertThrows(ProviderException.class, () -> client("not-the-token", 0, fastOptions()).testConnection());
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, bad.kind());

        CloudflareProvider readOnly = client(api.readOnlyToken(), 0, fastOptions());
        DirectoryUser jane = readOnly.findUsers(readOnly.listTenants().get(0), JANE).get(0);
        ProviderException refused = assertThrows(ProviderException.class, () -> readOnly.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.PERMISSION_MISSING, refused.kind());
        assertTrue(refused.getMessage().contains(CloudflareProvider.REVOKE_PERMISSION), refused.getMessage());
        assertEquals(3, readOnly.listSessions(jane).sessions().size(), "nothing was revoked");
    }

    @Test
    void searchPagesThroughEveryAccessUser() throws Exception {
        CloudflareProvider cf = client(token, 4, fastOptions());
        List<DirectoryUser> all = cf.findUsers(cf.listTenants().get(0), "contoso.com");
        int expected = sim.seed().peopleIn(ProviderKind.CLOUDFLARE).size();
        assertTrue(expected > 8, "the seed should fill several pages, has " + expected);
        assertEquals(expected, all.size());
        assertEquals(expected, all.stream().map(DirectoryUser::id).distinct().count(), "no user twice");
        long pages = sim.calls().count(ProviderKind.CLOUDFLARE, "/access/users");
        assertEquals((expected + 3) / 4 + 1, pages, "every page once, then the empty page that ends the listing");
    }

    @Test
    void aRateLimitedCallIsRetriedAfterRetryAfter() throws Exception {
        sim.faults(ProviderKind.CLOUDFLARE).retryAfter(Duration.ofSeconds(1)).forceNext(Fault.RATE_LIMIT, 1);
        CloudflareProvider cf = client(token, 0, fastOptions().withMaxRetries(1));
        assertEquals(1, cf.findUsers(cf.listTenants().get(0), JANE).size());
        List<CallLog.Entry> calls = sim.calls().entries(ProviderKind.CLOUDFLARE);
        assertEquals(List.of(429, 200, 200), calls.stream().map(CallLog.Entry::status).toList());
        assertTrue(Duration.between(calls.get(0).at(), calls.get(1).at()).toMillis() >= 900, "waited for Retry-After");
    }

    @Test
    void aMalformedOrHtmlAnswerToAReadIsTransient() throws Exception {
        CloudflareProvider cf = client();
        Tenant account = cf.listTenants().get(0);
        sim.faults(ProviderKind.CLOUDFLARE).forceNext(Fault.MALFORMED_BODY, 1);
        ProviderException cut = assertThrows(ProviderException.class, () -> cf.findUsers(account, JANE));
        assertEquals(ErrorKind.TRANSIENT, cut.kind());
        assertEquals("malformed_json", cut.providerCode());

        sim.faults(ProviderKind.CLOUDFLARE).forceNext(Fault.HTML_ERROR_PAGE, 1);
        ProviderException html = assertThrows(ProviderException.class, () -> cf.findUsers(account, JANE));
        assertEquals(ErrorKind.TRANSIENT, html.kind());
        assertEquals(502, html.httpStatus());
    }

    @Test
    void aTimeoutOnTheRevokeIsAnUnknownOutcome() throws Exception {
        CloudflareProvider cf = client(token, 0, fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300),
                Duration.ofSeconds(5)));
        DirectoryUser jane = cf.findUsers(cf.listTenants().get(0), JANE).get(0);
        sim.faults(ProviderKind.CLOUDFLARE).timeoutHang(Duration.ofMillis(800)).forceNext(Fault.TIMEOUT, 1);

        ProviderException e = assertThrows(ProviderException.class, () -> cf.revokeAllSessions(jane, RevokeOptions.all()));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        // The simulator logs the hung call when it gives up on it; by then a resend would have arrived too.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.calls().count(ProviderKind.CLOUDFLARE, "/revoke_user") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling the simulator's log, not waiting for UI
        }
        assertEquals(1, sim.calls().count(ProviderKind.CLOUDFLARE, "/revoke_user"), "a write with an unknown outcome is never resent");
        assertEquals(3, cf.listSessions(jane).sessions().size(), "verify by reading: this time nothing happened");
    }

    @Test
    void theRatelimitHeaderSlowsTheClientBeforeAny429() throws Exception {
        api.budget(5, Duration.ofSeconds(1));
        CloudflareProvider cf = client();
        Tenant account = cf.listTenants().get(0);
        DirectoryUser jane = cf.findUsers(account, JANE).get(0);
        long started = System.nanoTime();
        for (int i = 0; i < 7; i++) {
            cf.getUser(account, jane.id());
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        List<Integer> statuses = sim.calls().entries(ProviderKind.CLOUDFLARE).stream().map(CallLog.Entry::status).toList();
        assertFalse(statuses.contains(429), "the client slowed down before the budget ran out: " + statuses);
        assertEquals(2 + 7, statuses.size(), "every call went out once (the search is a page and the empty page after it)");
        assertTrue(tookMs >= 1000, "9 calls at 5 per second wait for at least one window reset, took " + tookMs + " ms");
    }

    @Test
    void theSimulatorAnswers429WhenTheBudgetIsSpent() throws Exception {
        api.budget(2, Duration.ofSeconds(30));
        HttpClient raw = HttpClient.newHttpClient();
        HttpRequest verify = HttpRequest.newBuilder(URI.create(sim.baseUrl(ProviderKind.CLOUDFLARE) + "/user/tokens/verify"))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<String> first = raw.send(verify, HttpResponse.BodyHandlers.ofString());
        assertEquals("\"default\";r=1;t=30", first.headers().firstValue("Ratelimit").orElseThrow());
        assertEquals("\"default\";q=2;w=30", first.headers().firstValue("Ratelimit-Policy").orElseThrow());
        raw.send(verify, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> third = raw.send(verify, HttpResponse.BodyHandlers.ofString());
        assertEquals(429, third.statusCode());
        assertTrue(third.body().contains("971"), third.body());
        assertTrue(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }
}
