package io.signoff.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options every headless command takes. Each may also be given before the command
 * ({@code signoff --demo lookup …}): an option of the command itself wins, then the nearest parent's.
 */
public final class CommonOptions {
    @Option(names = "--config-dir", paramLabel = "DIR", description = "Settings directory (default: the OS config directory).")
    Path configDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Audit and journal directory (default: the OS data directory; DIR/demo with --demo).")
    Path dataDir;

    @Option(names = "--demo", description = "Run against the built-in simulator and its demo connections.")
    boolean demo;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no hints on standard error.")
    boolean quiet;

    @Option(names = "--json", description = "Print the result as JSON (field names: README, \"Command line for scripts\").")
    boolean json;

    @Option(names = "--secret-stdin", paramLabel = "CONNECTION_ID",
            description = "Read the secret of this connection from standard input, for this process only (hosts"
                    + " without a keychain). On a terminal it is asked without echo.")
    String secretStdin;

    CliEnvironment environment(CommandSpec spec) {
        return new CliEnvironment(flag(spec, "--demo", demo), value(spec, "--config-dir", configDir),
                value(spec, "--data-dir", dataDir));
    }

    boolean quiet(CommandSpec spec) { return flag(spec, "--quiet", quiet); }

    boolean json(CommandSpec spec) { return flag(spec, "--json", json); }

    String secretStdin(CommandSpec spec) { return value(spec, "--secret-stdin", secretStdin); }

    private static boolean flag(CommandSpec spec, String name, boolean own) {
        if (own) return true;
        for (CommandSpec p = spec.parent(); p != null; p = p.parent()) {
            OptionSpec option = p.findOption(name);
            if (option != null && Boolean.TRUE.equals(option.getValue())) return true;
        }
        return false;
    }

    private static <T> T value(CommandSpec spec, String name, T own) {
        if (own != null) return own;
        for (CommandSpec p = spec.parent(); p != null; p = p.parent()) {
            OptionSpec option = p.findOption(name);
            if (option != null && option.getValue() != null) return option.getValue();
        }
        return null;
    }
}
