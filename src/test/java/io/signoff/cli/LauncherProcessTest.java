package io.signoff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.SessionVault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in its own JVM, as a script runs it: {@code io.signoff.Launcher} (what app/signoff and the
 * packaged app start) with a pipe for standard input, so System.console() is null as under cron. Proves the exit codes
 * reach the shell and a secret piped in works and is written nowhere.
 */
class LauncherProcessTest {
    @TempDir
    Path dir;

    record Exit(int code, String out, String err) { }

    @Test
    void aScriptGetsJsonAndExitCodesAndIsRefusedARevokeWithoutYes() throws Exception {
        List<String> dirs = List.of("--demo", "--config-dir", dir.resolve("config").toString(), "--data-dir", dir.resolve("data").toString());
        Exit refused = launch(null, concat(List.of("revoke", LookupCommandTest.JANE), dirs));
        assertEquals(2, refused.code(), refused::toString);
        assertTrue(refused.err().contains("revoke: refusing to revoke without --yes: standard input is not a terminal"), refused::toString);

        Exit lookup = launch(null, concat(List.of("lookup", LookupCommandTest.JANE, "nobody@contoso.com", "--connection", "demo-slack",
                "--json", "--quiet"), dirs));
        assertEquals(3, lookup.code(), lookup::toString);
        JsonObject json = JsonParser.parseString(lookup.out()).getAsJsonObject();
        assertEquals("nobody@contoso.com", json.getAsJsonArray("notFound").get(0).getAsString());
        assertEquals("", lookup.err());
    }

    @Test
    void aSecretPipedToStandardInputWorksAndIsWrittenNowhere() throws Exception {
        try (SimulatorServer sim = Simulators.startDemo(0, 42)) {
            Path config = dir.resolve("config");
            Path data = dir.resolve("data");
            SettingsStore.open(config, new ConnectionSecrets(new SessionVault(), new SessionVault()))
                    .saveConnection(new Connection("slack-test", ProviderKind.SLACK, "Test Grid",
                            sim.baseUrl(ProviderKind.SLACK).toString(), Map.of(), null));
            String token = sim.credentials().slackToken();
            Exit r = launch(token + "\n", List.of("lookup", LookupCommandTest.JANE, "--secret-stdin", "slack-test",
                    "--config-dir", config.toString(), "--data-dir", data.toString()));
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("Jane Doe <jane.doe@contoso.com>"), r::toString);
            assertFalse(r.out().contains(token) || r.err().contains(token), r::toString);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(token), "the token is in " + f);
                }
            }
            assertTrue(Files.exists(data.resolve("logs").resolve("signoff.log")), "the log went to --data-dir");
        }
    }

    @Test
    void withoutADisplayTheConsoleSaysWhyInASentenceAndExits() throws Exception {
        Exit r = launch(null, List.of("--demo", "--config-dir", dir.resolve("config").toString(),
                "--data-dir", dir.resolve("data").toString()), false);
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("Signoff could not open its window: "), r::toString);
        assertTrue(r.err().contains("the commands listed by 'signoff --help' work from a terminal"), r::toString);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), "no stack trace for the operator: " + r.err());
    }

    private static Exit launch(String stdin, List<String> args) throws IOException, InterruptedException {
        return launch(stdin, args, true);
    }

    /** @param display false: the child has no DISPLAY (nor Wayland), as on a server or in CI */
    private static Exit launch(String stdin, List<String> args, boolean display) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classPath(), "io.signoff.Launcher"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!display) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        Process p = builder.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ended");
        return new Exit(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The test run's class path without the test classes: the child gets the shipped logging set-up (file under
     * --data-dir, redaction) as a user would, not the tests' logback-test.xml.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String all = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return java.util.Arrays.stream(all.split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
