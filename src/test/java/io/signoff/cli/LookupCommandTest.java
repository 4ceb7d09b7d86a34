package io.signoff.cli;

import static io.signoff.cli.CliHarness.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.signoff.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupCommandTest {
    static final String JANE = "jane.doe@contoso.com";

    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void findsAPersonOnEveryConnectionAndExitsZero() {
        CliHarness.Result r = cli.demo("lookup", JANE);
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals("Jane Doe <jane.doe@contoso.com>", lines.get(0));
        assertEquals(4, lines.stream().filter(l -> l.startsWith("  ") && l.contains(JANE)).count(), r::toString);
        int table = lines.indexOf(lines.stream().filter(l -> l.startsWith("CONNECTION ")).findFirst().orElseThrow());
        List<String> connections = lines.subList(table, table + 5);
        ConnectionsCommandTest.assertAligned(connections);
        connections.subList(1, 5).forEach(l -> assertTrue(l.endsWith("found 1"), l));
    }

    @Test
    void jsonHasTheDocumentedFieldsForSeveralPeople() throws Exception {
        CliHarness.Result r = cli.demo("lookup", JANE, "Omar.Haddad@contoso.com", "--json");
        assertEquals(0, r.exit(), r::toString);
        Set<String> seen = assertDocumented("lookup", r.json());
        assertTrue(seen.containsAll(Set.of("lookup", "lookup.people[]", "lookup.people[].accounts[]", "lookup.connections[]")), seen::toString);
        JsonObject json = r.json();
        assertEquals(List.of(JANE, "omar.haddad@contoso.com"), strings(json.getAsJsonArray("found")));
        assertEquals(List.of(), strings(json.getAsJsonArray("notFound")));
        assertEquals(2, json.getAsJsonArray("people").size());
        JsonObject account = json.getAsJsonArray("people").get(0).getAsJsonObject().getAsJsonArray("accounts").get(0).getAsJsonObject();
        assertEquals("enabled", account.get("status").getAsString());
        assertEquals("found", json.getAsJsonArray("connections").get(0).getAsJsonObject().get("state").getAsString());
    }

    @Test
    void anAddressFoundNowhereExitsThree() throws Exception {
        CliHarness.Result r = cli.demo("lookup", JANE, "nobody@contoso.com", "--connection", "demo-slack", "--connection", "demo-lucid");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("Found nowhere: nobody@contoso.com"), r::toString);

        // A few connections are enough here: a miss on each CIPP tenant costs the simulator a second (500s retried).
        CliHarness.Result json = cli.demo("lookup", "nobody@contoso.com", "--connection", "demo-slack", "--json", "--quiet");
        assertEquals(3, json.exit(), json::toString);
        assertEquals(List.of("nobody@contoso.com"), strings(json.json().getAsJsonArray("notFound")));
        assertEquals(0, json.json().getAsJsonArray("people").size());
        assertEquals("", json.err(), "--quiet leaves standard error empty");
    }

    @Test
    void somethingThatIsNotAnAddressIsABadCommandLineBeforeAnythingStarts() {
        CliHarness.Result r = cli.demo("lookup", "jane.doe");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("lookup: not an email address: jane.doe"), r::toString);
        assertFalse(Files.exists(cli.data), "nothing was opened");
    }

    @Test
    void connectionsNarrowTheSearchAndAnUnknownOneIsNamed() throws Exception {
        CliHarness.Result r = cli.demo("lookup", JANE, "--connection", "demo-slack", "--connection", "demo-lucid", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertDocumented("lookup", r.json());
        assertEquals(List.of("demo-slack", "demo-lucid"), ConnectionsCommandTest.ids(r.json().getAsJsonArray("connections"), "id"));

        CliHarness.Result unknown = cli.demo("lookup", JANE, "--connection", "demo-okta");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("--connection: no connection 'demo-okta'; configured: demo-cipp"), unknown::toString);
    }

    @Test
    void aConnectionThatCannotBeAskedExitsOneWithItsReasonAndTheSecretFromStdinIsNeverShown() {
        String wrongSecret = "Plain-Wrong-Secret-4711";
        try (LogCapture logs = new LogCapture()) {
            CliHarness.Result r = cli.run(CliHarness.script(wrongSecret + "\n"),
                    cli.withDemo("lookup", JANE, "--secret-stdin", "demo-slack", "--connection", "demo-slack", "--connection", "demo-lucid"));
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.out().contains("error: "), r::toString);
            assertTrue(r.err().contains("lookup: Contoso Grid (Slack) (demo-slack): error: "), r::toString);
            assertTrue(r.out().lines().anyMatch(l -> l.matches("Lucid\\s+demo-lucid\\s+found 1")), "the others still answer: " + r);
            assertFalse(r.all().contains(wrongSecret), r::toString);
            logs.lines().forEach(l -> assertFalse(l.contains(wrongSecret), l));
        }
    }

    @Test
    void sessionsListsEverySessionWithTheDocumentedFields() throws Exception {
        CliHarness.Result r = cli.demo("sessions", JANE, "--json");
        assertEquals(0, r.exit(), r::toString);
        Set<String> seen = assertDocumented("sessions", r.json());
        assertTrue(seen.contains("sessions.accounts[].sessions[]"), seen::toString);
        JsonObject json = r.json();
        assertEquals(12, json.get("sessionCount").getAsInt());
        JsonArray accounts = json.getAsJsonArray("accounts");
        JsonObject lucid = accounts.get(3).getAsJsonObject();
        assertEquals("demo-lucid", lucid.get("connectionId").getAsString());
        assertTrue(lucid.get("manualInstruction").getAsString().contains("Log out user"), lucid::toString);
        assertTrue(lucid.get("canRevokeAll").isJsonPrimitive() && !lucid.get("canRevokeAll").getAsBoolean());
        JsonObject slack = accounts.get(1).getAsJsonObject();
        assertTrue(slack.get("canRevokeOne").getAsBoolean());
        assertEquals("loaded", slack.get("state").getAsString());

        CliHarness.Result human = cli.demo("sessions", JANE);
        assertEquals(0, human.exit(), human::toString);
        assertTrue(human.out().startsWith("Jane Doe <jane.doe@contoso.com> — 12 sessions on 4 accounts"), human::toString);
        assertTrue(human.out().contains("No API — manual step: Admin panel → Users → Log out user"), human::toString);
    }

    @Test
    void sessionsOfSomeoneFoundNowhereExitThree() {
        CliHarness.Result r = cli.demo("sessions", "nobody@contoso.com");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("sessions: no account for nobody@contoso.com on any connection"), r::toString);
    }

    static List<String> strings(JsonArray array) {
        return array.asList().stream().map(e -> e.getAsString()).toList();
    }
}
