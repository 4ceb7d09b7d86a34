package io.signoff.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.LogCapture;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.SessionVault;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host without a keychain: real settings (no --demo) with one Slack connection to a simulator this test runs, whose
 * token only ever arrives on standard input. Proves it is used, and that it shows up nowhere: output, logs, audit.
 */
class SecretStdinTest {
    static final String JANE = LookupCommandTest.JANE;

    @TempDir
    Path dir;
    CliHarness cli;
    SimulatorServer sim;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(dir);
        sim = Simulators.startDemo(0, 42);
        token = sim.credentials().slackToken();
        SettingsStore settings = SettingsStore.open(cli.config, new ConnectionSecrets(new SessionVault(), new SessionVault()));
        settings.saveConnection(new Connection("slack-test", ProviderKind.SLACK, "Test Grid",
                sim.baseUrl(ProviderKind.SLACK).toString(), Map.of(), null));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    @Test
    void theSecretFromStandardInputIsUsedForThisProcessAndAppearsNowhere() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            CliHarness.Result list = cli.run(CliHarness.script(token + "\r\n"), cli.withDirs("connections", "--secret-stdin", "slack-test"));
            assertEquals(0, list.exit(), list::toString);
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith("slack-test") && l.endsWith("this session only")), list::toString);

            CliHarness.Result revoke = cli.run(CliHarness.script(token + "\n"),
                    cli.withDirs("revoke", JANE, "--yes", "--secret-stdin", "slack-test"));
            assertEquals(0, revoke.exit(), revoke::toString);
            assertTrue(revoke.out().contains("1 of 1 verified"), revoke::toString);
            assertTrue(sim.calls().entries(ProviderKind.SLACK).stream().map(CallLog.Entry::effect).anyMatch(Objects::nonNull),
                    "the revoke reached the provider");

            for (CliHarness.Result r : List.of(list, revoke)) assertFalse(r.all().contains(token), r::toString);
            logs.lines().forEach(l -> assertFalse(l.contains(token), l));
            List<CliHarness.AuditRow> rows = cli.audit(false);
            assertEquals(3, rows.size(), rows::toString);
            rows.forEach(r -> assertEquals("cli", r.channel()));
            rows.forEach(r -> assertFalse(r.toString().contains(token), r::toString));
            assertFalse(Files.readString(cli.config.resolve(SettingsStore.FILE_NAME)).contains(token), "never saved");
        }
    }

    @Test
    void withoutItTheMissingSecretIsTheReasonAndExitIsOne() {
        CliHarness.Result r = cli.run(CliHarness.script(""), cli.withDirs("lookup", JANE));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("lookup: Test Grid (slack-test): error: "), r::toString);
    }

    @Test
    void anEmptyInputOrAnUnknownConnectionIsABadCommandLine() {
        CliHarness.Result empty = cli.run(CliHarness.script("\n"), cli.withDirs("lookup", JANE, "--secret-stdin", "slack-test"));
        assertEquals(2, empty.exit(), empty::toString);
        assertTrue(empty.err().contains("--secret-stdin: standard input held no secret for slack-test"), empty::toString);

        CliHarness.Result unknown = cli.run(CliHarness.script(token), cli.withDirs("lookup", JANE, "--secret-stdin", "slack-prod"));
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("--secret-stdin: no connection 'slack-prod' is configured; configured: slack-test"), unknown::toString);
        assertTrue(sim.calls().entries().isEmpty(), "nothing was called");
    }

    @Test
    void onATerminalTheSecretIsAskedForAndAPlanCallsNothingThatChangesAnything() throws Exception {
        Path options = dir.resolve("slack.json");
        Files.writeString(options, "{\"byConnection\": {\"slack\": {\"revokeSessions\": true, \"deactivate\": true}}}");
        CliHarness.Typist operator = new CliHarness.Typist(token);
        CliHarness.Result plan = cli.run(operator, cli.withDirs("offboard", JANE, "--options", options.toString(),
                "--secret-stdin", "slack-test"));
        assertEquals(0, plan.exit(), plan::toString);
        assertEquals(List.of("Secret of connection slack-test: "), operator.prompts);
        assertTrue(plan.out().contains("admin.users.deactivate {user_id: WSIM00001}"), plan::toString);
        assertFalse(sim.calls().entries().isEmpty(), "the person was searched");
        sim.calls().entries().forEach(e -> assertEquals(null, e.effect(), "a plan changed something: " + e));
    }

    @Test
    void onlyTheFirstLineIsTheSecretWithoutItsLineEnd() throws Exception {
        assertArrayEquals("s3cr3t value".toCharArray(), SystemTerminal.firstLine(new StringReader("s3cr3t value\r\nsecond line")));
        assertArrayEquals("tail".toCharArray(), SystemTerminal.firstLine(new StringReader("tail")));
        assertArrayEquals(new char[0], SystemTerminal.firstLine(new StringReader("")));
    }
}
