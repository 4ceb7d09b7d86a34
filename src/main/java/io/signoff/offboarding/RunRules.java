package io.signoff.offboarding;

import java.util.Locale;
import java.util.UUID;

/** Small rules and wordings shared by the runner and the scheduler. */
final class RunRules {
    private RunRules() { }

    static void requireRunnable(OffboardingPlan plan) {
        if (!plan.runnable()) {
            throw new IllegalArgumentException("The plan cannot run: " + plan.warnings(Guardrail.Severity.BLOCKER).stream()
                    .map(Guardrail::message).findFirst().orElse("it has no step"));
        }
    }

    static String requireText(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("Give " + what);
        return text.strip();
    }

    static String newRunId() {
        return "run-" + UUID.randomUUID();
    }

    static String people(OffboardingPlan plan) {
        return String.join(", ", plan.people().stream().map(PlanPerson::email).toList());
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
