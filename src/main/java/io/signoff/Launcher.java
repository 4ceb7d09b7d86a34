package io.signoff;

import io.signoff.settings.AppDirectories;
import io.signoff.logging.SignoffLogging;
import io.signoff.ui.FxToolkit;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * Entry point. Deliberately not a JavaFX Application: with JavaFX on the class path, the main class must not extend
 * Application (toolchain.md). Parses the command line and either starts the console or runs a headless command.
 */
public final class Launcher {
    /** Read by the logging set-up (SignoffLogging): where the log file goes. */
    static final String LOG_DIR_PROPERTY = SignoffLogging.LOG_DIR_PROPERTY;
    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    private Launcher() { }

    public static void main(String[] args) {
        // Logging must know its directory before the first logger is created, so --data-dir is read ahead of picocli.
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            AppDirectories dirs = AppDirectories.resolve(null, dataDirArgument(args));
            System.setProperty(LOG_DIR_PROPERTY, dirs.logs().toString());
        }
        // A console launch starts the window system at once, so that it comes up while the services open.
        FxToolkit toolkit = opensTheConsole(args) ? FxToolkit.startingNow() : FxToolkit.onDemand();
        int exit = SignoffCommand.commandLine(CliCommandFactory.ofThisProcess(), toolkit).execute(args);
        if (exit != SignoffCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    /**
     * Whether this command line opens the console: no command, no --help or --version. A guess made before parsing,
     * cautious in one direction only: a console launch it misses merely starts its window system later.
     */
    static boolean opensTheConsole(String[] args) {
        Set<String> commands = new HashSet<>();
        for (Class<?> sub : SignoffCommand.class.getAnnotation(Command.class).subcommands()) {
            commands.add(sub.getAnnotation(Command.class).name());
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--view")) {
                i++; // "--view sessions" names a view, not the sessions command
            } else if (commands.contains(arg) || HELP_AND_VERSION.contains(arg)) {
                return false;
            }
        }
        return true;
    }

    static Path dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) return Path.of(args[i + 1]);
            if (args[i].startsWith("--data-dir=")) return Path.of(args[i].substring("--data-dir=".length()));
        }
        return null;
    }
}
