package io.signoff.cli;

import io.signoff.controller.AccountSessions;
import io.signoff.controller.CallOutcome;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.ManualStep;
import io.signoff.controller.Person;
import io.signoff.controller.PlannedRevoke;
import io.signoff.controller.RevokePlan;
import io.signoff.controller.RevokeReport;
import io.signoff.controller.RevokeRun;
import io.signoff.controller.SessionsController;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.controller.Verification;
import io.signoff.controller.VerifyState;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signoff revoke EMAIL}: ends a person's sessions — everywhere, on some connections, or one session — through
 * the sessions controller, so the audit rows, the plan and the read-back verification are the console's own.
 */
@Command(name = "revoke",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"End a person's sessions everywhere (default), on the connections named with --provider, or"
                + " one session with --session; then read back and report per provider whether it took effect.",
            "Asks to type the person's address on a terminal; a script must pass --yes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every revoke verified (or left to a listed manual step)",
            "1:a call or a verification failed, or a connection could not be asked",
            "2:bad command line, or refused: no --yes without a terminal, confirmation not typed",
            "3:no account for the address, or no such session"})
public final class RevokeCommand extends CliCommand {
    static final String NO_TERMINAL = "refusing to revoke without --yes: standard input is not a terminal, so the"
            + " confirmation (typing the person's address) cannot be asked. Nothing was called. Add --yes to confirm"
            + " from a script.";

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The person's address (primary or alias).")
    String email;

    @Option(names = "--provider", paramLabel = "P",
            description = {"Only on this connection (its id), or on every connection of this kind",
                "(cipp, slack, cloudflare, scim). Repeatable. Default: everywhere."})
    List<String> providers;

    @Option(names = "--session", paramLabel = "ID",
            description = "End only this session (ids from 'signoff sessions'); the provider must allow ending one alone.")
    String sessionId;

    @Option(names = {"-y", "--yes"}, description = "Do it without asking. Required when standard input is not a terminal.")
    boolean yes;

