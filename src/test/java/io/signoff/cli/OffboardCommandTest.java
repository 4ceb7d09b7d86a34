package io.signoff.cli;

import static io.signoff.cli.CliHarness.assertDocumented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.ProviderOptions;
import io.signoff.offboarding.TemplateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffboardCommandTest {
    static final String JANE = LookupCommandTest.JANE;
    /** Slack, Cloudflare and Lucid (whose logout is manual), plus a custom manual step: no CIPP job to wait for. */
    static final String OPTIONS = """
            {
              "reference": "HR-1234",
              "byConnection": {
                "demo-slack": { "revokeSessions": true, "deactivate": true },
                "cloudflare": { "revokeSessions": true, "revoke": { "includeDevices": true } },
                "scim":       { "manualLogout": true }
              },
              "customSteps": [ { "title": "Collect the laptop", "instruction": "Ask the manager to hand it to IT" } ]
            }
            """;

    /** Leaves Microsoft 365 out where a test is not about it: a miss on each CIPP tenant costs the simulator a second. */
    static final String[] NO_CIPP = {"--connection", "demo-slack", "--connection", "demo-cloudflare", "--connection", "demo-lucid"};

    @TempDir
    Path dir;
    CliHarness cli;
    Path options;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(dir);
        options = dir.resolve("leaver.json");
        Files.writeString(options, OPTIONS);
    }

    @Test
    void thePlanListsTheChecklistAndChangesNothing() throws Exception {
        CliHarness.Result human = cli.demo("offboard", JANE, "--options", options.toString());
        assertEquals(0, human.exit(), human::toString);
        assertTrue(human.out().startsWith("Plan: 5 steps for 1 person, reference HR-1234 — nothing has been called."), human::toString);
        assertTrue(human.out().contains("call:    admin.users.session.reset {user_id: WSIM00001}"), human::toString);
        assertTrue(human.out().contains("by hand: Admin panel → Users → Log out user"), human::toString);

        CliHarness.Result json = cli.demo(args("offboard", JANE, "--options", options.toString(), "--plan", "--json"));
        assertEquals(0, json.exit(), json::toString);
        Set<String> seen = assertDocumented("run", json.json());
        assertTrue(seen.containsAll(Set.of("run.people[]", "run.guardrails[]", "run.steps[]", "run.progress")), seen::toString);
        JsonObject plan = json.json();
        assertEquals("plan", plan.get("mode").getAsString());
        assertTrue(plan.get("runId").isJsonNull());
        assertEquals("planned", plan.get("state").getAsString());
        assertEquals(List.of("revoke-sessions", "revoke-sessions", "manual", "deactivate", "manual"), field(plan.getAsJsonArray("steps"), "action")
                .subList(0, 5));
        field(plan.getAsJsonArray("steps"), "status").forEach(s -> assertEquals("planned", s));

        assertEquals(List.of(), cli.audit(true), "a plan writes no audit row");
        assertEquals(0, journalledRuns(), "a plan journals no run");
    }

    @Test
    void aRunGoesThroughTheJournalAndManualStepsAreAttestedByLaterCommands() throws Exception {
        CliHarness.Result run = cli.demo(args("offboard", JANE, "--options", options.toString(), "--run", "--json"));
        assertEquals(0, run.exit(), run::toString);
        Set<String> seen = assertDocumented("run", run.json());
        assertTrue(seen.contains("run.pendingAttestations[]"), seen::toString);
        JsonObject started = run.json();
        String runId = started.get("runId").getAsString();
        assertEquals("run", started.get("mode").getAsString());
        assertEquals("needs-attention", started.get("state").getAsString());
        assertEquals("cli", started.get("channel").getAsString());
        Map<String, String> status = statusById(started);
        assertEquals(Map.of("s01", "verified", "s02", "verified", "s03", "awaiting-attestation", "s04", "verified",
                "s05", "awaiting-attestation"), status.entrySet().stream().filter(e -> !e.getKey().equals("s06"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(List.of("s03", "s05"), field(started.getAsJsonArray("pendingAttestations"), "stepId"));
        assertTrue(started.getAsJsonArray("pendingAttestations").get(0).getAsJsonObject().get("command").getAsString()
                .startsWith("signoff attest " + runId + " s03 --note "));

        CliHarness.Result notManual = cli.demo("attest", runId, "s01", "--note", "done");
        assertEquals(2, notManual.exit(), notManual::toString);
        assertTrue(notManual.err().contains("step s01 is verified, not awaiting attestation (it is not a manual step)"), notManual::toString);

        CliHarness.Result first = cli.demo("attest", runId, "s03", "--note", "Logged out in Lucid admin by Ann, 10:05");
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().startsWith("Attested s03 (Log the user out (by hand))."), first::toString);
        assertTrue(first.out().contains("Pending attestations"), "s05 still waits: " + first);

        CliHarness.Result last = cli.demo("attest", runId, "s05", "--note", "Laptop handed to IT by the manager", "--json");
        assertEquals(0, last.exit(), last::toString);
        assertDocumented("run", last.json());
        assertEquals("finished", last.json().get("state").getAsString());
        assertEquals("attest", last.json().get("mode").getAsString());
        assertEquals(0, last.json().getAsJsonArray("pendingAttestations").size());

        CliHarness.Result again = cli.demo("offboard", "--resume", runId);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().startsWith("Run " + runId + ": finished — "), again::toString);

        List<CliHarness.AuditRow> rows = cli.audit(true);
        rows.forEach(r -> assertEquals("cli", r.channel(), r::toString));
        rows.forEach(r -> assertEquals(runId, r.runId(), r::toString));
        assertTrue(rows.stream().anyMatch(r -> r.outcome().equals("attested") && "s03".equals(r.stepId())
                && r.message().equals("Logged out in Lucid admin by Ann, 10:05")), rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.outcome().equals("verified") && "demo-slack".equals(r.connection())), rows::toString);
    }

    @Test
    void attestNamesWhatDoesNotExist() {
        CliHarness.Result noRun = cli.demo("attest", "run-nope", "s01", "--note", "x");
        assertEquals(3, noRun.exit(), noRun::toString);
        assertTrue(noRun.err().contains("attest: no run 'run-nope' in the journal"), noRun::toString);

        CliHarness.Result noNote = cli.demo("attest", "run-nope", "s01");
        assertEquals(2, noNote.exit(), noNote::toString);
        assertTrue(noNote.err().contains("Missing required option: '--note=TEXT'"), noNote::toString);

        CliHarness.Result noResume = cli.demo("offboard", "--resume", "run-nope");
        assertEquals(3, noResume.exit(), noResume::toString);
    }

    @Test
    void aBadOptionsFileOrCommandLineIsRefusedWithWhereTheProblemIs() throws Exception {
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"byConnection\": {\"demo-slack\": {\"revokeSesions\": true}}}");
        CliHarness.Result r = cli.demo("offboard", JANE, "--options", typo.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--options: typo.json: byConnection.demo-slack.revokeSesions: unknown key"), r::toString);

        Files.writeString(typo, "{\"byConnection\": {\"okta\": {}}}");
        r = cli.demo("offboard", JANE, "--options", typo.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("byConnection.okta: neither a configured connection id nor a kind"), r::toString);

        Files.writeString(typo, "{\"byConnection\": ");
        assertEquals(2, cli.demo("offboard", JANE, "--options", typo.toString()).exit());

        CliHarness.Result both = cli.demo("offboard", JANE, "--options", options.toString(), "--template", "x");
        assertEquals(2, both.exit(), both::toString);
        assertTrue(both.err().contains("--template NAME or with --options FILE (one of them)"), both::toString);

        CliHarness.Result twoModes = cli.demo("offboard", JANE, "--options", options.toString(), "--plan", "--run");
        assertEquals(2, twoModes.exit(), twoModes::toString);

        CliHarness.Result resumeWithPeople = cli.demo("offboard", JANE, "--resume", "run-1");
        assertEquals(2, resumeWithPeople.exit(), resumeWithPeople::toString);

        CliHarness.Result noTemplate = cli.demo("offboard", JANE, "--template", "Leaver");
        assertEquals(2, noTemplate.exit(), noTemplate::toString);
        assertTrue(noTemplate.err().contains("no template 'Leaver'; none is saved"), noTemplate::toString);
        assertEquals(List.of(), cli.audit(true));
    }

    @Test
    void aTemplateSavedInTheConsoleIsUsedByName() throws Exception {
        Map<String, ProviderOptions> byConnection = new LinkedHashMap<>();
        byConnection.put("demo-slack", ProviderOptions.none().withDeactivate(true));
        new TemplateStore(cli.config).save(new OptionsTemplate("Leaver — Slack only", null,
                new OffboardingOptions(byConnection, List.of(), "from the template"), null));
        CliHarness.Result r = cli.demo(args("offboard", JANE, "--template", "leaver — slack only", "--reference", "HR-9",
                "--json", "--quiet"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals("HR-9", r.json().get("reference").getAsString());
        assertEquals(List.of("deactivate"), field(r.json().getAsJsonArray("steps"), "action"));
        assertEquals("", r.err());
    }

    @Test
    void aScheduledRunWaitsForItsTimeAndPastTimesAreRefused() throws Exception {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CliHarness.Result r = cli.demo(args("offboard", JANE, "--options", options.toString(), "--schedule", tomorrow.toString(), "--json"));
        assertEquals(0, r.exit(), r::toString);
        assertDocumented("run", r.json());
        assertEquals("scheduled", r.json().get("state").getAsString());
        assertEquals(tomorrow.toString(), r.json().get("scheduledAt").getAsString());
        String runId = r.json().get("runId").getAsString();

        CliHarness.Result early = cli.demo("offboard", "--resume", runId);
        assertEquals(2, early.exit(), early::toString);
        assertTrue(early.err().contains("is scheduled for"), early::toString);

        CliHarness.Result past = cli.demo(args("offboard", JANE, "--options", options.toString(), "--schedule", "2020-01-01T09:00"));
        assertEquals(2, past.exit(), past::toString);
        assertTrue(past.err().contains("--schedule: Choose a time in the future"), past::toString);

        CliHarness.Result notADate = cli.demo("offboard", JANE, "--options", options.toString(), "--schedule", "tomorrow");
        assertEquals(2, notADate.exit(), notADate::toString);
        assertTrue(notADate.err().contains("'tomorrow' is not a date and time"), notADate::toString);
    }

    @Test
    void nobodyFoundAnywhereExitsThree() {
        CliHarness.Result r = cli.demo(args("offboard", "nobody@contoso.com", "--options", options.toString()));
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("offboard: no account for nobody@contoso.com on any connection"), r::toString);
        assertFalse(r.out().contains("Plan:"), r::toString);
    }

    private static String[] args(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(NO_CIPP));
        return all.toArray(String[]::new);
    }

    private int journalledRuns() throws Exception {
        Path db = cli.data.resolve("demo").resolve("audit.db");
        if (!Files.exists(db)) return 0;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM offboarding_runs")) {
            return rs.getInt(1);
        }
    }

    private static Map<String, String> statusById(JsonObject run) {
        Map<String, String> out = new LinkedHashMap<>();
        run.getAsJsonArray("steps").forEach(s -> out.put(s.getAsJsonObject().get("id").getAsString(),
                s.getAsJsonObject().get("status").getAsString()));
        return out;
    }

    static List<String> field(JsonArray array, String name) {
        return array.asList().stream().map(e -> e.getAsJsonObject().get(name).getAsString()).toList();
    }
}
