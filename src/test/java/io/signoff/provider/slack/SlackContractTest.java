package io.signoff.provider.slack;

import static io.signoff.provider.slack.SlackTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.ActionResult;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Replays recorded answers in the shapes slack.md documents and checks what the client sends and concludes. */
class SlackContractTest {
    private static final String TOKEN = "xoxp-1111-2222-contract-token";
    private static final Tenant HQ = new Tenant(SlackTestSupport.CONNECTION_ID, ProviderKind.SLACK, "T01HQCONTO", "Contoso HQ", "", "");

    private MockWebServer server;
    private SlackProvider slack;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        slack = provider(SlackLimits.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private SlackProvider provider(SlackLimits limits) {
        return SlackTestSupport.provider(server.url("/api").toString(), TOKEN, SlackTestSupport.fastOptions(), limits);
    }

    private void answer(String fixtureName) {
        server.enqueue(json(200, fixture(fixtureName)));
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setHeader("x-slack-req-id", "req-" + Math.abs(body.hashCode())).setBody(body);
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no request arrived");
        return r;
    }

    @Test
    void authTestSendsTheBearerTokenAndReportsIdentityAndScopes() throws Exception {
        server.enqueue(json(200, fixture("auth_test.json")).setHeader("x-oauth-scopes", "admin.users:read,admin.users:write,users:read.email"));
        ConnectionCheck check = slack.testConnection();
        assertEquals("it-helpdesk (W012A3CDE) in Contoso Grid", check.identity());
        assertEquals(List.of("admin.users:read", "admin.users:write", "users:read.email"), check.permissions());
        assertTrue(check.detail().contains("E0CONTOSO1"), check.detail());
        RecordedRequest r = next();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/auth.test", r.getPath());
        assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        assertFalse(r.getBody().readUtf8().contains(TOKEN), "the token travels in the header only");
    }

    @Test
    void workspacesArePagedWithTheCursor() throws Exception {
        answer("teams_list_page1.json");
        answer("teams_list_page2.json");
        List<Tenant> tenants = slack.listTenants();
        assertEquals(List.of("T01HQCONTO", "T02ENGCONT", "T03SALES01"), tenants.stream().map(Tenant::id).toList());
        assertEquals("contoso-eng.slack.com", tenants.get(1).domain());
        assertEquals("Contoso Sales", tenants.get(2).displayName());
        assertEquals("limit=100", next().getBody().readUtf8());
        assertEquals("limit=100&cursor=dGVhbTpUMDNTQUxFUw%3D%3D", next().getBody().readUtf8());
    }

    @Test
    void lookupByEmailReadsTheGridUserWithItsWorkspaces() throws Exception {
        answer("lookup_by_email_grid.json");
        List<DirectoryUser> found = slack.findUsers(HQ, "jane.doe@contoso.com");
        assertEquals(1, found.size());
        DirectoryUser jane = found.get(0);
        assertEquals("W012JANE1", jane.id());
        assertEquals("jane.doe@contoso.com", jane.email());
        assertEquals("Jane Doe", jane.displayName());
        assertEquals(List.of("T01HQCONTO", "T02ENGCONT"), jane.workspaces());
        assertEquals(AccountStatus.ENABLED, jane.status());
        RecordedRequest r = next();
        assertEquals("/api/users.lookupByEmail", r.getPath());
        assertEquals("email=jane.doe%40contoso.com", r.getBody().readUtf8());
        assertEquals(1, server.getRequestCount(), "a Grid answer needs no second call");
    }

    @Test
    void lookupWithoutEnterpriseTeamsFindsTheWorkspacesInTheAdminList() throws Exception {
        answer("lookup_by_email_plain.json");
        answer("users_list_page1.json");
        answer("users_list_page2.json");
        List<DirectoryUser> found = slack.findUsers(HQ, "jane.doe@contoso.com");
        assertEquals(List.of("T01HQCONTO", "T02ENGCONT"), found.get(0).workspaces());
        next();
        assertEquals("team_id=T01HQCONTO&limit=100", next().getBody().readUtf8());
        assertEquals(3, server.getRequestCount(), "the scan stops on the page that holds the user");
    }

    @Test
    void restrictedLookupFallsBackToPagingTheAdminList() throws Exception {
        answer("missing_scope_lookup.json");
        answer("users_list_page1.json");
        answer("users_list_page2.json");
        answer("users_list_page3.json");
        List<DirectoryUser> found = slack.findUsers(HQ, "ANA.SOUZA@contoso.com");
        assertEquals(1, found.size());
        assertEquals("W077ANAS1", found.get(0).id());
        assertEquals(List.of("T02ENGCONT"), found.get(0).workspaces());
        assertEquals("/api/users.lookupByEmail", next().getPath());
        assertEquals("/api/admin.users.list", next().getPath());
        assertTrue(next().getBody().readUtf8().contains("cursor=dXNlcjpVMDRCRU5YMDI%3D"));
        assertTrue(next().getBody().readUtf8().contains("cursor=dXNlcjpXMDk5T0xEWDE%3D"));
    }

    @Test
    void nameSearchPagesThroughTheAdminListAndMapsDeactivatedUsers() throws Exception {
        answer("users_list_page1.json");
        answer("users_list_page2.json");
        answer("users_list_page3.json");
        List<DirectoryUser> found = slack.findUsers(HQ, "a");
        assertEquals(5, found.size());
        DirectoryUser hana = found.stream().filter(u -> u.id().equals("W099OLDX1")).findFirst().orElseThrow();
        assertEquals(AccountStatus.DEACTIVATED, hana.status());
        assertEquals(Instant.ofEpochSecond(1749990000), hana.lastActivity());
        assertEquals("2025-06-15T15:06:40Z", hana.attributes().get("deactivated_ts"));
        DirectoryUser ben = found.stream().filter(u -> u.id().equals("U04BENX02")).findFirst().orElseThrow();
        assertTrue(ben.admin());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void sessionsAreListedPerWorkspaceWithBothIdsAndEveryPage() throws Exception {
        answer("session_list_page1.json");
        answer("session_list_page2.json");
        answer("no_active_sessions.json");
        DirectoryUser jane = SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of("T01HQCONTO", "T02ENGCONT"));
        SessionList list = slack.listSessions(jane);
        assertEquals(List.of("8912345601", "8912345602", "8912345677"), list.sessions().stream().map(Session::id).toList());
        Session mac = list.sessions().get(0);
        assertEquals("MacBook Pro", mac.device());
        assertEquals("macOS 15.1", mac.os());
        assertEquals("4.41.105", mac.client());
        assertEquals("198.51.100.7", mac.ip(), "the recent address wins over the sign-in address");
        assertTrue(mac.revocableAlone());
        assertEquals("203.0.113.25", list.sessions().get(1).ip());
        assertTrue(list.residualExposure().startsWith("None once invalidated"));
        assertEquals("user_id=W012JANE1&team_id=T01HQCONTO&limit=1000", next().getBody().readUtf8());
        assertEquals("user_id=W012JANE1&team_id=T01HQCONTO&limit=1000&cursor=c2Vzc2lvbjo4OTEyMzQ1NjAy", next().getBody().readUtf8());
        assertEquals("user_id=W012JANE1&team_id=T02ENGCONT&limit=1000", next().getBody().readUtf8());
    }

    @Test
    void invalidateSendsTheIntegerSessionIdWithUserAndTeam() throws Exception {
        answer("ok.json");
        DirectoryUser jane = SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of("T01HQCONTO"));
        Session session = new Session(SlackTestSupport.CONNECTION_ID, ProviderKind.SLACK, "T01HQCONTO", "W012JANE1",
                "8912345601", null, null, null, null, null, List.of(), null, null, null, true);
        ActionResult result = slack.revokeSession(jane, session);
        assertFalse(result.pending());
        assertTrue(result.requestId().startsWith("req-"));
        RecordedRequest r = next();
        assertEquals("/api/admin.users.session.invalidate", r.getPath());
        assertEquals("session_id=8912345601&user_id=W012JANE1&team_id=T01HQCONTO", r.getBody().readUtf8());
    }

