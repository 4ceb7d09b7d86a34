package io.signoff.offboarding;

import io.signoff.model.DirectoryUser;
import java.util.ArrayList;
import java.util.List;

/** Collects the preview's warnings while a plan is built. */
final class Guardrails {
    private final List<Guardrail> list = new ArrayList<>();

    void add(Guardrail.Severity severity, Guardrail.Kind kind, String person, String connectionId, String stepId, String message) {
        list.add(new Guardrail(severity, kind, person, connectionId, stepId, message));
    }

    List<Guardrail> all() { return List.copyOf(list); }

    /** The warnings about one person that only show once all their steps are known. */
    void forPerson(OffboardingTarget target, List<PlanStep> steps) {
        String person = target.email();
        for (TargetAccount a : target.accounts()) {
            String where = a.connection().displayName() + (a.tenantId().isBlank() ? "" : " (" + PlanBuilder.tenantLabel(a) + ")");
            switch (a.lookup()) {
                case FOUND -> {
                    DirectoryUser u = a.account();
                    if (u.privileged()) {
                        String role = u.primaryOwner() ? "the primary owner" : u.owner() ? "an owner" : "an admin";
                        add(Guardrail.Severity.WARNING, Guardrail.Kind.PRIVILEGED_TARGET, person, a.connection().id(), "",
                                target.displayName() + " is " + role + " in " + where + ": check nothing depends on this account"
                                        + (u.primaryOwner() ? "; some providers refuse to act on a primary owner." : "."));
                    }
                }
                case NOT_FOUND -> add(Guardrail.Severity.INFO, Guardrail.Kind.ACCOUNT_NOT_FOUND, person, a.connection().id(), "",
                        "No account in " + where + (a.detail().isBlank() ? "." : ": " + a.detail()));
                case UNREACHABLE -> add(Guardrail.Severity.WARNING, Guardrail.Kind.PROVIDER_UNREACHABLE, person, a.connection().id(), "",
                        where + " could not be asked (" + (a.detail().isBlank() ? "no answer" : a.detail())
                                + "): an account there would stay open.");
            }
        }
        if (steps.isEmpty()) {
            add(Guardrail.Severity.WARNING, Guardrail.Kind.NOTHING_TO_DO, person, "", "",
                    "Nothing would be done for " + target.displayName() + ".");
            return;
        }
        boolean blocked = steps.stream().anyMatch(Guardrails::blocksSignIn);
        // A revoke is covered when the identity provider blocks sign-in, or its own connection deactivates the account.
        List<String> uncovered = steps.stream()
                .filter(s -> s.action() == StepAction.REVOKE_SESSIONS || (s.action() == StepAction.MANUAL && !s.connectionId().isBlank()))
                .filter(s -> !blocked && steps.stream().noneMatch(d -> d.action() == StepAction.DEACTIVATE
                        && d.connectionId().equals(s.connectionId())))
                .map(PlanStep::connectionName).distinct().toList();
        if (!uncovered.isEmpty()) {
            add(Guardrail.Severity.WARNING, Guardrail.Kind.SIGN_IN_STAYS_ENABLED, person, "", "",
                    "Sessions are revoked in " + String.join(", ", uncovered) + " while sign-in stays enabled: "
                            + target.displayName() + " can sign straight back in. Block sign-in at the identity provider first.");
        }
        for (PlanStep s : steps) {
            if (s.action() != StepAction.OFFBOARD_BUNDLE) continue;
            boolean licences = BundleOptions.isSelected(s.bundleOptions(), BundleOptions.REMOVE_LICENSES);
            boolean convert = BundleOptions.isSelected(s.bundleOptions(), BundleOptions.CONVERT_TO_SHARED);
            if (licences && !convert) {
                add(Guardrail.Severity.WARNING, Guardrail.Kind.LICENCES_WITHOUT_MAILBOX_CONVERSION, person, s.connectionId(), s.id(),
                        "Licences are removed without converting the mailbox to shared: the mail is deleted after 30 days.");
            } else if (licences) {
                add(Guardrail.Severity.INFO, Guardrail.Kind.LICENCES_WITHOUT_MAILBOX_CONVERSION, person, s.connectionId(), s.id(),
                        "The mailbox is converted before the licences go: CIPP removes licences 5 minutes later; "
                                + "if the conversion fails, the licence removal can still delete the mail.");
            }
        }
    }

    static boolean blocksSignIn(PlanStep s) {
        return s.action() == StepAction.DISABLE_SIGN_IN
                || (s.action() == StepAction.OFFBOARD_BUNDLE && (BundleOptions.isSelected(s.bundleOptions(), BundleOptions.DELETE_USER)
                || BundleOptions.isSelected(s.bundleOptions(), BundleOptions.DISABLE_SIGN_IN)));
    }
}
