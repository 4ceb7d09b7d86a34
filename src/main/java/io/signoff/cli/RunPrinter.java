package io.signoff.cli;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.PlanPerson;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.StepState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Offboarding plans and runs as a person reads them in a terminal, and the exit code a run ends with. */
final class RunPrinter {
    private RunPrinter() { }

    static void plan(PrintWriter out, OffboardingPlan plan) {
        out.println("Plan: " + plan.steps().size() + " step" + (plan.steps().size() == 1 ? "" : "s") + " for "
                + plan.people().size() + (plan.people().size() == 1 ? " person" : " people")
                + (plan.reference().isBlank() ? "" : ", reference " + plan.reference())
                + (plan.runnable() ? " — nothing has been called." : " — it cannot run as it is."));
        people(out, plan);
        // One block per step rather than a table: the exact call is the point of a preview and must not be cut.
        for (PlanStep s : plan.steps()) {
            out.println();
            out.println(s.id() + "  " + s.title() + " — " + (s.connectionName().isBlank() ? "" : s.connectionName() + ", ")
                    + s.accountLabel());
            if (s.manual()) out.println("     by hand: " + s.instruction());
            if (!s.call().isBlank()) out.println("     call:    " + s.call());
            if (!s.verification().isBlank()) out.println("     check:   " + s.verification());
            if (!s.dependsOn().isEmpty()) out.println("     after:   " + String.join(", ", s.dependsOn()));
        }
    }

    static void run(PrintWriter out, RunSnapshot run) {
        out.println("Run " + run.runId() + ": " + label(run.state()) + " — " + run.progress().done() + " of "
                + run.progress().total() + " steps done"
                + (run.scheduledAt() != null && run.state() == RunState.SCHEDULED ? ", due " + TextTable.time(run.scheduledAt()) : ""));
        people(out, run.plan());
        Map<String, StepState> states = states(run);
        TextTable table = new TextTable("STEP", "PERSON", "ACTION", "CONNECTION", "ACCOUNT", "STATUS", "DETAIL");
        for (PlanStep s : run.plan().steps()) {
            StepState st = states.get(s.id());
            table.row(s.id(), s.personEmail(), s.title(), s.connectionName(), s.accountLabel(),
                    st == null ? "" : label(st.status()), st == null ? "" : st.detail());
        }
        out.println();
        table.print(out, "");
        for (PlanStep s : run.plan().steps()) {
            StepState st = states.get(s.id());
            if (st != null && !st.failures().isEmpty()) {
                out.println();
                out.println(s.id() + " partly failed:");
                st.failures().forEach(f -> out.println("  - " + f));
            }
        }
        List<PlanStep> pending = pendingAttestations(run);
        if (!pending.isEmpty()) {
            out.println();
            out.println("Pending attestations (do it, then attest it):");
            for (PlanStep s : pending) {
                out.println("  " + s.id() + "  " + s.title() + (s.connectionName().isBlank() ? "" : " — " + s.connectionName())
                        + ", " + s.accountLabel() + ": " + s.instruction());
                out.println("       signoff attest " + run.runId() + " " + s.id() + " --note \"<who did what, when>\"");
            }
        }
    }

    /** 0 when nothing failed and nothing is left but attestations; 1 when a step failed or the run is still moving. */
    static int exitCode(RunSnapshot run) {
        for (StepState s : run.steps()) {
            StepStatus st = s.status();
            if (st == StepStatus.FAILED || st == StepStatus.PARTLY_FAILED || st == StepStatus.UNKNOWN_OUTCOME) return ExitCodes.FAILED;
            if (!st.terminal() && st != StepStatus.AWAITING_ATTESTATION) return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /** True when steps are still running or queued (the wait ran out). */
    static boolean stillMoving(RunSnapshot run) {
        return run.steps().stream().anyMatch(s -> !s.status().terminal() && !s.needsOperator());
    }

    static List<PlanStep> pendingAttestations(RunSnapshot run) {
        Map<String, StepState> states = states(run);
        return run.plan().steps().stream()
                .filter(s -> states.get(s.id()) != null && states.get(s.id()).status() == StepStatus.AWAITING_ATTESTATION)
                .toList();
    }

    static String label(Enum<?> value) {
        return CliJson.slug(value).replace('-', ' ');
    }

    private static void people(PrintWriter out, OffboardingPlan plan) {
        for (PlanPerson p : plan.people()) {
            out.println("  " + p.email() + (p.displayName().equals(p.email()) ? "" : " (" + p.displayName() + ")"));
            if (!p.foundOn().isEmpty()) out.println("    found on: " + String.join("; ", p.foundOn()));
            if (!p.missingOn().isEmpty()) out.println("    not on:   " + String.join("; ", p.missingOn()));
        }
        for (Guardrail g : plan.guardrails()) {
            out.println("  " + g.severity().name() + ": " + g.message());
        }
    }

    private static Map<String, StepState> states(RunSnapshot run) {
        return run.steps().stream().collect(Collectors.toMap(StepState::stepId, Function.identity()));
    }
}
