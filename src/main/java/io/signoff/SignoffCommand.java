package io.signoff;

import io.signoff.cli.AttestCommand;
import io.signoff.cli.BuildInfo;
import io.signoff.cli.ConnectionsCommand;
import io.signoff.cli.ExportAuditCommand;
import io.signoff.cli.LookupCommand;
import io.signoff.cli.OffboardCommand;
import io.signoff.cli.RevokeCommand;
import io.signoff.cli.SessionsCommand;
import io.signoff.cli.VerifyAuditCommand;
import io.signoff.ui.FxToolkit;
import io.signoff.ui.Section;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code signoff} command: with no subcommand it opens the console. */
@Command(name = "signoff",
        mixinStandardHelpOptions = true,
        versionProvider = SignoffCommand.Version.class,
        sortOptions = false,
        description = {
            "Signoff — cut a person off everywhere, fast and provably.",
            "With no command, opens the console; with no connection configured it opens on the built-in demo simulator."},
        subcommands = {SimulatorCommand.class, ExportAuditCommand.class, VerifyAuditCommand.class,
            ConnectionsCommand.class, LookupCommand.class, SessionsCommand.class, RevokeCommand.class,
            OffboardCommand.class, AttestCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done", "1:failed (the message says why)", "2:bad command line, or refused",
            "3:not found (the person, session or run named)"},
        footerHeading = "%nLaunchers (all take the arguments above):%n",
        footer = {
            "  app/signoff      Linux, macOS: runs from a source checkout; builds with",
            "                   Maven first when needed.",
            "  app\\signoff.cmd  Windows: the same. SIGNOFF_JAVA_OPTS adds JVM options.",
            "  Signoff          an installed package (README, Packaging): bin/Signoff on",
            "                   Linux, Signoff.app on macOS, Signoff.exe on Windows and",
            "                   signoff-cli.exe there for output in a console."})
public final class SignoffCommand implements Callable<Integer> {
    /** Returned when the console window was started: the JavaFX thread keeps the process alive. */
    public static final int KEEP_RUNNING = -1;

    @Option(names = "--demo", description = "Open on the built-in simulator even if connections are configured.")
    boolean demo;

    @Option(names = "--screenshot", paramLabel = "FILE",
            description = "Start in demo mode, render a view with its data loaded, write a PNG to FILE and exit.")
    Path screenshot;

    @Option(names = "--view", paramLabel = "VIEW", converter = SectionConverter.class,
            description = "The view to open: tenants, users, sessions, offboarding, audit, connections (default: users).")
    Section view;

    @Option(names = "--theme", paramLabel = "THEME", description = "light or dark (default: the saved preference).")
    String theme;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Settings directory (default: the OS config directory).")
    Path configDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Audit and journal directory (default: the OS data directory).")
    Path dataDir;

    private final FxToolkit toolkit;

    /** @param toolkit the JavaFX toolkit the console window uses (the launcher may have started it already) */
    SignoffCommand(FxToolkit toolkit) {
        this.toolkit = toolkit;
    }

    public static CommandLine commandLine() {
        return commandLine(CliCommandFactory.ofThisProcess(), FxToolkit.onDemand());
    }

    /** The command line with the headless commands built by {@code factory} (tests give it their own terminal). */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(factory, FxToolkit.onDemand());
    }

    static CommandLine commandLine(CommandLine.IFactory factory, FxToolkit toolkit) {
        CommandLine cl = new CommandLine(new SignoffCommand(toolkit), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        // "--view sessions" names a view, although "sessions" is also a command.
        cl.setAllowSubcommandsAsOptionParameters(true);
        return cl;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ConsoleOptions options = new ConsoleOptions(demo || screenshot != null, screenshot,
                view == null ? Section.USERS : view, theme, configDir, dataDir);
        boolean started = GuiStarter.start(options, toolkit, spec.commandLine().getOut(), spec.commandLine().getErr());
        return started ? KEEP_RUNNING : 1;
    }

    /** What the console window starts with. */
    public record ConsoleOptions(boolean demo, Path screenshot, Section view, String theme, Path configDir, Path dataDir) { }

    static final class SectionConverter implements CommandLine.ITypeConverter<Section> {
        @Override
        public Section convert(String value) {
            return Section.fromSlug(value);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo info = BuildInfo.load();
            return new String[] {"Signoff " + info.version() + " (built " + info.buildDate() + ")",
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
        }
    }
}
