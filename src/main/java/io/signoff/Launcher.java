package io.signoff;


/**
 * Entry point. Deliberately not a JavaFX Application: with JavaFX on the class path, the main class must not extend
 * Application (toolchain.md). Parses the command line and either starts the console or runs a headless command.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        int exit = SignoffCommand.commandLine().execute(args);
        if (exit != SignoffCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
