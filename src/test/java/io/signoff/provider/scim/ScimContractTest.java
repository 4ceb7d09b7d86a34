package io.signoff.provider.scim;

import static io.signoff.provider.scim.ScimTestSupport.TOKEN;
import static io.signoff.provider.scim.ScimTestSupport.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.AccountStatus;
import io.signoff.model.ActionResult;
import io.signoff.model.Capability;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Redactor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays RFC 7644 answers (and real-world quirks) and checks what the client sends and how it reads them. */
class ScimContractTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ScimProvider client(String label, int pageSize) {
        return ScimTestSupport.provider(ScimTestSupport.connection(server.url("/scim/v2").toString(), label, pageSize,
                ScimTestSupport.fastOptions()), TOKEN, new Redactor());
    }

    private Tenant tenant(ScimProvider p) { return p.listTenants().get(0); }

    @Test
    void pagesWithStartIndexAndCountUntilTotalResultsEvenWithoutItemsPerPage() throws Exception {
        server.enqueue(answer(200, "list-page1.json"));
        server.enqueue(answer(200, "list-page2.json"));
        server.enqueue(answer(200, "list-page3.json"));
        ScimProvider scim = client("Acme", 2);

        List<DirectoryUser> users = scim.findUsers(tenant(scim), "staff");

        assertEquals(List.of("lucid-0001", "lucid-0002", "lucid-0003", "lucid-0004", "lucid-0005"),
                users.stream().map(DirectoryUser::id).toList());
        int[] starts = {1, 3, 5};
        for (int start : starts) {
            RecordedRequest r = server.takeRequest();
            HttpUrl url = r.getRequestUrl();
            assertEquals("/scim/v2/Users", url.encodedPath());
            assertEquals("userName eq \"staff\"", url.queryParameter("filter"));
            assertEquals(Integer.toString(start), url.queryParameter("startIndex"));
            assertEquals("2", url.queryParameter("count"));
            assertEquals("Bearer " + TOKEN, r.getHeader("Authorization"));
            assertTrue(r.getHeader("Accept").contains("application/scim+json"));
        }
        assertEquals(3, server.getRequestCount(), "totalResults reached: no further page");
        DirectoryUser jane = users.get(0);
        assertEquals("jane.doe@contoso.com", jane.email());
        assertEquals(List.of("jdoe@contoso.com"), jane.aliases());
        assertEquals("p00001", jane.attributes().get("externalId"));
        assertEquals(AccountStatus.ENABLED, users.get(2).status(), "\"active\":\"True\" is true");
        assertEquals("Omar Haddad", users.get(1).displayName(), "built from name parts");
        assertEquals("carla.berg@contoso.com", users.get(4).email(), "the only email, though not marked primary");
    }

    @Test
    void anEmptyListIsNotFoundAsAnEmptyResultAfterEveryReading() throws Exception {
        server.enqueue(answer(200, "list-empty.json"));
        server.enqueue(answer(200, "list-empty.json"));
        server.enqueue(answer(200, "list-empty.json"));
        ScimProvider scim = client("Acme", 0);
        assertTrue(scim.findUsers(tenant(scim), "nobody@contoso.com").isEmpty());
        assertEquals("userName eq \"nobody@contoso.com\"", server.takeRequest().getRequestUrl().queryParameter("filter"));
        assertEquals("emails.value eq \"nobody@contoso.com\"", server.takeRequest().getRequestUrl().queryParameter("filter"));
        assertEquals("email eq \"nobody@contoso.com\"", server.takeRequest().getRequestUrl().queryParameter("filter"));
    }

    @Test
    void aReadingTheServerRefusesIsSkippedForTheNext() throws Exception {
        server.enqueue(answer(200, "list-empty.json"));
        server.enqueue(answer(400, "error-invalid-filter.json"));
        server.enqueue(answer(200, "list-one.json"));
        ScimProvider scim = client("Acme", 0);

        List<DirectoryUser> found = scim.findUsers(tenant(scim), "jane.doe@contoso.com");

        assertEquals(1, found.size());
        assertEquals("jane.doe@contoso.com", found.get(0).email());
        assertFalse(found.get(0).aliases().contains("jdoe"), "a userName without @ is no email alias");
    }

    @Test
    void lucidAsksForItsDocumentedEmailFilterBeforeTheRfcName() throws Exception {
        server.enqueue(answer(200, "list-empty.json"));
        server.enqueue(answer(200, "list-one.json"));
        ScimProvider lucid = client("Lucid", 0);
        assertEquals(1, lucid.findUsers(tenant(lucid), "jane.doe@contoso.com").size());
        server.takeRequest();
        assertEquals("email eq \"jane.doe@contoso.com\"", server.takeRequest().getRequestUrl().queryParameter("filter"));
    }

    @Test
    void anInvalidFilterOnTheOnlyReadingIsInvalidInput() {
        server.enqueue(answer(400, "error-invalid-filter.json"));
        ScimProvider scim = client("Acme", 0);
        ProviderException e = assertThrows(ProviderException.class, () -> scim.findUsers(tenant(scim), "jdoe"));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals("invalidFilter", e.providerCode());
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void quotesAndBackslashesInTheValueAreEscaped() throws Exception {
        server.enqueue(answer(200, "list-empty.json"));
        ScimProvider scim = client("Acme", 0);
        scim.findUsers(tenant(scim), "a\"b\\c");
        assertEquals("userName eq \"a\\\"b\\\\c\"", server.takeRequest().getRequestUrl().queryParameter("filter"));
        assertEquals("userName eq \"\\\" or userName pr or \\\"\"", ScimFilter.eq("userName", "\" or userName pr or \""));
        assertEquals("\"line\\u000abreak\"", ScimFilter.quote("line\nbreak"));
    }

    @Test
    void readsAQuirkyUserById() throws Exception {
        server.enqueue(answer(200, "user-deactivated.json").setHeader("Content-Type", "application/json"));
        ScimProvider scim = client("Lucid", 0);
        DirectoryUser jane = scim.getUser(tenant(scim), "lucid-0001");
        assertEquals(AccountStatus.DEACTIVATED, jane.status(), "\"active\":\"False\" is false");
        assertEquals("jane.doe@contoso.com", jane.email(), "the primary email, wherever it is in the list");
        assertEquals("Jane Doe", jane.displayName());
        assertEquals("/scim/v2/Users/lucid-0001", server.takeRequest().getPath());
    }

    @Test
    void deactivateSendsAPatchOpAndAcceptsTheResourceOrNoContent() throws Exception {
        server.enqueue(answer(200, "user-deactivated.json"));
        server.enqueue(new MockResponse().setResponseCode(204));
        ScimProvider scim = client("Lucid", 0);

        ActionResult result = scim.deactivate(jane());
        scim.deactivate(jane());

        assertTrue(result.message().contains("deactivated"), result.message());
        RecordedRequest r = server.takeRequest();
        assertEquals("PATCH", r.getMethod());
        assertEquals("/scim/v2/Users/lucid-0001", r.getPath());
        assertTrue(r.getHeader("Content-Type").startsWith("application/scim+json"), r.getHeader("Content-Type"));
        JsonObject body = JsonParser.parseString(r.getBody().readUtf8()).getAsJsonObject();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:PatchOp", body.getAsJsonArray("schemas").get(0).getAsString());
        JsonObject op = body.getAsJsonArray("Operations").get(0).getAsJsonObject();
        assertEquals("replace", op.get("op").getAsString());
        assertEquals("active", op.get("path").getAsString());
        assertEquals(false, op.get("value").getAsBoolean());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aDeactivationAnsweredWithAnActiveUserIsAnUnknownOutcome() {
        server.enqueue(answer(200, "user-active.json"));
        ScimProvider scim = client("Lucid", 0);
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, assertThrows(ProviderException.class, () -> scim.deactivate(jane())).kind());
    }

    @Test
    void hardDeleteIsNoContentAndRefusedForTheOwner() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        server.enqueue(answer(409, "error-conflict-owner.json"));
        server.enqueue(answer(404, "error-not-found.json"));
        ScimProvider scim = client("Lucid", 0);

        assertTrue(scim.hardDelete(jane()).message().contains("deleted"));
        assertEquals("DELETE", server.takeRequest().getMethod());
        ProviderException owner = assertThrows(ProviderException.class, () -> scim.hardDelete(jane()));
        assertEquals(ErrorKind.INVALID_INPUT, owner.kind());
        assertTrue(owner.getMessage().contains("owns the account"), owner.getMessage());
        assertEquals(409, owner.httpStatus());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> scim.hardDelete(jane())).kind());
    }

    @Test
    void errorBodiesMapToKinds() {
        ScimProvider scim = client("Lucid", 0);
        Tenant t = tenant(scim);
        server.enqueue(answer(401, "error-unauthorized.json"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001")).kind());
        server.enqueue(answer(403, "error-forbidden.json"));
        assertEquals(ErrorKind.PERMISSION_MISSING, assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001")).kind());
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "text/plain").setBody("Forbidden"));
        assertEquals(ErrorKind.PERMISSION_MISSING, assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001")).kind());
        server.enqueue(answer(404, "error-not-found.json"));
        ProviderException missing = assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-9999"));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("lucid-9999 not found"), missing.getMessage());
        server.enqueue(answer(429, "error-too-many.json").setHeader("Retry-After", "120"));
        ProviderException limited = assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001"));
        assertEquals(ErrorKind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(120), limited.retryAfter());
        server.enqueue(answer(400, "error-invalid-value.json"));
        ProviderException invalid = assertThrows(ProviderException.class, () -> scim.deactivate(jane()));
        assertEquals(ErrorKind.INVALID_INPUT, invalid.kind());
        assertEquals("invalidValue", invalid.providerCode());
        server.enqueue(answer(500, "error-internal.json"));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, assertThrows(ProviderException.class, () -> scim.deactivate(jane())).kind());
        server.enqueue(answer(500, "error-internal.json"));
        assertEquals(ErrorKind.TRANSIENT, assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001")).kind());
        server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/scim+json").setBody("{\"id\": \"lu"));
        assertEquals(ErrorKind.TRANSIENT, assertThrows(ProviderException.class, () -> scim.getUser(t, "lucid-0001")).kind());
    }

    @Test
    void sessionsAreAManualStepWithLucidsInstruction() {
        ScimProvider lucid = client("Lucid", 0);
        SessionList list = lucid.listSessions(jane());
        assertTrue(list.manualOnly());
        assertEquals("Admin panel → Users → Log out user; needs Enterprise Shield", list.manualInstruction());
        ProviderException e = assertThrows(ProviderException.class, () -> lucid.revokeAllSessions(jane(), RevokeOptions.all()));
        assertEquals(ErrorKind.UNSUPPORTED, e.kind());
        assertEquals(ScimProvider.LUCID_LOGOUT_INSTRUCTION, e.getMessage());
        assertTrue(!lucid.supports(Capability.REVOKE_ALL_SESSIONS) && lucid.supports(Capability.DEACTIVATE)
                && lucid.supports(Capability.HARD_DELETE));

        ScimProvider generic = client("Acme Wiki", 0);
        assertTrue(generic.listSessions(jane()).manualInstruction().contains("Acme Wiki's admin console"));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void connectionTestReadsTheConfigurationAndProvesTheToken() throws Exception {
        server.enqueue(answer(200, "spc.json"));
        server.enqueue(answer(200, "list-one.json"));
        ConnectionCheck check = client("Lucid", 0).testConnection();
        assertEquals(List.of("patch", "filter"), check.permissions());
        assertEquals("/scim/v2/ServiceProviderConfig", server.takeRequest().getPath());
        HttpUrl probe = server.takeRequest().getRequestUrl();
        assertEquals("1", probe.queryParameter("count"));

        server.enqueue(answer(404, "error-not-found.json"));
        server.enqueue(answer(200, "list-one.json"));
        assertTrue(client("Acme", 0).testConnection().detail().contains("1 active users"));
    }

    private static DirectoryUser jane() {
        return new DirectoryUser("scim-lucid", io.signoff.model.ProviderKind.SCIM, "t", "lucid-0001", "jane.doe@contoso.com",
                "Jane Doe", AccountStatus.ENABLED, false, false, false, false, null, List.of(), List.of(), Map.of());
    }
}
