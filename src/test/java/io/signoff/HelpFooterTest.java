package io.signoff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** signoff --help tells how to start Signoff on each OS (issue: launchers documented in --help). */
class HelpFooterTest {

    @Test
    void helpNamesTheLauncherOfEachOs() {
        String help = SignoffCommand.commandLine().getUsageMessage();
        assertTrue(help.contains("app/signoff "), help);
        assertTrue(help.contains("app\\signoff.cmd"), help);
        assertTrue(help.contains("Signoff.exe") && help.contains("signoff-cli.exe") && help.contains("Signoff.app"), help);
        for (String line : help.split("\\R")) {
            assertTrue(line.length() <= 80, "wider than a terminal: " + line);
        }
    }
}
