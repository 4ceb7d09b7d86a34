package io.signoff.cli;

import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.AccountLookup;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.TargetAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signoff offboard}: the offboarding wizard without the window — find the people, build the checklist from a
 * template or an options file, preview it, run it through the journal (resumable), or schedule it.
 */
@Command(name = "offboard",
        customSynopsis = {"signoff offboard EMAIL... (--template NAME | --options FILE)",
            "                        [--plan | --run | --schedule DATETIME] [--connection ID]... [OPTIONS]",
            "       signoff offboard --resume RUN_ID [OPTIONS]"},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Offboard people: the same checklist, journal and audit trail as the console's wizard.",
            "--plan (the default) prints the checklist and changes nothing. --run executes it and waits until nothing"
                    + " is left but manual steps, which are listed as pending attestations ('signoff attest')."
                    + " --resume RUN_ID continues a journalled run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned / scheduled / run with no failure (manual steps may await attestation)",
            "1:a step failed or its outcome is unknown, the plan cannot run, a connection could not be asked,"
                    + " or the run was still going when --max-wait ran out (resume it)",
            "2:bad command line, bad options file, unknown template",
            "3:nobody was found on any connection, or no such run"})
public final class OffboardCommand extends CliCommand {

    @Parameters(arity = "0..*", paramLabel = "EMAIL", description = "The people to offboard.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--template", paramLabel = "NAME", description = "Options from a template saved in the console.")
    String template;

    @Option(names = "--options", paramLabel = "FILE", description = "Options from a JSON file (format: README).")
    Path optionsFile;

    @Option(names = "--connection", paramLabel = "ID",
            description = "Search and offboard only on these connections (repeatable; default: all).")
    List<String> connectionIds;

    @Option(names = "--reference", paramLabel = "TEXT", description = "Ticket number or note kept with the run (overrides the options').")
    String reference;

    @Option(names = "--plan", description = "Print the checklist and guardrails; call nothing that changes anything (default).")
    boolean plan;

    @Option(names = "--run", description = "Run the checklist now and wait until it settles.")
    boolean run;

    @Option(names = "--schedule", paramLabel = "DATETIME", converter = CliValues.DateTime.class,
            description = "Journal the run for DATETIME (2026-11-30T17:00 local, or with an offset). Provider jobs are"
                    + " queued on the provider now; the rest runs in an open console at that time, or with --resume.")
    Instant schedule;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Continue a journalled run (interrupted, needing attention, or a scheduled one that is due).")
    String resume;

