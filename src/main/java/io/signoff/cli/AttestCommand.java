package io.signoff.cli;

import io.signoff.controller.OffboardingController;
import io.signoff.model.StepStatus;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.StepState;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signoff attest RUN_ID STEP_ID --note TEXT}: completes a manual step of an offboarding run with the operator's
 * note as evidence (audited as ATTESTED), then lets the run go on with the steps that waited for it.
 */
@Command(name = "attest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Attest a manual step of an offboarding run (the 'pending attestations' of 'signoff offboard'):"
                + " the note is the evidence — who did what, when. The run then continues with the steps that waited"
                + " for it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:attested, and nothing in the run failed", "1:attested, but a step of the run failed or is still going",
            "2:bad command line, or refused: the step is not awaiting attestation", "3:no such run or step"})
public final class AttestCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run (from 'signoff offboard --run').")
    String runId;

    @Parameters(index = "1", paramLabel = "STEP_ID", description = "The manual step, e.g. s04.")
    String stepId;

    @Option(names = "--note", required = true, paramLabel = "TEXT", description = "Who did what, when: kept in the audit trail.")
    String note;

    @Option(names = "--max-wait", paramLabel = "DURATION", converter = CliValues.Wait.class, defaultValue = "30m",
            description = "How long to wait for the steps that follow (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    public AttestCommand(CliServices.Opener opener, Terminal terminal) {
        super(opener, terminal);
    }

    @Override
    protected void checkBeforeOpening() {
        if (note.isBlank()) throw CliExit.usage("--note must say who did what");
    }

    @Override
    protected int execute(CliServices services) throws InterruptedException {
        OffboardingController offboarding = services.offboarding();
        RunSnapshot run = offboarding.snapshot(runId)
                .orElseThrow(() -> CliExit.notFound("no run '" + runId + "' in the journal (check --data-dir, --demo)"));
        PlanStep step = run.plan().step(stepId).orElseThrow(() -> CliExit.notFound("run " + runId + " has no step '"
                + stepId + "'; its steps: " + String.join(", ", run.plan().steps().stream().map(PlanStep::id).toList())));
        StepStatus status = run.step(stepId).map(StepState::status).orElse(StepStatus.PENDING);
        if (status != StepStatus.AWAITING_ATTESTATION) {
            String why = step.automatic() ? " (it is not a manual step)"
                    : status == StepStatus.PENDING ? " yet: it waits for the steps before it" : "";
            throw CliExit.usage("step " + stepId + " is " + RunPrinter.label(status) + ", not awaiting attestation" + why);
        }
        await(offboarding.attest(runId, stepId, note));
        RunSnapshot settled = offboarding.awaitSettled(runId, maxWait);
        progress().finish();
        if (json()) {
            printJson(RunJson.Result.ofRun("attest", settled));
        } else {
            out().println("Attested " + stepId + " (" + step.title() + ").");
            RunPrinter.run(out(), settled);
        }
        return RunPrinter.exitCode(settled);
    }
}
