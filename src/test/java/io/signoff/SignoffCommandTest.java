package io.signoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SignoffCommandTest {

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = SignoffCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void unknownFlagIsAClearErrorWithExitCode2() {
        Run r = run("--frobnicate");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
    }

    @Test
    void unknownViewNamesTheValidOnes() {
        Run r = run("--view", "dashboard");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected tenants, users, sessions, offboarding, audit or connections"), r.err());
    }

    @Test
    void viewsThatShareANameWithACommandStillParseAsViews() {
        for (String view : new String[] {"sessions", "connections", "users"}) {
            CommandLine cl = SignoffCommand.commandLine();
            CommandLine.ParseResult parsed = cl.parseArgs("--screenshot", "x.png", "--view", view);
            assertEquals(io.signoff.ui.Section.fromSlug(view), parsed.matchedOptionValue("--view", null));
            assertTrue(parsed.subcommands().isEmpty(), view + " was taken for a command");
        }
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("Signoff "), version.out());
        Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--screenshot"));
        assertTrue(help.out().contains("simulator"));
    }

    @Test
    void simulatorRejectsAFaultRateOutOfRange() {
        Run r = run("simulator", "--fault-rate", "1.5");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fault-rate must be between 0 and 1"), r.err());
    }

    @Test
    void onlyAConsoleLaunchStartsTheWindowSystemAhead() {
        assertTrue(Launcher.opensTheConsole(new String[] {}));
        assertTrue(Launcher.opensTheConsole(new String[] {"--demo", "--view", "sessions"}), "a view named like a command");
        assertTrue(Launcher.opensTheConsole(new String[] {"--screenshot", "x.png", "--view", "connections"}));
        for (String[] headless : new String[][] {{"sessions", "--person", "a@b.c"}, {"--help"}, {"-V"}, {"--version"},
                {"--demo", "lookup", "jane@contoso.com"}, {"simulator", "--port", "0"}, {"export-audit", "--help"}}) {
            assertEquals(false, Launcher.opensTheConsole(headless), String.join(" ", headless));
        }
    }

    @Test
    void dataDirIsReadAheadOfParsingForTheLogDirectory() {
        assertEquals(Path.of("/x/y"), Launcher.dataDirArgument(new String[] {"--demo", "--data-dir", "/x/y"}));
        assertEquals(Path.of("/z"), Launcher.dataDirArgument(new String[] {"--data-dir=/z"}));
        assertEquals(null, Launcher.dataDirArgument(new String[] {"--demo"}));
    }
}