    @Option(names = "--max-wait", paramLabel = "DURATION", converter = CliValues.Wait.class, defaultValue = "30m",
            description = "How long --run / --resume wait for the run to settle (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    public OffboardCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected void checkBeforeOpening() {
        if (resume != null) {
            if (!emails.isEmpty() || template != null || optionsFile != null || plan || schedule != null || reference != null
                    || connectionIds != null) {
                throw CliExit.usage("--resume takes only the run id (and --max-wait)");
            }
            return;
        }
        if (emails.isEmpty()) throw CliExit.usage("give the people's addresses, or --resume RUN_ID");
        PersonSearch.emails(emails);
        if ((template == null) == (optionsFile == null)) {
            throw CliExit.usage("choose the options with --template NAME or with --options FILE (one of them)");
        }
        int modes = (plan ? 1 : 0) + (run ? 1 : 0) + (schedule != null ? 1 : 0);
        if (modes > 1) throw CliExit.usage("choose one of --plan, --run and --schedule");
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        OffboardingController offboarding = services.offboarding();
        if (resume != null) return resume(offboarding);
        requireConnections(services);
        OffboardingOptions options = options(services, offboarding);
        Set<String> scope = connectionIds(services, connectionIds, "--connection");
        List<String> addresses = PersonSearch.emails(emails).emails();
        AtomicInteger searched = new AtomicInteger();
        List<OffboardingTarget> targets = await(offboarding.findTargets(addresses, scope, t -> progress().update(
                "Searching every connection… " + searched.incrementAndGet() + "/" + addresses.size() + " people")));
        progress().clear();
        requireSomeoneFound(targets);
        OffboardingPlan checklist = offboarding.preview(targets, options);
        if (run) return runNow(offboarding, checklist);
        if (schedule != null) return scheduleFor(offboarding, checklist);
        if (json()) {
            printJson(RunJson.Result.ofPlan(checklist));
        } else {
            RunPrinter.plan(out(), checklist);
        }
        return checklist.runnable() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private OffboardingOptions options(CliServices services, OffboardingController offboarding) throws InterruptedException {
        OffboardingOptions options;
        if (optionsFile != null) {
            options = OptionsFile.read(optionsFile, services.connections());
        } else {
            OptionsTemplate t = await(offboarding.loadTemplate(template)).orElse(null);
            if (t == null) {
                List<String> names = await(offboarding.templates(null)).stream().map(OptionsTemplate::name).toList();
                throw CliExit.usage("no template '" + template + "'; " + (names.isEmpty() ? "none is saved (the console's"
                        + " offboarding wizard saves them), or use --options FILE" : "saved: " + String.join(", ", names)));
            }
            options = t.options();
        }
        return reference == null ? options : options.withReference(reference);
    }

    /** Nobody anywhere: exit 3 when every connection answered, exit 1 when some could not be asked. */
    private void requireSomeoneFound(List<OffboardingTarget> targets) {
        if (targets.stream().anyMatch(t -> !t.found().isEmpty())) return;
        List<String> unreachable = new ArrayList<>();
        for (OffboardingTarget t : targets) {
            for (TargetAccount a : t.accounts()) {
                if (a.lookup() == AccountLookup.UNREACHABLE) unreachable.add(a.connection().displayName() + ": " + a.detail());
            }
        }
        String who = String.join(", ", targets.stream().map(OffboardingTarget::email).toList());
        if (unreachable.isEmpty()) throw CliExit.notFound("no account for " + who + " on any connection");
        throw CliExit.failed("no account for " + who + " found, but not every connection could be asked: "
                + String.join("; ", unreachable));
    }

    private int runNow(OffboardingController offboarding, OffboardingPlan checklist) throws InterruptedException {
        requireRunnable(checklist);
        RunSnapshot started = await(offboarding.run(checklist, listener()));
        hint("Run " + started.runId() + " started; it is journalled: if this stops, continue with"
                + " 'signoff offboard --resume " + started.runId() + "'.");
        return settle(offboarding, started.runId(), "run");
    }

    private int scheduleFor(OffboardingController offboarding, OffboardingPlan checklist) throws InterruptedException {
        requireRunnable(checklist);
        RunSnapshot scheduled;
        try {
            scheduled = await(offboarding.schedule(checklist, schedule, null));
        } catch (IllegalArgumentException e) {
            throw CliExit.usage("--schedule: " + e.getMessage());
        }
        if (json()) {
            printJson(RunJson.Result.ofRun("schedule", scheduled));
        } else {
            RunPrinter.run(out(), scheduled);
            hint("Scheduled. An open console starts it at " + TextTable.time(scheduled.scheduledAt()) + "; without one,"
                    + " start it then with 'signoff offboard --resume " + scheduled.runId() + "' (e.g. from cron or at).");
        }
        return ExitCodes.OK;
    }

    private int resume(OffboardingController offboarding) throws InterruptedException {
        RunSnapshot stored = offboarding.snapshot(resume)
                .orElseThrow(() -> CliExit.notFound("no run '" + resume + "' in the journal (check --data-dir, --demo)"));
        RunState state = stored.state();
        if (state == RunState.FINISHED) return report("resume", stored);
        if (state == RunState.CANCELLED) throw CliExit.usage("run " + resume + " was cancelled: " + stored.runId());
        if (state == RunState.SCHEDULED && Instant.now().isBefore(stored.scheduledAt())) {
            throw CliExit.usage("run " + resume + " is scheduled for " + TextTable.time(stored.scheduledAt())
                    + ": it can be started from then on");
        }
        if (state == RunState.SCHEDULED || state == RunState.MISSED) {
            await(offboarding.runScheduledNow(resume, listener()));
        } else {
            await(offboarding.resume(resume, listener()));
        }
        return settle(offboarding, resume, "resume");
    }

    private int settle(OffboardingController offboarding, String runId, String mode) throws InterruptedException {
        RunSnapshot settled = offboarding.awaitSettled(runId, maxWait);
        progress().finish();
        int exit = report(mode, settled);
        if (RunPrinter.stillMoving(settled)) {
            err().println("offboard: run " + runId + " was still going after " + maxWait.toMinutes() + " min; continue"
                    + " with 'signoff offboard --resume " + runId + "'");
        }
        return exit;
    }

    private int report(String mode, RunSnapshot snapshot) {
        if (json()) {
            printJson(RunJson.Result.ofRun(mode, snapshot));
        } else {
            RunPrinter.run(out(), snapshot);
        }
        return RunPrinter.exitCode(snapshot);
    }

    private RunListener listener() {
        return (snapshot, changed) -> progress().update("Run " + snapshot.runId() + ": " + snapshot.progress().done() + "/"
                + snapshot.progress().total() + " steps done, " + snapshot.progress().running() + " running, "
                + snapshot.progress().queued() + " queued");
    }

    private void requireRunnable(OffboardingPlan checklist) {
        if (checklist.runnable()) return;
        if (!json()) RunPrinter.plan(out(), checklist);
        throw CliExit.failed("the plan cannot run: " + String.join("; ", checklist.warnings(Guardrail.Severity.BLOCKER)
                .stream().map(Guardrail::message).toList()));
    }
}
