package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippTestSupport.CLIENT_ID;
import static io.signoff.provider.cipp.CippTestSupport.CLIENT_SECRET;
import static io.signoff.provider.cipp.CippTestSupport.TENANT_ID;
import static io.signoff.provider.cipp.CippTestSupport.fixture;
import static io.signoff.provider.cipp.CippTestSupport.json;
import static io.signoff.provider.cipp.CippTestSupport.text;
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
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.PasswordReset;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippTestSupport.CountingSecrets;
import io.signoff.provider.cipp.CippTestSupport.MutableClock;
import io.signoff.provider.cipp.CippTestSupport.ScriptedCipp;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays recorded CIPP answers in the documented shapes (fixtures/cipp) and checks what the client makes of them. */
class CippContractTest extends ScriptedCippTestBase {

    @Test
    void tokenRequestIsClientCredentialsForTheClientsOwnScopeAndIsCachedUntilAMinuteBeforeExpiry() throws Exception {
        cipp.on("me", json(200, fixture("me.json")));
        ConnectionCheck check = provider.testConnection();
        assertEquals("CIPP API client " + CLIENT_ID, check.identity());
        assertTrue(check.permissions().contains("Identity.User.ReadWrite"));
        assertTrue(check.detail().contains("editor"));

        RecordedRequest token = cipp.requests().get(0);
        assertEquals("/login/" + TENANT_ID + "/oauth2/v2.0/token", token.getRequestUrl().encodedPath());
        assertEquals("POST", token.getMethod());
        Map<String, String> form = form(body(token));
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET,
                "scope", "api://" + CLIENT_ID + "/.default"), form);
        RecordedRequest me = cipp.requestsTo("me").get(0);
        assertEquals("/api/me", me.getRequestUrl().encodedPath());
        assertTrue(me.getHeader("Authorization").startsWith("Bearer eyJ"));

        provider.testConnection();
        clock.advance(Duration.ofSeconds(3599 - 61));
        provider.testConnection();
        assertEquals(1, cipp.tokenRequests(), "token reused while more than 60 s remain");
        clock.advance(Duration.ofSeconds(2));
        provider.testConnection();
        assertEquals(2, cipp.tokenRequests(), "token renewed within 60 s of expiry");
    }

    @Test
    void defaultTokenUrlIsEntraForTheTenant() throws Exception {
        CippProvider defaults = new CippProvider(new io.signoff.model.Connection("c", ProviderKind.CIPP, "C", "https://cipp.example",
                Map.of(CippProvider.SETTING_TENANT_ID, TENANT_ID, CippProvider.SETTING_CLIENT_ID, CLIENT_ID), null),
                new CountingSecrets(CLIENT_SECRET), new HttpClients("t"), redactor);
        CippTokenSource source = new CippTokenSource(defaults.connection(), (a, b) -> new char[0], redactor, clock, "x");
        assertEquals("https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/v2.0/token", source.tokenUrl());
    }

    @Test
    void missingSettingsAreInvalidInputBeforeAnyCall() {
        CippProvider broken = new CippProvider(new io.signoff.model.Connection("c", ProviderKind.CIPP, "C",
                server.url("/").toString(), Map.of(CippProvider.SETTING_TENANT_ID, TENANT_ID), null),
                new CountingSecrets(CLIENT_SECRET), new HttpClients("t"), redactor);
        ProviderException e = assertThrows(ProviderException.class, broken::testConnection);
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("clientId"));
        assertEquals(0, cipp.requests().size());
    }

    @Test
    void rejectedClientSecretIsCredentialsRejectedWithEntrasCode() {
        cipp.on("token", json(401, fixture("token-invalid-client.json")));
        ProviderException e = assertThrows(ProviderException.class, provider::testConnection);
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("invalid_client", e.providerCode());
        assertTrue(e.getMessage().contains("AADSTS7000215"), e.getMessage());
        assertFalse(e.getMessage().contains("Trace ID"), "trace noise trimmed: " + e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void a401WithACachedTokenRefreshesOnceAndRetries() throws Exception {
        cipp.on("me", json(200, fixture("me.json")), text(401, ""), json(200, fixture("me.json")));
        provider.testConnection();
        provider.testConnection();
        assertEquals(2, cipp.tokenRequests());
        assertEquals(3, cipp.requestsTo("me").size());
    }

    @Test
    void a401WithAFreshTokenIsCredentialsRejected() {
        cipp.on("me", text(401, ""));
        ProviderException e = assertThrows(ProviderException.class, provider::testConnection);
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals(1, cipp.tokenRequests(), "no refresh loop when the new token is refused too");
    }

    @Test
    void listTenantsReadsTheBareArrayKeepsOffboardingDefaultsInBothShapesAndSkipsExcluded() throws Exception {
        cipp.on("ListTenants", json(200, fixture("list-tenants.json")));
        List<Tenant> tenants = provider.listTenants();
        assertEquals(List.of("contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com", "northwindtraders.onmicrosoft.com"),
                tenants.stream().map(Tenant::id).toList());
        assertEquals("contoso.com", tenants.get(0).domain());
        assertEquals("fabrikam.com", tenants.get(1).domain(), "first custom domain, whatever the order");
        assertTrue(tenants.get(1).status().contains("2 Graph error"), tenants.get(1).status());
        assertEquals("true", cipp.requestsTo("ListTenants").get(0).getRequestUrl().queryParameter("IncludeOffboardingDefaults"));

        assertEquals(Boolean.TRUE, provider.offboardingDefaults(tenants.get(0)).get("ConvertToShared"));
        assertEquals(Boolean.FALSE, provider.offboardingDefaults(tenants.get(0)).get("HideFromGAL"));
        assertEquals(Boolean.TRUE, provider.offboardingDefaults(tenants.get(1)).get("RemoveMFADevices"), "JSON-string reading");
        assertEquals(Map.of(), provider.offboardingDefaults(tenants.get(2)));
        assertEquals(1, cipp.requestsTo("ListTenants").size(), "defaults come from the listing already made");
    }

    @Test
    void listTenantsReadsTheResultsEnvelopeToo() throws Exception {
        cipp.on("ListTenants", json(200, fixture("list-tenants-envelope.json")));
        assertEquals("Contoso Ltd", provider.listTenants().get(0).displayName());
    }

    @Test
    void theFailedToRetrieveTenantsRowIsAnError() {
        cipp.on("ListTenants", json(200, fixture("list-tenants-failed.json")));
        ProviderException e = assertThrows(ProviderException.class, provider::listTenants);
        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertTrue(e.getMessage().contains("Failed to retrieve tenants"), e.getMessage());
        assertEquals("AADSTS700082", e.providerCode());
    }

    @Test
    void graphUserMapsToADirectoryUserWithAliasesAndAttributes() throws Exception {
        DirectoryUser jane = jane();
        assertEquals("2f0c6a1e-8d3b-4b7a-9c5e-1a2b3c4d5e6f", jane.id());
        assertEquals("jane.doe@contoso.com", jane.email());
        assertEquals(AccountStatus.ENABLED, jane.status());
        assertEquals(List.of("jdoe@contoso.com", "jane@contoso.com"), jane.aliases(), "smtp: stripped, X500/SIP dropped");
        assertEquals("Microsoft 365 Business Premium", jane.attributes().get(CippProvider.ATTR_LICENCES));
        assertEquals("Member", jane.attributes().get(CippProvider.ATTR_USER_TYPE));
        assertEquals("2026-10-20T08:00:00Z", jane.attributes().get(CippProvider.ATTR_SESSIONS_VALID_FROM));
        assertEquals(Instant.parse("2026-11-01T17:42:10.1234567Z"), jane.lastActivity());
        assertEquals("contoso.onmicrosoft.com", jane.tenantId());
    }

    @Test
    void findByAddressTriesTheUpnThenMailAndProxyAddressesWithEscapedQuotes() throws Exception {
        cipp.on("ListUsers", json(200, "[]"), json(200, fixture("list-users-jane.json")));
        List<DirectoryUser> found = provider.findUsers(CONTOSO, "  o'jane@contoso.com ");
        assertEquals(List.of(), found, "Jane does not answer to o'jane@");
        List<RecordedRequest> calls = cipp.requestsTo("ListUsers");
        HttpUrl first = calls.get(0).getRequestUrl();
        assertEquals("o'jane@contoso.com", first.queryParameter("UserID"));
        assertEquals("contoso.onmicrosoft.com", first.queryParameter("tenantFilter"));
        assertEquals("mail eq 'o''jane@contoso.com' or proxyAddresses/any(p:p eq 'smtp:o''jane@contoso.com')",
                calls.get(1).getRequestUrl().queryParameter("graphFilter"));

        List<DirectoryUser> byAlias = provider.findUsers(CONTOSO, "JDOE@contoso.com");
        assertEquals(List.of("Jane Doe"), byAlias.stream().map(DirectoryUser::displayName).toList());
    }

    @Test
    void findByNameSendsStartswithAndFiltersAnswersOfACippThatIgnoresTheFilter() throws Exception {
        cipp.on("ListUsers", json(200, "[" + fixture("list-users-jane.json").strip().replaceAll("^\\[|]$", "")
                + ",{\"id\":\"x1\",\"displayName\":\"Omar Haddad\",\"userPrincipalName\":\"omar@contoso.com\"}]"));
        List<DirectoryUser> found = provider.findUsers(CONTOSO, "jan");
        assertEquals(List.of("Jane Doe"), found.stream().map(DirectoryUser::displayName).toList());
        assertTrue(cipp.requestsTo("ListUsers").get(0).getRequestUrl().queryParameter("graphFilter")
                .startsWith("startswith(displayName,'jan') or startswith(givenName,'jan')"));
    }

    @Test
    void usersInTheEnvelopeAndTheAllTenantsNoticeRow() throws Exception {
        cipp.on("ListUsers", json(200, fixture("list-users-envelope.json")));
        DirectoryUser ana = provider.getUser(CONTOSO, "ana.souza@fabrikam.com");
        assertEquals("ana.souza@fabrikam.com", ana.email(), "UPN when mail is null");
        assertEquals(AccountStatus.DISABLED, ana.status());
        assertEquals("Guest", ana.attributes().get(CippProvider.ATTR_USER_TYPE));

        ScriptedCipp notice = new ScriptedCipp();
        server.setDispatcher(notice.on("ListUsers", json(200, fixture("list-users-alltenants.json"))));
        assertEquals(List.of(), provider.findUsers(CONTOSO, "ana"));
    }

    @Test
    void userIdNotFoundAsAFailureSentenceIsNotFound() {
        cipp.on("ListUsers", json(500, fixture("revoke-failed-500.json")));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.getUser(CONTOSO, "ghost@contoso.com"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void signInLogsBecomeSessionsWithTheValidFromOfAFreshRead() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ListUserSigninLogs", json(200, fixture("signin-logs.json")));
        SessionList list = provider.listSessions(jane);
        assertEquals(Instant.parse("2026-10-20T08:00:00Z"), list.sessionsValidFrom());
        assertEquals(CippProvider.RESIDUAL_EXPOSURE, list.residualExposure());
        assertEquals(2, list.sessions().size(), "the refused sign-in (50126) opened no session");
        var teams = list.sessions().get(0);
        assertEquals(List.of("Microsoft Teams"), teams.apps());
        assertEquals("203.0.113.45", teams.ip());
        assertEquals("Seattle, Washington, US", teams.location());
        assertEquals("MacBook Pro", teams.device());
        assertEquals("Mobile Apps and Desktop clients · Rich Client 16.0.18129", teams.client());
        assertNull(teams.expires());
        assertEquals(Instant.parse("2026-10-20T08:00:00Z"), list.sessions().get(1).expires(), "older sign-in ended at valid-from");
        HttpUrl url = cipp.requestsTo("ListUserSigninLogs").get(0).getRequestUrl();
        assertEquals(jane.id(), url.queryParameter("UserID"));
        assertEquals("50", url.queryParameter("top"));
    }

    @Test
    void writesPostTheDocumentedBodiesAndReturnCippsSentence() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecRevokeSessions", json(200, fixture("revoke-ok.json")));
        cipp.on("ExecDisableUser", json(200, fixture("disable-ok.json")));
        cipp.on("ExecResetMFA", json(200, fixture("resetmfa-ok.json")));
        ActionResult revoked = provider.revokeAllSessions(jane, RevokeOptions.all());
        assertEquals("Successfully revoked sessions for jane.doe@contoso.com", revoked.message());
        assertFalse(revoked.pending());
        provider.disableSignIn(jane);
        provider.resetMfa(jane);
        assertEquals(obj("{\"tenantFilter\":\"contoso.onmicrosoft.com\",\"ID\":\"" + jane.id() + "\",\"Username\":\"jane.doe@contoso.com\"}"),
                obj(body(cipp.requestsTo("ExecRevokeSessions").get(0))));
        assertEquals(obj("{\"tenantFilter\":\"contoso.onmicrosoft.com\",\"ID\":\"" + jane.id() + "\",\"Enable\":false}"),
                obj(body(cipp.requestsTo("ExecDisableUser").get(0))));
        assertEquals(obj("{\"tenantFilter\":\"contoso.onmicrosoft.com\",\"ID\":\"jane.doe@contoso.com\"}"),
                obj(body(cipp.requestsTo("ExecResetMFA").get(0))));
        assertEquals("POST", cipp.requestsTo("ExecDisableUser").get(0).getMethod());
    }

    @Test
    void failureSentencesFailWhateverTheStatus() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecRevokeSessions", json(200, fixture("revoke-failed-200.json")), json(500, fixture("revoke-failed-500.json")));
        ProviderException with200 = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.PERMISSION_MISSING, with200.kind());
        assertEquals(200, with200.httpStatus());
        assertTrue(with200.getMessage().contains("Insufficient privileges"));
        ProviderException with500 = assertThrows(ProviderException.class, () -> provider.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.NOT_FOUND, with500.kind(), "a definite failure, not an unknown outcome");
        assertEquals(500, with500.httpStatus());
        assertEquals(2, cipp.requestsTo("ExecRevokeSessions").size(), "writes are never retried");
    }

    @Test
    void frameworkPlainTextAnswersMapToTheirKinds() throws Exception {
        provider = provider(CippTestSupport.fastOptions().withMaxRetries(0));
        cipp.on("me", text(403, "Access to this CIPP API endpoint is not allowed, you do not have the required permission"),
                text(404, "Endpoint not found"), text(503, "This feature has been disabled by your CIPP administrator."),
                text(500, "Exception calling \"Invoke\" with \"0\" argument(s)"));
        assertEquals(ErrorKind.PERMISSION_MISSING, assertThrows(ProviderException.class, provider::testConnection).kind());
        ProviderException missing = assertThrows(ProviderException.class, provider::testConnection);
        assertEquals(ErrorKind.INVALID_INPUT, missing.kind());
        assertEquals("endpoint_not_found", missing.providerCode());
        ProviderException disabled = assertThrows(ProviderException.class, provider::testConnection);
        assertEquals(ErrorKind.UNSUPPORTED, disabled.kind());
        assertEquals("feature_disabled", disabled.providerCode());
        assertEquals(ErrorKind.TRANSIENT, assertThrows(ProviderException.class, provider::testConnection).kind());
    }

    @Test
    void exceptionTextOrAGatewayPageOnAWriteIsAnUnknownOutcome() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecDisableUser", text(500, "Exception calling \"Invoke\" with \"0\" argument(s): \"The operation has timed out.\""),
                new okhttp3.mockwebserver.MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                        .setBody("<html><body>Bad Gateway</body></html>"),
                json(200, "{\"Results\": \"Successfully set"));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, assertThrows(ProviderException.class, () -> provider.disableSignIn(jane)).kind());
        ProviderException html = assertThrows(ProviderException.class, () -> provider.disableSignIn(jane));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, html.kind());
        assertEquals("html_body", html.providerCode());
        ProviderException cut = assertThrows(ProviderException.class, () -> provider.disableSignIn(jane));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, cut.kind());
        assertEquals("malformed_json", cut.providerCode());
    }

    @Test
    void htmlOrMalformedAnswersToReadsAreTransientAndThrottlingIsRateLimited() {
        provider = provider(CippTestSupport.fastOptions().withMaxRetries(0));
        cipp.on("ListTenants", new okhttp3.mockwebserver.MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html")
                .setBody("<!DOCTYPE html><html>Sign in to your account</html>"), json(200, "[{\"customerId\": "),
                json(429, "{\"Results\":\"Failed to retrieve tenants: TooManyRequests\"}").setHeader("Retry-After", "7"));
        ProviderException html = assertThrows(ProviderException.class, provider::listTenants);
        assertEquals(ErrorKind.TRANSIENT, html.kind());
        assertEquals("html_body", html.providerCode());
        assertEquals("malformed_json", assertThrows(ProviderException.class, provider::listTenants).providerCode());
        ProviderException limited = assertThrows(ProviderException.class, provider::listTenants);
        assertEquals(ErrorKind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(7), limited.retryAfter());
    }

    @Test
    void resetPasswordReturnsTheSecretOnceAndKeepsItOutOfTheMessage() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecResetPass", json(200, fixture("resetpass-ok.json")), json(200, fixture("resetpass-error.json")));
        PasswordReset reset = provider.resetPassword(jane, true);
        assertEquals("Qm7#vT2pLx9!wRz4", new String(reset.secret()));
        assertFalse(reset.message().contains("Qm7#vT2pLx9!wRz4"));
        assertFalse(reset.toString().contains("Qm7#vT2pLx9!wRz4"));
        assertEquals("***", redactor.redact("Qm7#vT2pLx9!wRz4"), "registered with the redactor");
        assertEquals(obj("{\"tenantFilter\":\"contoso.onmicrosoft.com\",\"ID\":\"" + jane.id()
                + "\",\"displayName\":\"Jane Doe\",\"MustChange\":true}"), obj(body(cipp.requestsTo("ExecResetPass").get(0))));
        ProviderException refused = assertThrows(ProviderException.class, () -> provider.resetPassword(jane, true));
        assertEquals(ErrorKind.INVALID_INPUT, refused.kind(), "complexity failure with state=error");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
