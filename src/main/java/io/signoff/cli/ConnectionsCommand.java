package io.signoff.cli;

import io.signoff.controller.ConnectionRow;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code signoff connections}: the configured connections and where their secrets are — never a secret. */
@Command(name = "connections",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "List the configured connections: id, kind, name, URL and where the secret is kept (keychain,"
                + " this session, missing) — never the secret itself.",
        subcommands = ConnectionsTestCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (also when none is configured)", "1:failed", "2:bad command line"})
public final class ConnectionsCommand extends CliCommand {

    public ConnectionsCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        List<ConnectionRow> rows = await(services.connectionsController().rows());
        if (json()) {
            printJson(new ConnectionsJson.Listing(rows.stream().map(ConnectionsJson.Entry::of).toList()));
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            out().println("No connection is configured.");
            hint("Add one in the console (Connections), or try the built-in simulator with --demo.");
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "KIND", "NAME", "URL", "SECRET");
        for (ConnectionRow r : rows) {
            table.row(r.id(), r.connection().kind().slug(), r.name(), r.url(),
                    r.secretStatus().text() + (r.skipsTlsVerification() ? " (TLS NOT VERIFIED)" : ""));
        }
        table.print(out(), "");
        return ExitCodes.OK;
    }
}
