package io.signoff.cli;

import static io.signoff.cli.CliHarness.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.signoff.simulator.SimCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsCommandTest {
    @TempDir
    Path dir;
    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void listsTheConnectionsInAlignedColumnsWithWhereTheSecretIsButNeverTheSecret() {
        CliHarness.Result r = cli.demo("connections");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("ID  "), r::toString);
        assertAligned(lines);
        assertTrue(lines.get(2).matches("demo-slack\\s+slack\\s+Contoso Grid \\(Slack\\)\\s+http://127\\.0\\.0\\.1:\\d+/slack\\s+this session only"),
                lines.get(2));
        SimCredentials secrets = SimCredentials.demo();
        for (String secret : List.of(secrets.slackToken(), secrets.cippClientSecret(), secrets.cloudflareToken(), secrets.scimToken())) {
            assertFalse(r.all().contains(secret), "a secret in the output: " + r);
        }
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        CliHarness.Result r = cli.demo("connections", "--json");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(assertDocumented("connections", r.json()).contains("connections.connections[]"));
        JsonArray list = r.json().getAsJsonArray("connections");
        assertEquals(List.of("demo-cipp", "demo-slack", "demo-cloudflare", "demo-lucid"), ids(list, "id"));
        assertEquals("session-only", list.get(0).getAsJsonObject().get("secret").getAsString());
        assertEquals("scim", list.get(3).getAsJsonObject().get("kind").getAsString());
    }

    @Test
    void testsEveryConnectionOrOneAndNamesTheKnownOnesForATypo() throws Exception {
        CliHarness.Result all = cli.demo("connections", "test", "--json");
        assertEquals(0, all.exit(), all::toString);
        assertDocumented("connections-test", all.json());
        JsonArray results = all.json().getAsJsonArray("results");
        assertEquals(4, results.size());
        results.forEach(t -> assertTrue(t.getAsJsonObject().get("ok").getAsBoolean(), t.toString()));

        CliHarness.Result one = cli.demo("connections", "test", "demo-lucid");
        assertEquals(0, one.exit(), one::toString);
        assertTrue(one.out().contains("demo-lucid") && one.out().contains("Connected as"), one::toString);
        assertFalse(one.out().contains("demo-slack"), one::toString);

        CliHarness.Result typo = cli.demo("connections", "test", "demo-lucyd");
        assertEquals(2, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("connections test: no connection 'demo-lucyd'; configured: demo-cipp, demo-slack"), typo::toString);
    }

    @Test
    void withNothingConfiguredTheListSaysSoAndWorkFailsWithoutFallingBackToTheDemo() {
        CliHarness.Result list = cli.run(CliHarness.script(""), cli.withDirs("connections"));
        assertEquals(0, list.exit(), list::toString);
        assertTrue(list.out().startsWith("No connection is configured."), list::toString);

        CliHarness.Result lookup = cli.run(CliHarness.script(""), cli.withDirs("lookup", "jane.doe@contoso.com"));
        assertEquals(1, lookup.exit(), lookup::toString);
        assertTrue(lookup.err().contains("lookup: no connection is configured"), lookup::toString);
        assertTrue(lookup.err().contains("--demo"), lookup::toString);
    }

    /** Every column starts at the same place on every line: two spaces before it, text at its first character. */
    static void assertAligned(List<String> lines) {
        String header = lines.get(0);
        List<Integer> starts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=  )\\S").matcher(header);
        while (m.find()) starts.add(m.start());
        assertFalse(starts.isEmpty(), header);
        for (String line : lines.subList(1, lines.size())) {
            for (int s : starts) {
                assertTrue(line.length() > s && line.charAt(s - 1) == ' ' && line.charAt(s - 2) == ' ' && line.charAt(s) != ' ',
                        () -> "column at " + s + " not aligned:\n" + header + "\n" + line);
            }
        }
    }

    static List<String> ids(JsonArray array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : array) out.add(e.getAsJsonObject().get(field).getAsString());
        return out;
    }
}
