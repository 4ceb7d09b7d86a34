package io.signoff.cli;

import static io.signoff.cli.CliHarness.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevokeCommandTest {
    static final String JANE = LookupCommandTest.JANE;

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void withoutATerminalItRefusesToRunWithoutYesAndCallsNothing() throws Exception {
        CliHarness.Result r = cli.demo("revoke", JANE);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("revoke: refusing to revoke without --yes: standard input is not a terminal"), r::toString);
        assertEquals("", r.out());
        assertFalse(Files.exists(cli.data), "refused before anything was opened, searched or called");
        assertEquals(List.of(), cli.audit(true));
    }

    @Test
    void aScriptRevokesEverywhereVerifiesPerProviderAndAuditsAsCli() throws Exception {
        CliHarness.Result r = cli.demo("revoke", JANE, "--yes", "--json");
        assertEquals(0, r.exit(), r::toString);
        Set<String> seen = assertDocumented("revoke", r.json());
        assertTrue(seen.containsAll(Set.of("revoke.calls[]", "revoke.verifications[]", "revoke.manualSteps[]")), seen::toString);
        JsonObject json = r.json();
        assertEquals("everywhere", json.get("reach").getAsString());
        assertTrue(json.get("allVerified").getAsBoolean());
        assertEquals(Map.of("demo-cipp", "verified", "demo-slack", "verified", "demo-cloudflare", "verified", "demo-lucid", "manual"),
                byConnection(json.getAsJsonArray("verifications"), "state"));
        assertEquals(List.of("succeeded", "succeeded", "succeeded"), json.getAsJsonArray("calls").asList().stream()
                .map(c -> c.getAsJsonObject().get("state").getAsString()).toList());

        String runId = json.get("runId").getAsString();
        List<CliHarness.AuditRow> rows = cli.audit(true);
        assertEquals(9, rows.size(), rows::toString);
        String operator = System.getProperty("user.name");
        for (CliHarness.AuditRow row : rows) {
            assertEquals("cli", row.channel(), row::toString);
            assertTrue(row.operator().startsWith(operator), row::toString);
            assertEquals(runId, row.runId(), row::toString);
            assertEquals(JANE, row.target(), row::toString);
        }
        Map<String, List<String>> outcomes = rows.stream().collect(Collectors.groupingBy(CliHarness.AuditRow::connection,
                TreeMap::new, Collectors.mapping(row -> row.action() + ":" + row.outcome(), Collectors.toList())));
        List<String> expected = List.of("revoke_all_sessions:attempted", "revoke_all_sessions:succeeded",
                "revoke_all_sessions:verified");
        assertEquals(Map.of("demo-cipp", expected, "demo-slack", expected, "demo-cloudflare", expected), outcomes);
    }

    @Test
    void atATerminalTheOperatorMustTypeThePersonsAddress() throws Exception {
        CliHarness.Typist wrong = new CliHarness.Typist("jane@contoso.com");
        CliHarness.Result refused = cli.run(wrong, cli.withDemo("revoke", JANE, "--provider", "slack"));
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.out().startsWith("End all sessions of Jane Doe (jane.doe@contoso.com) in Contoso Grid (Slack)"), refused::toString);
        assertTrue(refused.err().contains("revoke: not confirmed: nothing was revoked."), refused::toString);
        assertEquals(List.of("Type the person's address (jane.doe@contoso.com) to confirm: "), wrong.prompts);
        assertEquals(List.of(), cli.audit(true), "nothing was called or recorded");

        CliHarness.Typist right = new CliHarness.Typist("  Jane.Doe@Contoso.com ");
        CliHarness.Result done = cli.run(right, cli.withDemo("revoke", JANE, "--provider", "slack"));
        assertEquals(0, done.exit(), done::toString);
        assertTrue(done.out().contains("1 of 1 verified"), done::toString);
        assertTrue(done.out().lines().anyMatch(l -> l.matches("\\s+Contoso Grid \\(Slack\\)\\s+jane\\.doe@contoso\\.com\\s+succeeded"
                + "\\s+verified\\s+No session is listed any more")), done::toString);
        assertTrue(done.out().contains("Tokens already issued may keep working for a while:"), done::toString);
        assertEquals(Set.of("demo-slack"), cli.audit(true).stream().map(CliHarness.AuditRow::connection).collect(Collectors.toSet()));
    }

    @Test
    void oneSessionWhereTheProviderCanEndItAlone() throws Exception {
        CliHarness.Result r = cli.demo("revoke", JANE, "--session", "1000002", "--yes", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertDocumented("revoke", r.json());
        assertEquals("one-session", r.json().get("reach").getAsString());
        JsonArray calls = r.json().getAsJsonArray("calls");
        assertEquals(1, calls.size());
        assertEquals("revoke_session", calls.get(0).getAsJsonObject().get("action").getAsString());
        assertEquals("1000002", calls.get(0).getAsJsonObject().get("sessionId").getAsString());
        assertTrue(r.json().get("allVerified").getAsBoolean(), r::toString);
        assertEquals(List.of("revoke_session:attempted", "revoke_session:succeeded", "revoke_session:verified"),
                cli.audit(true).stream().map(row -> row.action() + ":" + row.outcome()).toList());
    }

    @Test
    void whereNoApiCanEndSessionsTheManualStepIsTheAnswer() throws Exception {
        CliHarness.Result r = cli.demo("revoke", JANE, "--provider", "scim", "--yes", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertDocumented("revoke", r.json());
        assertTrue(r.json().get("runId").isJsonNull());
        assertEquals(0, r.json().getAsJsonArray("calls").size());
        assertEquals(Map.of("demo-lucid", "manual"), byConnection(r.json().getAsJsonArray("verifications"), "state"));
        assertTrue(r.json().getAsJsonArray("manualSteps").get(0).getAsJsonObject().get("instruction").getAsString()
                .contains("Log out user"), r::toString);
        assertEquals(List.of(), cli.audit(true), "nothing was called");
    }

    @Test
    void impossibleOrUnknownTargetsAreRefusedOrNotFound() throws Exception {
        CliHarness.Result sessions = cli.demo("sessions", JANE, "--json");
        String cippSession = sessions.json().getAsJsonArray("accounts").get(0).getAsJsonObject()
                .getAsJsonArray("sessions").get(0).getAsJsonObject().get("id").getAsString();
        CliHarness.Result alone = cli.demo("revoke", JANE, "--session", cippSession, "--yes");
        assertEquals(2, alone.exit(), alone::toString);
        assertTrue(alone.err().contains("Demo MSP (CIPP) cannot end one session alone: end all of the person's sessions there"
                + " with --provider demo-cipp"), alone::toString);

        CliHarness.Result noSuchSession = cli.demo("revoke", JANE, "--session", "nope-123", "--provider", "demo-slack", "--yes");
        assertEquals(3, noSuchSession.exit(), noSuchSession::toString);
        assertTrue(noSuchSession.err().contains("no session 'nope-123'"), noSuchSession::toString);

        CliHarness.Result badProvider = cli.demo("revoke", JANE, "--provider", "okta", "--yes");
        assertEquals(2, badProvider.exit(), badProvider::toString);
        assertTrue(badProvider.err().contains("'okta' is neither a connection id nor a kind"), badProvider::toString);
        assertEquals(List.of(), cli.audit(true));
    }

    private static Map<String, String> byConnection(JsonArray array, String field) {
        return array.asList().stream().map(e -> e.getAsJsonObject()).collect(Collectors.toMap(
                o -> o.get("connectionId").getAsString(), o -> o.get(field).getAsString()));
    }
}
