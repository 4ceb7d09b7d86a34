package io.signoff.provider.cloudflare;

import static io.signoff.provider.cloudflare.CloudflareTestSupport.ACCOUNT;
import static io.signoff.provider.cloudflare.CloudflareTestSupport.TOKEN;
import static io.signoff.provider.cloudflare.CloudflareTestSupport.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.AccountStatus;
import io.signoff.model.ActionResult;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays answers in the documented v4 shapes and checks what the client sends and how it reads them. */
class CloudflareContractTest {
    private MockWebServer server;
    private CloudflareProvider provider;
    private Tenant tenant;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        provider = CloudflareTestSupport.provider(CloudflareTestSupport.connection(base(), ACCOUNT, 2,
                CloudflareTestSupport.fastOptions()), TOKEN, new Redactor());
        tenant = CloudflareTestSupport.tenant(provider);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private String base() { return server.url("/client/v4").toString(); }

    @Test
    void searchPagesWithPagePerPageUntilAnEmptyPage() throws Exception {
        server.enqueue(answer(200, "users-page1.json"));
        server.enqueue(answer(200, "users-page2.json"));
        server.enqueue(answer(200, "users-empty.json"));

        List<DirectoryUser> users = provider.findUsers(tenant, "jane");

        assertEquals(List.of("jane.doe@contoso.com", "jane.doeson@contoso.com", "jane.smith@contoso.com"),
                users.stream().map(DirectoryUser::email).toList());
        for (int page = 1; page <= 3; page++) {
            RecordedRequest r = server.takeRequest();
            HttpUrl url = r.getRequestUrl();
            assertEquals("/client/v4/accounts/" + ACCOUNT + "/access/users", url.encodedPath());
            assertEquals("jane", url.queryParameter("search"));
            assertEquals(Integer.toString(page), url.queryParameter("page"));
            assertEquals("2", url.queryParameter("per_page"));
            assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
        }
        DirectoryUser jane = users.get(0);
        assertEquals("f174e90a-fafe-4643-bbbc-4a0ed4fc8415", jane.id());
        assertEquals(ACCOUNT, jane.tenantId());
        assertEquals("Jane Doe", jane.displayName());
        assertEquals(AccountStatus.ENABLED, jane.status());
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), jane.lastActivity());
        assertEquals("f174e90a-fafe-4643-bbbc-4a0ed4fc8415", jane.attributes().get("uid"));
        assertEquals("2", jane.attributes().get("active_device_count"));
        assertEquals(AccountStatus.UNKNOWN, users.get(1).status(), "no seat: nothing says the user is active");
    }

    @Test
    void emailQueryUsesTheEmailParameterAndKeepsOnlyThatAddress() throws Exception {
        server.enqueue(answer(200, "users-page1.json"));
        server.enqueue(answer(200, "users-empty.json"));

        List<DirectoryUser> users = provider.findUsers(tenant, " Jane.Doe@contoso.com ");

        assertEquals(List.of("jane.doe@contoso.com"), users.stream().map(DirectoryUser::email).toList());
        HttpUrl url = server.takeRequest().getRequestUrl();
        assertEquals("Jane.Doe@contoso.com", url.queryParameter("email"));
        assertNull(url.queryParameter("search"));
    }

    @Test
    void sessionsCarryTheirAppsAndTheIdentityWhereOneIsAvailable() throws Exception {
        server.enqueue(answer(200, "active-sessions.json"));
        server.enqueue(answer(200, "identity.json"));
        server.enqueue(answer(404, "error-no-route.json"));
        DirectoryUser jane = janeWithUid();

        SessionList list = provider.listSessions(jane);

        assertEquals(CloudflareProvider.RESIDUAL_EXPOSURE, list.residualExposure());
        assertFalse(list.manualOnly());
        assertEquals(2, list.sessions().size());
        Session first = list.sessions().get(0);
        assertEquals("X1aXj1lFVcqqyoXF", first.id());
        assertEquals(List.of("Wiki", "Payroll"), first.apps());
        assertEquals(Instant.ofEpochSecond(1794038400), first.expires());
        assertEquals(Instant.ofEpochSecond(1793952000), first.created());
        assertEquals("203.0.113.45", first.ip());
        assertEquals("US", first.location());
        assertEquals("2b5c9a7e-4d3f-4e1a-8c6b-0f9e8d7c6b5a", first.device());
        assertEquals("Access via WARP", first.client());
        assertFalse(first.revocableAlone(), "Cloudflare revokes per user only");
        Session second = list.sessions().get(1);
        assertEquals(List.of("grafana.contoso.com"), second.apps(), "an app without a name shows its hostname");
        assertNull(second.ip(), "its identity was not found: the session stands without details");

        String base = "/client/v4/accounts/" + ACCOUNT + "/access/users/" + jane.id() + "/active_sessions";
        assertEquals(base, server.takeRequest().getPath());
        assertEquals(base + "/X1aXj1lFVcqqyoXF", server.takeRequest().getPath());
        assertEquals(base + "/Y2bYk2mGWdrrzpYG", server.takeRequest().getPath());
    }

    @Test
    void revokeSendsTheDocumentedBodyKeyedByEmail() throws Exception {
        server.enqueue(answer(200, "revoke-true.json"));

        ActionResult result = provider.revokeAllSessions(janeWithUid(), new RevokeOptions(RevokeOptions.Scope.ALL, true, true));

        assertFalse(result.pending());
        assertTrue(result.message().contains("all apps"), result.message());
        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/client/v4/accounts/" + ACCOUNT + "/access/organizations/revoke_user", r.getPath());
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        JsonObject body = JsonParser.parseString(r.getBody().readUtf8()).getAsJsonObject();
        assertEquals("jane.doe@contoso.com", body.get("email").getAsString());
        assertTrue(body.get("devices").getAsBoolean());
        assertTrue(body.get("warp_session_reauth").getAsBoolean());
        assertEquals("f174e90a-fafe-4643-bbbc-4a0ed4fc8415", body.get("user_uid").getAsString());
    }

    @Test
    void revokeAnsweredFalseIsNotASuccess() {
        server.enqueue(answer(200, "revoke-false.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(janeWithUid(), RevokeOptions.all()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void thereIsNoSingleSessionRevoke() {
        DirectoryUser jane = janeWithUid();
        Session s = new Session("cf-contoso", jane.kind(), ACCOUNT, jane.id(), "X1", null, null, null, null, null,
                List.of(), null, null, null, false);
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revokeSession(jane, s));
        assertEquals(ErrorKind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("per user"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void badTokenIsCredentialsRejected() {
        server.enqueue(answer(401, "error-authentication.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("10000", e.providerCode());
        assertEquals(401, e.httpStatus());
    }

    @Test
    void legacyKeyErrorsPointToApiTokens() {
        server.enqueue(answer(400, "error-legacy-key.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("API token only"), e.getMessage());
    }

    @Test
    void forbiddenRevokeWithAValidTokenNamesTheMissingPermission() throws Exception {
        server.enqueue(answer(403, "error-authentication.json"));
        server.enqueue(answer(200, "verify-active.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(janeWithUid(), RevokeOptions.all()));
        assertEquals(ErrorKind.PERMISSION_MISSING, e.kind());
        assertTrue(e.getMessage().contains(CloudflareProvider.WRITE_PERMISSION), e.getMessage());
        assertTrue(e.getMessage().contains(CloudflareProvider.REVOKE_PERMISSION), e.getMessage());
        server.takeRequest();
        assertEquals("/client/v4/user/tokens/verify", server.takeRequest().getPath());
    }

    @Test
    void forbiddenWithAnInvalidTokenIsCredentialsRejected() {
        server.enqueue(answer(403, "error-authentication.json"));
        server.enqueue(answer(401, "error-invalid-token.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("1000", e.providerCode());
    }

    @Test
    void anInvalidTokenCodeIsCredentialsRejectedWhateverTheStatus() {
        server.enqueue(answer(403, "error-invalid-token.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals(1, server.getRequestCount(), "an unambiguous answer needs no second opinion");
    }

    @Test
    void forbiddenWithADisabledTokenIsCredentialsRejected() {
        server.enqueue(answer(403, "error-authentication.json"));
        server.enqueue(answer(200, "verify-disabled.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("disabled"), e.getMessage());
    }

    @Test
    void noRouteIsNotFoundWhetherAs404OrInsideA200() {
        server.enqueue(answer(404, "error-no-route.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.listSessions(janeWithUid()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("7003", e.providerCode());

        server.enqueue(answer(200, "error-no-route.json"));
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> provider.listSessions(janeWithUid())).kind());
    }

    @Test
    void badRequestIsInvalidInput() {
        server.enqueue(answer(400, "error-bad-request.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(janeWithUid(), RevokeOptions.all()));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals("12000", e.providerCode());
    }

    @Test
    void serverErrorIsTransientForReadsAndUnknownForTheRevoke() {
        server.enqueue(answer(500, "error-internal.json"));
        assertEquals(ErrorKind.TRANSIENT, assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane")).kind());
        server.enqueue(answer(500, "error-internal.json"));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME,
                assertThrows(ProviderException.class, () -> provider.revokeAllSessions(janeWithUid(), RevokeOptions.all())).kind());
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody("{\"result\": tr"));
        ProviderException cut = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(janeWithUid(), RevokeOptions.all()));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, cut.kind(), "a cut answer to a write leaves its outcome open");
        server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><body>502 Bad Gateway</body></html>"));
        assertEquals(ErrorKind.TRANSIENT, assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane")).kind());
    }

    @Test
    void rateLimitedHonoursRetryAfterAndHoldsBackTheNextCall() {
        server.enqueue(answer(429, "error-rate-limited.json").setHeader("Retry-After", "300"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(300), e.retryAfter());
        assertEquals(1, server.getRequestCount());

        ProviderException held = assertThrows(ProviderException.class, () -> provider.findUsers(tenant, "jane"));
        assertEquals(ErrorKind.RATE_LIMITED, held.kind());
        assertTrue(held.retryAfter().toSeconds() > 200, "waits for the block to end: " + held.retryAfter());
        assertEquals(1, server.getRequestCount(), "no call is sent into a running block: it would only extend it");
    }

    @Test
    void ratelimitHeaderWithNothingLeftDelaysTheNextCallUntilTheReset() throws Exception {
        server.enqueue(answer(200, "users-page2.json").setHeader("Ratelimit", "\"default\";r=0;t=1")
                .setHeader("Ratelimit-Policy", "\"default\";q=1200;w=300"));
        server.enqueue(answer(200, "users-empty.json"));
        long started = System.nanoTime();
        provider.findUsers(tenant, "jane");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, server.getRequestCount());
        assertTrue(tookMs >= 1000, "the second page waited for the reset; both pages took " + tookMs + " ms");
    }

    @Test
    void connectionTestVerifiesTheTokenAndReadsTheAccount() throws Exception {
        server.enqueue(answer(200, "verify-active.json"));
        server.enqueue(answer(200, "users-page2.json"));
        ConnectionCheck check = provider.testConnection();
        assertTrue(check.identity().contains("ed17574386854bf78a67040be0a770b0"), check.identity());
        assertEquals("/client/v4/user/tokens/verify", server.takeRequest().getPath());
        assertEquals("1", server.takeRequest().getRequestUrl().queryParameter("per_page"));
    }

    @Test
    void connectionTestFallsBackToAListCallWhenVerifyIsNotThere() throws Exception {
        server.enqueue(answer(404, "error-no-route.json"));
        server.enqueue(answer(200, "users-page2.json"));
        assertTrue(provider.testConnection().detail().contains(ACCOUNT));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void connectionTestRefusesADisabledToken() {
        server.enqueue(answer(200, "verify-disabled.json"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.testConnection());
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
    }

    private static DirectoryUser janeWithUid() {
        return new DirectoryUser("cf-contoso", io.signoff.model.ProviderKind.CLOUDFLARE, ACCOUNT,
                "f174e90a-fafe-4643-bbbc-4a0ed4fc8415", "jane.doe@contoso.com", "Jane Doe", AccountStatus.ENABLED,
                false, false, false, false, null, List.of(), List.of(), Map.of("uid", "f174e90a-fafe-4643-bbbc-4a0ed4fc8415"));
    }
}
