package io.signoff.controller;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Exactly what a revoke will do, shown to the operator before anything is sent.
 *
 * @param calls       the provider calls, one per account
 * @param manualSteps accounts whose provider has no API for it: what a person must do instead
 * @param warnings    privileged targets (admins, owners, primary owners) and other reasons to pause
 */
public record RevokePlan(Person person, Reach reach, List<PlannedRevoke> calls, List<ManualStep> manualSteps,
                         List<String> warnings) {

    /** How far the revoke reaches. */
    public enum Reach { ONE_SESSION, CONNECTION, EVERYWHERE }

    public RevokePlan {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(reach, "reach");
        calls = List.copyOf(calls);
        manualSteps = List.copyOf(manualSteps);
        warnings = List.copyOf(warnings);
    }

    public boolean empty() { return calls.isEmpty(); }

    public boolean privileged() { return calls.stream().anyMatch(c -> c.account().privileged()); }

    /** Revoking everywhere is the widest cut: the operator confirms by typing the person's email. */
    public boolean requiresTypedConfirmation() { return reach == Reach.EVERYWHERE; }

    /** Whether what the operator typed confirms this plan (always true when no typing is required). */
    public boolean confirmedBy(String typed) {
        if (!requiresTypedConfirmation()) return true;
        return isPersonsAddress(typed);
    }

    /**
     * Whether the operator typed the person's address (case and surrounding blanks aside). The command line asks for it
     * before any revoke, having no dialog in which the plan is shown next to the button.
     */
    public boolean isPersonsAddress(String typed) {
        return typed != null && typed.strip().toLowerCase(Locale.ROOT).equals(person.email().toLowerCase(Locale.ROOT));
    }

    /** One-line title for the dialog: "End 3 sessions of Jane Doe (jane.doe@contoso.com)". */
    public String title() {
        String who = person.displayName() + " (" + person.email() + ")";
        return switch (reach) {
            case ONE_SESSION -> "End one session of " + who;
            case CONNECTION -> "End all sessions of " + who + " in " + calls.stream().map(c -> c.connection().displayName())
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("this provider");
            case EVERYWHERE -> "End every session of " + who + " everywhere";
        };
    }
}
