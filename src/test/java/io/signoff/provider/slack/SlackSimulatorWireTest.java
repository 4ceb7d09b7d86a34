package io.signoff.provider.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.slack.SlackSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated Slack API on the wire, without our client: what any Slack client would see. */
class SlackSimulatorWireTest {
    private static final String TOKEN = SimCredentials.demo().slackToken();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SimulatorServer sim;
    private static String jane;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulators.start(0, Seed.demo(42, Instant.parse("2026-11-01T00:00:00Z")), 42);
        jane = SlackSimulator.userIdOf(sim.seed().people().stream()
                .filter(p -> p.email().equals("jane.doe@contoso.com")).findFirst().orElseThrow());
    }

    @BeforeEach
    void fullBudgets() {
        ((SlackSimulator) sim.api(ProviderKind.SLACK)).resetRateWindows();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> post(String method, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl(ProviderKind.SLACK) + "/" + method))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject form(String method, String body) throws Exception {
        HttpResponse<String> r = post(method, "application/x-www-form-urlencoded", body, TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static String error(JsonObject answer) {
        assertFalse(answer.get("ok").getAsBoolean(), answer.toString());
        return answer.get("error").getAsString();
    }

    @Test
    void acceptsJsonBodiesAndTheTokenAsAFormField() throws Exception {
        HttpResponse<String> json = post("admin.users.session.list", "application/json; charset=utf-8",
                "{\"user_id\":\"" + jane + "\",\"team_id\":\"T01HQCONTO\",\"limit\":2}", TOKEN);
        JsonObject answer = JsonParser.parseString(json.body()).getAsJsonObject();
        assertTrue(answer.get("ok").getAsBoolean(), json.body());
        assertEquals(2, answer.getAsJsonArray("active_sessions").size());
        JsonObject first = answer.getAsJsonArray("active_sessions").get(0).getAsJsonObject();
        assertTrue(first.get("session_id").getAsJsonPrimitive().isNumber(), "session ids are integers");
        assertTrue(first.getAsJsonObject("created").has("slack_client_version"));
        assertFalse(answer.getAsJsonObject("response_metadata").get("next_cursor").getAsString().isEmpty());

        HttpResponse<String> tokenField = post("auth.test", "application/x-www-form-urlencoded", "token=" + TOKEN, null);
        assertTrue(JsonParser.parseString(tokenField.body()).getAsJsonObject().get("ok").getAsBoolean());
        assertTrue(tokenField.headers().firstValue("X-OAuth-Scopes").orElse("").contains("admin.users:read"));
    }

    @Test
    void refusesBadTokensWithHttp200() throws Exception {
        HttpResponse<String> none = post("auth.test", "application/x-www-form-urlencoded", "", null);
        assertEquals(200, none.statusCode());
        assertEquals("not_authed", error(JsonParser.parseString(none.body()).getAsJsonObject()));
        HttpResponse<String> wrong = post("auth.test", "application/x-www-form-urlencoded", "", "xoxp-other");
        assertEquals("invalid_auth", error(JsonParser.parseString(wrong.body()).getAsJsonObject()));
        assertEquals("unknown_method", error(form("admin.users.nothing", "")));
        assertEquals("invalid_json", error(JsonParser.parseString(
                post("auth.test", "application/json", "{nope", TOKEN).body()).getAsJsonObject()));
    }

    @Test
    void sessionListNeedsUserAndTeamTogetherOrListsTheWholeOrg() throws Exception {
        assertEquals("missing_team", error(form("admin.users.session.list", "user_id=" + jane)));
        assertEquals("missing_user", error(form("admin.users.session.list", "team_id=T01HQCONTO")));
        assertEquals("team_not_found", error(form("admin.users.session.list", "user_id=" + jane + "&team_id=T0NOPE")));
        assertEquals("invalid_cursor", error(form("admin.users.session.list", "cursor=bm9wZQ==")));
        assertEquals("invalid_arguments", error(form("admin.users.list", "limit=101")));

        Set<String> users = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonObject page = form("admin.users.session.list", "limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            for (JsonElement s : page.getAsJsonArray("active_sessions")) users.add(s.getAsJsonObject().get("user_id").getAsString());
            cursor = page.getAsJsonObject("response_metadata").get("next_cursor").getAsString();
            pages++;
        } while (!cursor.isEmpty() && pages < 10);
        assertTrue(users.size() > 20, "neither id: every session of the org, " + users.size() + " users");
    }

    @Test
    void resetMobileOnlyKeepsWebAndDesktopSessions() throws Exception {
        Seed.Person mixed = sim.seed().peopleIn(ProviderKind.SLACK).stream()
                .filter(p -> !p.bot() && !p.primaryOwner() && p.slackWorkspaces().size() == 1)
                .filter(p -> p.devices().stream().anyMatch(d -> mobile(d.os())) && p.devices().stream().anyMatch(d -> !mobile(d.os())))
                .findFirst().orElseThrow();
        String id = SlackSimulator.userIdOf(mixed);
        assertEquals("invalid_arguments", error(form("admin.users.session.reset", "user_id=" + id + "&web_only=true&mobile_only=true")));
        assertTrue(form("admin.users.session.reset", "user_id=" + id + "&mobile_only=true").get("ok").getAsBoolean());
        JsonArray left = form("admin.users.session.list", "user_id=" + id + "&team_id=" + mixed.slackWorkspaces().get(0))
                .getAsJsonArray("active_sessions");
        assertEquals(mixed.devices().stream().filter(d -> !mobile(d.os())).count(), left.size());
        for (JsonElement s : left) assertFalse(mobile(s.getAsJsonObject().getAsJsonObject("created").get("os").getAsString()));
    }

    @Test
    void lookupByEmailKnowsPrimaryAddressesOnlyAndAdminListFiltersByTeamAndState() throws Exception {
        assertEquals("users_not_found", error(form("users.lookupByEmail", "email=jdoe%40contoso.com")));
        JsonObject user = form("users.lookupByEmail", "email=jane.doe%40contoso.com").getAsJsonObject("user");
        assertEquals(jane, user.get("id").getAsString());
        assertEquals(2, user.getAsJsonObject("enterprise_user").getAsJsonArray("teams").size());
        JsonArray eng = form("admin.users.list", "team_id=T02ENGCONT&limit=100").getAsJsonArray("users");
        for (JsonElement u : eng) {
            assertTrue(u.getAsJsonObject().getAsJsonArray("workspaces").toString().contains("T02ENGCONT"));
        }
        assertEquals(0, form("admin.users.list", "is_active=false").getAsJsonArray("users").size());
    }

    @Test
    void tierBudgetsAnswer429WithRetryAfterInSlacksShape() throws Exception {
        SlackSimulator slack = (SlackSimulator) sim.api(ProviderKind.SLACK);
        slack.tierLimit(SlackSimulator.Tier.TIER_3, 1, Duration.ofSeconds(30));
        try {
            assertTrue(form("users.lookupByEmail", "email=jane.doe%40contoso.com").get("ok").getAsBoolean());
            HttpResponse<String> limited = post("users.lookupByEmail", "application/x-www-form-urlencoded",
                    "email=jane.doe%40contoso.com", TOKEN);
            assertEquals(429, limited.statusCode());
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 29 && retryAfter <= 30, "Retry-After " + retryAfter);
            assertEquals("ratelimited", error(JsonParser.parseString(limited.body()).getAsJsonObject()));
            // Budgets are per method: the other methods keep theirs.
            assertTrue(form("admin.users.list", "limit=1").get("ok").getAsBoolean());
        } finally {
            for (SlackSimulator.Tier tier : SlackSimulator.Tier.values()) {
                slack.tierLimit(tier, tier.defaultPerMinute(), Duration.ofMinutes(1));
            }
        }
    }

    private static boolean mobile(String os) {
        String o = os == null ? "" : os.toLowerCase(Locale.ROOT);
        return o.equals("ios") || o.equals("android");
    }
}
