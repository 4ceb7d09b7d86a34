package io.signoff.cli;

import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.LookupController;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.controller.SearchQuery;
import io.signoff.model.DirectoryUser;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signoff lookup EMAIL…}: the console's fan-out person search, for scripts. */
@Command(name = "lookup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Find people by email address on every connection at once (aliases included): their accounts,"
                + " status, roles and last activity, and each connection's answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every address was found on at least one connection",
            "1:a connection could not be asked (the reasons are listed); the result is incomplete",
            "2:bad command line (not an address, unknown connection id)",
            "3:an address was found nowhere (every connection answered)"})
public final class LookupCommand extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "EMAIL", description = "The addresses to look up.")
    List<String> emails;

    @Option(names = "--connection", paramLabel = "ID", description = "Search only these connections (repeatable; default: all).")
    List<String> connectionIds;

    public LookupCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected void checkBeforeOpening() {
        PersonSearch.emails(emails);
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        SearchQuery query = PersonSearch.emails(emails);
        requireConnections(services);
        Set<String> scope = connectionIds(services, connectionIds, "--connection");
        LookupController lookup = services.lookup(scope);
        LookupSnapshot result = PersonSearch.run(lookup, query, progress());
        List<ConnectionSearch> incomplete = PersonSearch.incomplete(result);
        int exit = !incomplete.isEmpty() ? ExitCodes.FAILED
                : result.notFound().isEmpty() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
        if (json()) {
            printJson(LookupJson.Result.of(result, lookup));
        } else {
            printHuman(result, lookup);
        }
        for (ConnectionSearch c : incomplete) err().println("lookup: " + PersonSearch.reason(c));
        return exit;
    }

    private void printHuman(LookupSnapshot result, LookupController lookup) {
        for (Person p : result.people()) {
            out().println(p.displayName() + " <" + p.email() + ">" + (p.roles().isEmpty() ? "" : "  — " + p.roles()));
            TextTable accounts = new TextTable("CONNECTION", "TENANT", "ACCOUNT", "USER ID", "STATUS", "ROLE", "LAST ACTIVITY");
            for (DirectoryUser a : p.accounts()) {
                accounts.row(lookup.connectionName(a.connectionId()), lookup.tenantName(a), a.email(), a.id(),
                        CliJson.slug(a.status()), role(a), a.lastActivity());
            }
            accounts.print(out(), "  ");
            out().println();
        }
        TextTable connections = new TextTable("CONNECTION", "ID", "RESULT");
        for (ConnectionSearch c : result.connections()) {
            connections.row(c.connection().displayName(), c.connection().id(), c.summary());
        }
        connections.print(out(), "");
        if (!result.notFound().isEmpty()) {
            out().println();
            out().println("Found nowhere: " + String.join(", ", result.notFound()));
        }
    }

    private static String role(DirectoryUser a) {
        return a.primaryOwner() ? "primary owner" : a.owner() ? "owner" : a.admin() ? "admin" : "";
    }
}