    @Test
    void resetPassesTheScopeAndSurfacesWarnings() throws Exception {
        answer("ok_with_warning.json");
        answer("ok.json");
        DirectoryUser jane = SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of("T01HQCONTO"));
        ActionResult web = slack.revokeAllSessions(jane, new RevokeOptions(RevokeOptions.Scope.WEB_ONLY, false, false));
        assertTrue(web.message().contains("superfluous_charset"), web.message());
        slack.revokeAllSessions(jane, new RevokeOptions(RevokeOptions.Scope.MOBILE_ONLY, false, false));
        assertEquals("user_id=W012JANE1&web_only=true", next().getBody().readUtf8());
        assertEquals("user_id=W012JANE1&mobile_only=true", next().getBody().readUtf8());
    }

    @Test
    void missingScopeNamesTheNeededScope() {
        answer("missing_scope_write.json");
        ProviderException e = assertThrows(ProviderException.class,
                () -> slack.deactivate(SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of())));
        assertEquals(ErrorKind.PERMISSION_MISSING, e.kind());
        assertEquals("missing_scope", e.providerCode());
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("admin.users:write"), e.getMessage());
        assertTrue(e.getMessage().contains("admin.users:read,users:read.email"), e.getMessage());
    }

    @Test
    void primaryOwnerRefusalKeepsSlacksReason() {
        answer("cannot_reset_primary_owner.json");
        ProviderException e = assertThrows(ProviderException.class, () -> slack.revokeAllSessions(
                SlackTestSupport.user("W0PRIMARY1", "priya.raman@contoso.com", List.of()), RevokeOptions.all()));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals("cannot_reset_primary_owner", e.providerCode());
        assertTrue(e.getMessage().contains("only the org's primary owner"), e.getMessage());
    }

    @Test
    void a429WithRetryAfterIsWaitedOutThenRetried() throws Exception {
        server.enqueue(json(429, fixture("ratelimited.json")).setHeader("Retry-After", "1"));
        answer("teams_list_page2.json");
        long started = System.nanoTime();
        assertEquals(1, slack.listTenants().size());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 950, "waited for Retry-After");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void a429AskingForTooLongIsRateLimitedWithTheWait() {
        server.enqueue(json(429, fixture("ratelimited.json")).setHeader("Retry-After", "120"));
        ProviderException e = assertThrows(ProviderException.class, () -> slack.listTenants());
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void ratelimitedWithHttp200StillCarriesRetryAfter() {
        server.enqueue(json(200, fixture("ratelimited.json")).setHeader("Retry-After", "30"));
        ProviderException e = assertThrows(ProviderException.class, () -> slack.listTenants());
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(30), e.retryAfter());
    }

    @Test
    void anHtmlGatewayPageOnAWriteIsAnUnknownOutcome() {
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body>Bad gateway</body></html>"));
        ProviderException e = assertThrows(ProviderException.class,
                () -> slack.deactivate(SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of())));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals(1, server.getRequestCount(), "a write is never repeated blindly");
    }

    @Test
    void aWriteWithoutAnswerIsUnknownAndNotRepeated() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        answer("ok.json");
        SlackProvider impatient = SlackTestSupport.provider(server.url("/api").toString(), TOKEN, RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5)), SlackLimits.defaults());
        ProviderException e = assertThrows(ProviderException.class, () -> impatient.revokeAllSessions(
                SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of()), RevokeOptions.all()));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("timeout", e.providerCode());
        assertEquals(1, server.getRequestCount(), "the reset was sent once");
    }

    @Test
    void jsonWithoutOkIsNotTakenForSuccess() {
        server.enqueue(json(200, "{\"teams\":[]}"));
        ProviderException e = assertThrows(ProviderException.class, () -> slack.listTenants());
        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("malformed_answer", e.providerCode());
    }

    @Test
    void aCursorThatNeverEndsStopsAtThePageBound() throws Exception {
        SlackProvider bounded = provider(SlackLimits.defaults().withMaxPages(3));
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(200, "{\"ok\":true,\"teams\":[{\"id\":\"T" + i + "\",\"name\":\"W" + i
                    + "\"}],\"response_metadata\":{\"next_cursor\":\"c" + i + "\"}}"));
        }
        assertEquals(3, bounded.listTenants().size());
        assertEquals(3, server.getRequestCount());
    }

    /** Every code: HTTP 200 with ok:false, once on a read (listTenants) and once on a write (session reset). */
    @ParameterizedTest(name = "{0} -> read {1}, write {2}")
    @CsvFileSource(resources = "/fixtures/slack/error_kinds.csv", numLinesToSkip = 1)
    void everyErrorCodeMapsToItsKind(String code, ErrorKind onRead, ErrorKind onWrite) {
        String body = "{\"ok\":false,\"error\":\"" + code + "\"}";
        server.enqueue(json(200, body));
        ProviderException read = assertThrows(ProviderException.class, () -> slack.listTenants());
        assertEquals(onRead, read.kind(), code + " on a read");
        assertEquals(code, read.providerCode());
        assertTrue(read.getMessage().contains(code));
        server.enqueue(json(200, body));
        ProviderException write = assertThrows(ProviderException.class, () -> slack.revokeAllSessions(
                SlackTestSupport.user("W012JANE1", "jane.doe@contoso.com", List.of()), RevokeOptions.all()));
        assertEquals(onWrite, write.kind(), code + " on a write");
        assertEquals(code, write.providerCode());
    }

    @Test
    void everyDocumentedCodeHasAMapping() {
        Set<String> documented = fixture("documented_codes.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        Set<String> tested = fixture("error_kinds.csv").lines().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet());
        Set<String> known = SlackErrors.knownCodes();
        for (String code : documented) {
            assertTrue(tested.contains(code), code + " has no expected kind in error_kinds.csv");
            assertTrue(known.contains(code), code + " is not in SlackErrors");
        }
        assertTrue(documented.size() >= 55, "documented codes: " + documented.size());
        assertNull(SlackErrors.knownCodes().stream().filter(c -> !tested.contains(c)).findFirst().orElse(null),
                "every mapped code is tested");
    }
}