    public RevokeCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected void checkBeforeOpening() {
        PersonSearch.emails(List.of(email));
        if (!yes && !terminal().interactive()) throw CliExit.usage(NO_TERMINAL);
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        String address = PersonSearch.emails(List.of(email)).emails().get(0);
        requireConnections(services);
        Set<String> where = connectionsNamed(services);
        LookupSnapshot found = PersonSearch.run(services.lookup(Set.of()), PersonSearch.emails(List.of(address)), progress());
        Person person = PersonSearch.require(found, address);
        List<String> incomplete = PersonSearch.incomplete(found).stream().map(PersonSearch::reason).toList();
        SessionsController sessions = services.sessions();
        SessionsSnapshot snapshot = SessionsCommand.load(services, person, progress());
        RevokePlan plan = plan(sessions, snapshot, where);
        PrintWriter planOut = json() ? err() : out();
        if (plan.empty()) return nothingToCall(plan, incomplete);
        if (!yes || !json()) printPlan(planOut, plan);
        if (!yes) confirm(plan);
        RevokeRun run = sessions.execute(plan, report -> progress().update(describe(report)));
        RevokeReport report = await(run.done());
        progress().finish();
        if (json()) {
            printJson(RevokeJson.Result.of(report));
        } else {
            printReport(report);
        }
        incomplete.forEach(r -> err().println("revoke: not every connection could be searched, so accounts may remain: " + r));
        return report.allVerified() && incomplete.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** No provider call to make: at most manual steps (a provider without a session API) or accounts not reachable. */
    private int nothingToCall(RevokePlan plan, List<String> incomplete) {
        boolean onlyManual = !plan.manualSteps().isEmpty() && incomplete.isEmpty() && plan.warnings().isEmpty();
        if (json()) {
            List<Verification> manual = plan.manualSteps().stream().map(m -> new Verification(m.account(), m.connection(),
                    VerifyState.MANUAL, m.instruction(), "", 0, null)).toList();
            printJson(RevokeJson.Result.of(new RevokeReport(plan, null, List.of(), manual, true)));
        } else {
            printPlan(out(), plan);
            out().println(plan.manualSteps().isEmpty() ? "Nothing to revoke: no account here can end sessions through an API."
                    : "No provider API to call: do the steps above by hand.");
        }
        incomplete.forEach(r -> err().println("revoke: " + r));
        return onlyManual ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The connection ids --provider names: a connection id, or every connection of a kind. Empty: everywhere. */
    private Set<String> connectionsNamed(CliServices services) {
        Set<String> out = new LinkedHashSet<>();
        if (providers == null) return out;
        for (String p : providers) {
            List<Connection> matching = services.connections().stream().filter(c -> c.id().equals(p)).toList();
            if (matching.isEmpty()) {
                ProviderKind kind;
                try {
                    kind = ProviderKind.fromSlug(p);
                } catch (IllegalArgumentException e) {
                    throw CliExit.usage("--provider: '" + p + "' is neither a connection id nor a kind (cipp, slack,"
                            + " cloudflare, scim); " + knownConnections(services));
                }
                matching = services.connections().stream().filter(c -> c.kind() == kind).toList();
                if (matching.isEmpty()) throw CliExit.usage("--provider: no " + kind.slug() + " connection is configured");
            }
            matching.forEach(c -> out.add(c.id()));
        }
        return out;
    }

    private RevokePlan plan(SessionsController sessions, SessionsSnapshot snapshot, Set<String> where) {
        if (sessionId != null) {
            for (AccountSessions a : snapshot.accounts()) {
                if (!where.isEmpty() && !where.contains(a.connection().id()) || a.sessions() == null) continue;
                Optional<Session> session = a.sessions().sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst();
                if (session.isEmpty()) continue;
                RevokePlan one = sessions.planOne(snapshot.person(), a, session.get());
                if (one.empty()) {
                    throw CliExit.usage(a.connection().displayName() + " cannot end one session alone: end all of the"
                            + " person's sessions there with --provider " + a.connection().id());
                }
                return one;
            }
            throw CliExit.notFound("no session '" + sessionId + "' among the sessions of " + snapshot.person().email()
                    + (where.isEmpty() ? "" : " on " + String.join(", ", where)));
        }
        return where.isEmpty() ? sessions.planEverywhere(snapshot) : sessions.planConnections(snapshot, where);
    }

    private void confirm(RevokePlan plan) {
        String typed = terminal().readLine("Type the person's address (" + plan.person().email() + ") to confirm: ");
        if (!plan.isPersonsAddress(typed)) {
            throw CliExit.usage("not confirmed: nothing was revoked.");
        }
    }

    private static void printPlan(PrintWriter out, RevokePlan plan) {
        out.println(plan.title());
        int n = 0;
        for (PlannedRevoke call : plan.calls()) out.println("  " + ++n + ". " + call.description());
        for (ManualStep m : plan.manualSteps()) {
            out.println("  By hand: " + m.connection().displayName() + " — " + m.instruction());
        }
        for (String w : plan.warnings()) out.println("  Warning: " + w);
        out.flush();
    }

    private void printReport(RevokeReport r) {
        long verified = r.count(VerifyState.VERIFIED);
        out().println("Revoke " + r.runId() + ": " + verified + " of " + r.calls().size() + " verified"
                + (r.plan().manualSteps().isEmpty() ? "" : ", " + r.plan().manualSteps().size() + " left to do by hand"));
        TextTable table = new TextTable("CONNECTION", "ACCOUNT", "CALL", "VERIFICATION", "DETAIL");
        List<Verification> checks = r.verifications();
        for (int i = 0; i < r.calls().size(); i++) {
            CallOutcome call = r.calls().get(i);
            Verification v = checks.get(i);
            String callText = CliJson.slug(call.state()) + (call.reference().isBlank() ? "" : " (" + call.reference() + ")");
            String detail = v.detail().isBlank() ? call.message() : v.detail();
            table.row(call.call().connection().displayName(), RevokeJson.label(call.call().account()), callText,
                    v.state().label(), detail);
        }
        for (Verification v : checks.subList(r.calls().size(), checks.size())) {
            table.row(v.connection().displayName(), RevokeJson.label(v.account()), "no API", v.state().label(), v.detail());
        }
        table.print(out(), "  ");
        List<String> exposures = new ArrayList<>();
        for (Verification v : checks) {
            if (!v.residualExposure().isBlank()) exposures.add("  " + v.connection().displayName() + ": " + v.residualExposure());
        }
        if (!exposures.isEmpty()) {
            out().println("Tokens already issued may keep working for a while:");
            exposures.forEach(out()::println);
        }
    }

    private static String describe(RevokeReport r) {
        long answered = r.calls().stream().filter(c -> c.state().done()).count();
        long settled = r.verifications().stream().filter(v -> v.state().terminal()).count();
        return "Revoking… " + answered + "/" + r.calls().size() + " calls answered, " + settled + "/"
                + r.verifications().size() + " checked";
    }
}
