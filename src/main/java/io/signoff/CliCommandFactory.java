package io.signoff;

import io.signoff.cli.AttestCommand;
import io.signoff.cli.CliServices;
import io.signoff.cli.ConnectionsCommand;
import io.signoff.cli.ConnectionsTestCommand;
import io.signoff.cli.LookupCommand;
import io.signoff.cli.OffboardCommand;
import io.signoff.cli.RevokeCommand;
import io.signoff.cli.SessionsCommand;
import io.signoff.cli.SystemTerminal;
import io.signoff.cli.Terminal;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds the headless commands with what they need: the opener of the console's services (opened only once the
 * command's own options are parsed: --demo, --config-dir, --data-dir) and the terminal. Everything else picocli
 * instantiates (the root command, converters, the audit commands) comes from its default factory.
 */
public final class CliCommandFactory implements CommandLine.IFactory {
    private final Map<Class<?>, Supplier<Object>> commands;

    /** The commands of this process: real services, this process's terminal. */
    public static CliCommandFactory ofThisProcess() {
        return new CliCommandFactory(SystemTerminal.ofThisProcess());
    }

    /** Real services with the given terminal (tests play the operator through it). */
    public CliCommandFactory(Terminal terminal) {
        this(HeadlessServices::open, terminal);
    }

    CliCommandFactory(CliServices.Opener opener, Terminal terminal) {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(terminal, "terminal");
        commands = Map.of(
                ConnectionsCommand.class, () -> new ConnectionsCommand(opener, terminal),
                ConnectionsTestCommand.class, () -> new ConnectionsTestCommand(opener, terminal),
                LookupCommand.class, () -> new LookupCommand(opener, terminal),
                SessionsCommand.class, () -> new SessionsCommand(opener, terminal),
                RevokeCommand.class, () -> new RevokeCommand(opener, terminal),
                OffboardCommand.class, () -> new OffboardCommand(opener, terminal),
                AttestCommand.class, () -> new AttestCommand(opener, terminal));
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Supplier<Object> command = commands.get(cls);
        return command != null ? cls.cast(command.get()) : CommandLine.defaultFactory().create(cls);
    }
}
