package io.signoff;

import io.signoff.settings.AppDirectories;
import java.nio.file.Path;

/**
 * Entry point. Deliberately not a JavaFX Application: with JavaFX on the class path, the main class must not extend
 * Application (toolchain.md). Parses the command line and either starts the console or runs a headless command.
 */
public final class Launcher {
    /** Read by logback.xml: where the log file goes. */
    static final String LOG_DIR_PROPERTY = "signoff.logDir";

    private Launcher() { }

    public static void main(String[] args) {
        // Logging must know its directory before the first logger is created, so --data-dir is read ahead of picocli.
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            AppDirectories dirs = AppDirectories.resolve(null, dataDirArgument(args));
            System.setProperty(LOG_DIR_PROPERTY, dirs.logs().toString());
        }
        int exit = SignoffCommand.commandLine().execute(args);
        if (exit != SignoffCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    static Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--data-dir=")) return Path.of(args[i].substring("--data-dir=".length()));
        }
        return null;
    }
}
