package io.signoff.provider.cipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated CIPP speaks the documented shapes on the wire, independent of Signoff's client. */
class CippSimulatorContractTest {
    private static SimulatorServer sim;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sim = Simulators.start(0, Seed.demo(3, Instant.now()), 3);
        base = sim.baseUrl(ProviderKind.CIPP).toString();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> tokenRequest(String tenant, String clientId, String secret, String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&scope=" + enc(scope);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/login/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token() throws Exception {
        SimCredentials c = sim.credentials();
        HttpResponse<String> r = tokenRequest(c.cippTenantId(), c.cippClientId(), c.cippClientSecret(), "api://" + c.cippClientId() + "/.default");
        assertEquals(200, r.statusCode());
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("Bearer", body.get("token_type").getAsString());
        assertTrue(body.get("expires_in").getAsLong() > 3000);
        return body.get("access_token").getAsString();
    }

    private static HttpResponse<String> api(String method, String pathAndQuery, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/" + pathAndQuery));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenEndpointRejectsWrongCredentialsTheWayEntraDoes() throws Exception {
        SimCredentials c = sim.credentials();
        HttpResponse<String> badSecret = tokenRequest(c.cippTenantId(), c.cippClientId(), "nope", "api://" + c.cippClientId() + "/.default");
        assertEquals(401, badSecret.statusCode());
        JsonObject error = JsonParser.parseString(badSecret.body()).getAsJsonObject();
        assertEquals("invalid_client", error.get("error").getAsString());
        assertTrue(error.get("error_description").getAsString().startsWith("AADSTS7000215:"));
        assertEquals(7000215, error.getAsJsonArray("error_codes").get(0).getAsInt());

        assertEquals(401, tokenRequest(c.cippTenantId(), "someone-else", c.cippClientSecret(), "api://someone-else/.default").statusCode());
        assertEquals(400, tokenRequest("wrong-tenant", c.cippClientId(), c.cippClientSecret(), "api://" + c.cippClientId() + "/.default").statusCode());
        HttpResponse<String> scope = tokenRequest(c.cippTenantId(), c.cippClientId(), c.cippClientSecret(), "https://graph.microsoft.com/.default");
        assertEquals(400, scope.statusCode());
        assertTrue(scope.body().contains("invalid_scope"));
    }

    @Test
    void apiNeedsABearerTokenAndUnknownEndpointsArePlainText404() throws Exception {
        HttpResponse<String> anonymous = api("GET", "ListTenants", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(401, api("GET", "ListTenants", "eyJforged", null).statusCode());
        HttpResponse<String> unknown = api("GET", "ListNothing", token(), null);
        assertEquals(404, unknown.statusCode());
        assertEquals("Endpoint not found", unknown.body());
    }

    @Test
    void listsAreBareArraysAndExecAnswersAreResultsEnvelopes() throws Exception {
        String token = token();
        JsonArray tenants = JsonParser.parseString(api("GET", "ListTenants?IncludeOffboardingDefaults=true", token, null).body())
                .getAsJsonArray();
        assertEquals("contoso.onmicrosoft.com", tenants.get(0).getAsJsonObject().get("defaultDomainName").getAsString());
        JsonArray users = JsonParser.parseString(api("GET", "ListUsers?tenantFilter=contoso.onmicrosoft.com&UserID=jane.doe%40contoso.com",
                token, null).body()).getAsJsonArray();
        JsonObject jane = users.get(0).getAsJsonObject();
        assertTrue(jane.getAsJsonArray("proxyAddresses").toString().contains("smtp:jdoe@contoso.com"));
        HttpResponse<String> revoke = api("POST", "ExecRevokeSessions", token,
                "{\"tenantfilter\":\"contoso.onmicrosoft.com\",\"id\":\"" + jane.get("id").getAsString() + "\",\"Username\":\"jane.doe@contoso.com\"}");
        assertEquals(200, revoke.statusCode());
        assertEquals("Successfully revoked sessions for jane.doe@contoso.com",
                JsonParser.parseString(revoke.body()).getAsJsonObject().get("Results").getAsString(), "parameter names are case-insensitive");
    }

    @Test
    void execOffboardUserRefusesAnIncompleteBodyWithAResultsArray() throws Exception {
        HttpResponse<String> r = api("POST", "ExecOffboardUser", token(),
                "{\"user\":[{\"label\":\"x\",\"value\":\"no-at-sign\"}],\"Scheduled\":{\"enabled\":true,\"date\":0}}");
        assertEquals(400, r.statusCode());
        JsonArray results = JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("Results");
        assertEquals(4, results.size(), r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
