package io.signoff.offboarding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ordered checklist for one or more people, as previewed and then run. Immutable; the journal stores it as built.
 *
 * @param steps     in display order; dependencies ({@link PlanStep#dependsOn()}) only point to earlier steps
 * @param reference ticket number / note from the options, sent with provider jobs
 */
public record OffboardingPlan(
        List<PlanPerson> people,
        List<PlanStep> steps,
        List<Guardrail> guardrails,
        OffboardingOptions options,
        String reference,
        Instant builtAt) {

    public OffboardingPlan {
        people = people == null ? List.of() : List.copyOf(people);
        steps = steps == null ? List.of() : List.copyOf(steps);
        guardrails = guardrails == null ? List.of() : List.copyOf(guardrails);
        options = options == null ? OffboardingOptions.empty() : options;
        reference = reference == null ? "" : reference;
    }

    /** False when a guardrail is a BLOCKER or there is no step at all: the runner refuses such a plan. */
    public boolean runnable() {
        return !steps.isEmpty() && guardrails.stream().noneMatch(g -> g.severity() == Guardrail.Severity.BLOCKER);
    }

    public Optional<PlanStep> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<PlanStep> stepsOf(String personEmail) {
        return steps.stream().filter(s -> s.personEmail().equalsIgnoreCase(personEmail)).toList();
    }

    public List<Guardrail> warnings(Guardrail.Severity atLeast) {
        return guardrails.stream().filter(g -> g.severity().compareTo(atLeast) >= 0).toList();
    }
}
