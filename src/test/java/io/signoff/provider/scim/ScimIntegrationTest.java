package io.signoff.provider.scim;

import static io.signoff.provider.scim.ScimTestSupport.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.scim.ScimSimulator;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the Lucid-like simulator over real HTTP on loopback. */
class ScimIntegrationTest {
    private static final String JANE = "jane.doe@contoso.com";
    /** A list address given to several users so that one filter matches more than a page. */
    private static final String TEAM = "team@contoso.com";
    private static final int TEAM_SIZE = 7;
    private SimulatorServer sim;
    private ScimSimulator api;

    @BeforeEach
    void start() throws Exception {
        sim = Simulators.start(0, seedWithTeamAddress(), 5);
        api = (ScimSimulator) sim.api(ProviderKind.SCIM);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private ScimProvider client(String token, int pageSize, RequestOptions options) {
        return ScimTestSupport.provider(ScimTestSupport.connection(sim.baseUrl(ProviderKind.SCIM).toString(), "Lucid", pageSize,
                options), token, new Redactor());
    }

    private ScimProvider client() { return client(sim.credentials().scimToken(), 0, fastOptions()); }

    @Test
    void findsJaneByEmailOrAliasAndReadsHerById() throws Exception {
        ScimProvider lucid = client();
        assertTrue(lucid.testConnection().detail().contains("active users"));
        Tenant app = lucid.listTenants().get(0);
        List<DirectoryUser> found = lucid.findUsers(app, JANE);
        assertEquals(1, found.size());
        DirectoryUser jane = found.get(0);
        assertEquals("lucid-0001", jane.id());
        assertEquals(AccountStatus.ENABLED, jane.status());
        assertEquals(jane, lucid.getUser(app, jane.id()));
        assertEquals(List.of("lucid-0001"), lucid.findUsers(app, "JDOE@contoso.com").stream().map(DirectoryUser::id).toList(),
                "an alias is found through the email filter, case-insensitively");
    }

    @Test
    void aDeactivatedUserLeavesTheSearchButStaysReadableById() throws Exception {
        ScimProvider lucid = client();
        Tenant app = lucid.listTenants().get(0);
        DirectoryUser jane = lucid.findUsers(app, JANE).get(0);

        lucid.deactivate(jane);

        assertTrue(lucid.findUsers(app, JANE).isEmpty(), "deactivated users are left out of lists");
        assertEquals(AccountStatus.DEACTIVATED, lucid.getUser(app, jane.id()).status());
        assertEquals(1L, sim.calls().effectCounts().get("scim:deactivate:lucid-0001"));
    }

    @Test
    void hardDeleteRemovesTheUserButNotTheAccountOwner() throws Exception {
        ScimProvider lucid = client();
        Tenant app = lucid.listTenants().get(0);
        DirectoryUser omar = lucid.findUsers(app, "omar.haddad@contoso.com").get(0);
        lucid.hardDelete(omar);
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> lucid.getUser(app, omar.id())).kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> lucid.hardDelete(omar)).kind());
        assertEquals(1L, sim.calls().effectCounts().get("scim:delete:" + omar.id()));

        DirectoryUser priya = lucid.findUsers(app, "priya.raman@contoso.com").get(0);
        ProviderException owner = assertThrows(ProviderException.class, () -> lucid.hardDelete(priya));
        assertEquals(ErrorKind.INVALID_INPUT, owner.kind());
        assertTrue(owner.getMessage().contains("owns the account"), owner.getMessage());
        assertEquals(AccountStatus.ENABLED, lucid.getUser(app, priya.id()).status());
    }

    @Test
    void unknownPeopleAndABadTokenAreTold() throws Exception {
        ScimProvider lucid = client();
        Tenant app = lucid.listTenants().get(0);
        assertTrue(lucid.findUsers(app, "nobody@contoso.com").isEmpty());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> lucid.getUser(app, "lucid-9999")).kind());
        ProviderException bad = assertThrows(ProviderException.class,
                () -> client("wrong-token", 0, fastOptions()).findUsers(app, JANE));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, bad.kind());
    }

    @Test
    void aFilterMatchingSeveralPagesIsReadToTheEnd() throws Exception {
        ScimProvider lucid = client(sim.credentials().scimToken(), 3, fastOptions());
        List<DirectoryUser> team = lucid.findUsers(lucid.listTenants().get(0), TEAM);
        assertEquals(TEAM_SIZE, team.size());
        assertEquals(TEAM_SIZE, team.stream().map(DirectoryUser::id).distinct().count());
        // userName eq finds nobody, then the email filter returns 7 users in pages of 3.
        assertEquals(1 + 3, sim.calls().count(ProviderKind.SCIM, "/Users"));
    }

    @Test
    void aUserNameThatTriesFilterInjectionFindsNothing() throws Exception {
        ScimProvider lucid = client();
        String hostile = "\" or userName pr or \"";
        assertTrue(lucid.findUsers(lucid.listTenants().get(0), hostile).isEmpty());
        assertEquals(List.of("userName eq \"\\\" or userName pr or \\\"\""), api.receivedFilters());
    }

    @Test
    void theSimulatorTakesLucidsUnquotedFilterAndRefusesOtherOperators() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<String> unquoted = raw.send(users("email eq " + JANE), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unquoted.statusCode());
        assertTrue(unquoted.body().contains("\"totalResults\":1"), unquoted.body());
        HttpResponse<String> injected = raw.send(users("userName eq \"\" or userName pr"), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, injected.statusCode());
        assertTrue(injected.body().contains("invalidFilter"), injected.body());
        assertTrue(injected.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"));
    }

    @Test
    void aRateLimitedCallIsRetriedAfterRetryAfter() throws Exception {
        sim.faults(ProviderKind.SCIM).retryAfter(Duration.ofSeconds(1)).forceNext(Fault.RATE_LIMIT, 1);
        ScimProvider lucid = client(sim.credentials().scimToken(), 0, fastOptions().withMaxRetries(1));
        assertEquals(1, lucid.findUsers(lucid.listTenants().get(0), JANE).size());
        assertEquals(List.of(429, 200), sim.calls().entries(ProviderKind.SCIM).stream().map(CallLog.Entry::status).toList());
    }

    @Test
    void aMalformedAnswerToAReadIsTransient() {
        ScimProvider lucid = client();
        sim.faults(ProviderKind.SCIM).forceNext(Fault.MALFORMED_BODY, 1);
        ProviderException e = assertThrows(ProviderException.class, () -> lucid.getUser(lucid.listTenants().get(0), "lucid-0001"));
        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("malformed_json", e.providerCode());
    }

    @Test
    void aTimeoutOnTheDeactivationIsAnUnknownOutcome() throws Exception {
        ScimProvider lucid = client(sim.credentials().scimToken(), 0,
                fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5)));
        Tenant app = lucid.listTenants().get(0);
        DirectoryUser jane = lucid.findUsers(app, JANE).get(0);
        sim.faults(ProviderKind.SCIM).timeoutHang(Duration.ofMillis(800)).forceNext(Fault.TIMEOUT, 1);

        ProviderException e = assertThrows(ProviderException.class, () -> lucid.deactivate(jane));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals(AccountStatus.ENABLED, lucid.getUser(app, jane.id()).status(), "verify by reading: nothing happened this time");
    }

    @Test
    void sloppyServerAnswersAreReadToo() throws Exception {
        api.quirks(true);
        ScimProvider lucid = client(sim.credentials().scimToken(), 3, fastOptions());
        Tenant app = lucid.listTenants().get(0);
        assertEquals(TEAM_SIZE, lucid.findUsers(app, TEAM).size(), "paging without itemsPerPage");
        DirectoryUser jane = lucid.findUsers(app, JANE).get(0);
        lucid.deactivate(jane);
        assertEquals(AccountStatus.DEACTIVATED, lucid.getUser(app, jane.id()).status(), "\"active\":\"False\"");
    }

    private HttpRequest users(String filter) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl(ProviderKind.SCIM) + "/Users?filter="
                        + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Authorization", "Bearer " + sim.credentials().scimToken()).build();
    }

    /** The demo directory, with the team address added to the first Lucid users who are not featured. */
    private static Seed seedWithTeamAddress() {
        Seed demo = Seed.demo(5, Instant.parse("2026-11-01T09:00:00Z"));
        List<Seed.Person> people = new ArrayList<>();
        int given = 0;
        for (Seed.Person p : demo.people()) {
            if (p.in(ProviderKind.SCIM) && p.aliases().isEmpty() && !p.owner() && given < TEAM_SIZE) {
                given++;
                p = new Seed.Person(p.key(), p.givenName(), p.familyName(), p.email(), List.of(TEAM), p.title(), p.tenantDomain(),
                        p.providers(), p.slackWorkspaces(), p.admin(), p.owner(), p.primaryOwner(), p.bot(), p.disabled(),
                        p.devices(), p.lastActivity());
            }
            people.add(p);
        }
        return new Seed(demo.tenants(), demo.slack(), demo.cloudflare(), demo.lucid(), people, demo.now());
    }
}
