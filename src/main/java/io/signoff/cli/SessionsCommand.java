package io.signoff.cli;

import io.signoff.controller.AccountSessions;
import io.signoff.controller.LoadState;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.controller.SessionRow;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code signoff sessions EMAIL}: every session of a person across providers, as the sessions view shows them. */
@Command(name = "sessions",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "List every session of a person on every connection, with device, IP and times; accounts"
                + " without a session API say what to do by hand.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:a connection could not be asked or its sessions could not be read",
            "2:bad command line", "3:no account for the address on any connection"})
public final class SessionsCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The person's address (primary or alias).")
    String email;

    public SessionsCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected void checkBeforeOpening() {
        PersonSearch.emails(List.of(email));
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        String address = PersonSearch.emails(List.of(email)).emails().get(0);
        requireConnections(services);
        LookupSnapshot found = PersonSearch.run(services.lookup(Set.of()), PersonSearch.emails(List.of(address)), progress());
        Person person = PersonSearch.require(found, address);
        SessionsSnapshot sessions = load(services, person, progress());
        List<String> problems = new ArrayList<>();
        PersonSearch.incomplete(found).forEach(c -> problems.add(PersonSearch.reason(c)));
        for (AccountSessions a : sessions.accounts()) {
            if (a.state() == LoadState.ERROR || a.state() == LoadState.NOT_CONNECTED) {
                problems.add(a.connection().displayName() + " (" + a.connection().id() + "): " + a.message());
            }
        }
        if (json()) {
            printJson(SessionsJson.Result.of(sessions));
        } else {
            printHuman(sessions);
        }
        problems.forEach(p -> err().println("sessions: " + p));
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static SessionsSnapshot load(CliServices services, Person person, ProgressLine progress) throws InterruptedException {
        SessionsSnapshot done = await(services.sessions().load(person, s -> progress.update("Reading sessions… "
                + s.accounts().stream().filter(a -> a.state().done()).count() + "/" + s.accounts().size() + " accounts")));
        progress.clear();
        return done;
    }

    private void printHuman(SessionsSnapshot s) {
        Person p = s.person();
        out().println(p.displayName() + " <" + p.email() + "> — " + s.sessionCount() + " session"
                + (s.sessionCount() == 1 ? "" : "s") + " on " + s.accounts().size() + " account"
                + (s.accounts().size() == 1 ? "" : "s"));
        TextTable table = new TextTable("CONNECTION", "TENANT", "ACCOUNT", "SESSION", "DEVICE", "IP", "CREATED",
                "LAST SEEN", "NOTE");
        for (SessionRow r : s.rows()) {
            AccountSessions a = r.owner();
            Session x = r.session();
            if (x == null) {
                table.row(a.connection().displayName(), a.tenantName(), a.account().email(), "", "", "", "", "", r.note());
            } else {
                String note = r.ended() ? "already ended (signed in before sessions-valid-from)"
                        : r.revocableAlone() ? "" : "ends only with all sessions";
                table.row(a.connection().displayName(), a.tenantName(), a.account().email(), x.id(), device(x), x.ip(),
                        x.created(), x.lastSeen(), note);
            }
        }
        table.print(out(), "  ");
    }

    private static String device(Session s) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {s.device(), s.os(), s.client()}) {
            if (part != null && !part.isBlank()) parts.add(part);
        }
        return String.join(", ", parts);
    }
}
