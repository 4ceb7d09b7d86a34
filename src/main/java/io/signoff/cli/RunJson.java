package io.signoff.cli;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.PlanPerson;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.StepState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The JSON of {@code signoff offboard} (plan, run, schedule, resume) and {@code signoff attest}: one shape for all. */
final class RunJson {
    private RunJson() { }

    /**
     * @param mode     plan, run, schedule, resume or attest: what the command did
     * @param runId    null for a plan (nothing journalled)
     * @param state    planned, or the run's state: scheduled, running, needs-attention, finished, interrupted, missed,
     *                 cancelled
     * @param runnable false when a blocker guardrail stops the plan
     */
    record Result(String mode, String runId, String state, boolean runnable, String reference, Instant createdAt,
                  Instant scheduledAt, String operator, String channel, List<Person> people, List<Warning> guardrails,
                  List<Step> steps, List<Attestation> pendingAttestations, Progress progress) {

        static Result ofPlan(OffboardingPlan plan) {
            List<Step> steps = plan.steps().stream().map(s -> Step.of(s, null)).toList();
            return new Result("plan", null, "planned", plan.runnable(), plan.reference(), null, null, null, null,
                    people(plan), warnings(plan), steps, List.of(), new Progress(steps.size(), 0, 0, 0));
        }

        static Result ofRun(String mode, RunSnapshot run) {
            OffboardingPlan plan = run.plan();
            Map<String, StepState> states = run.steps().stream().collect(Collectors.toMap(StepState::stepId, Function.identity()));
            List<Step> steps = plan.steps().stream().map(s -> Step.of(s, states.get(s.id()))).toList();
            List<Attestation> pending = plan.steps().stream()
                    .filter(s -> states.get(s.id()) != null && states.get(s.id()).status() == StepStatus.AWAITING_ATTESTATION)
                    .map(s -> Attestation.of(run.runId(), s)).toList();
            return new Result(mode, run.runId(), CliJson.slug(run.state()), plan.runnable(), plan.reference(),
                    run.createdAt(), run.scheduledAt(), run.operator(), run.channel(), people(plan), warnings(plan), steps,
                    pending, new Progress(run.progress().total(), run.progress().done(), run.progress().failed(),
                            run.progress().waiting()));
        }

        private static List<Person> people(OffboardingPlan plan) {
            return plan.people().stream().map(Person::of).toList();
        }

        private static List<Warning> warnings(OffboardingPlan plan) {
            return plan.guardrails().stream().map(Warning::of).toList();
        }
    }

    record Person(String email, String displayName, List<String> foundOn, List<String> missingOn) {
        static Person of(PlanPerson p) {
            return new Person(p.email(), p.displayName(), p.foundOn(), p.missingOn());
        }
    }

    /** @param severity info, warning or blocker; kind e.g. privileged-target, manual-only, provider-unreachable */
    record Warning(String severity, String kind, String person, String connectionId, String stepId, String message) {
        static Warning of(Guardrail g) {
            return new Warning(CliJson.slug(g.severity()), CliJson.slug(g.kind()), g.personEmail(), g.connectionId(),
                    g.stepId(), g.message());
        }
    }

    /**
     * @param action disable-sign-in, revoke-sessions, offboard-bundle, deactivate, hard-delete or manual
     * @param status planned (a plan), or pending, running, queued, succeeded, verified, partly-failed, failed,
     *               unknown-outcome, skipped, awaiting-attestation, attested
     */
    record Step(String id, String person, String action, String title, String connectionId, String connectionName,
                String kind, String tenantId, String account, String call, String verification, String instruction,
                List<String> dependsOn, String status, String detail, List<String> failures, int attempts, String reference) {
        static Step of(PlanStep s, StepState state) {
            return new Step(s.id(), s.personEmail(), CliJson.slug(s.action()), s.title(), s.connectionId(),
                    s.connectionName(), s.provider() == null ? null : s.provider().slug(), s.tenantId(), s.accountLabel(),
                    s.call(), s.verification(), s.instruction(), s.dependsOn(),
                    state == null ? "planned" : CliJson.slug(state.status()), state == null ? "" : state.detail(),
                    state == null ? List.of() : state.failures(), state == null ? 0 : state.attempts(),
                    state == null ? "" : state.reference());
        }
    }

    /** @param command the command that attests it, with a placeholder note */
    record Attestation(String stepId, String person, String title, String connectionName, String instruction, String command) {
        static Attestation of(String runId, PlanStep s) {
            return new Attestation(s.id(), s.personEmail(), s.title(), s.connectionName(), s.instruction(),
                    "signoff attest " + runId + " " + s.id() + " --note \"<who did what, when>\"");
        }
    }

    /** @param done steps in a final state; waiting: steps waiting for the operator */
    record Progress(int total, int done, int failed, int waiting) { }
}
