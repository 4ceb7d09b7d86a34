package io.signoff.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.RevokeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The steps of one person, in phases: block at the identity provider, revoke, jobs, deactivate, delete, custom. */
final class PersonPlan {
    private final OffboardingTarget target;
    private final OffboardingOptions options;
    private final PlanBuilder.StepIds ids;
    private final Guardrails guardrails;
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<String> blockers = new ArrayList<>();

    /** Per account: its effective options and the steps made for it so far. */
    private static final class Account {
        final TargetAccount target;
        ProviderOptions options;
        PlanStep bundle;
        PlanStep revoke;
        PlanStep deactivate;
        boolean manualLogoutAdded;
        boolean deleting;

        Account(TargetAccount target, ProviderOptions options) {
            this.target = target;
            this.options = options;
        }

        boolean can(Capability c) { return target.supports(c); }
    }

    PersonPlan(OffboardingTarget target, OffboardingOptions options, PlanBuilder.StepIds ids, Guardrails guardrails) {
        this.target = target;
        this.options = options;
        this.ids = ids;
        this.guardrails = guardrails;
    }

    List<PlanStep> steps() {
        List<Account> accounts = new ArrayList<>();
        for (TargetAccount a : target.found()) {
            ProviderOptions chosen = options.byConnection().get(a.connection().id());
            if (chosen == null) continue;
            accounts.add(new Account(a, PlanBuilder.directWherePossible(chosen, a.capabilities())));
        }
        accounts.forEach(this::identityProviderBlock);
        accounts.forEach(this::revoke);
        accounts.forEach(this::job);
        accounts.forEach(this::deactivate);
        accounts.forEach(this::hardDelete);
        for (CustomStep custom : options.customSteps()) {
            steps.add(new PlanStep(ids.next(), target.email(), StepAction.MANUAL, custom.title(), "", null, "", "", null,
                    "", "", null, Map.of(), custom.instruction().isBlank() ? custom.title() : custom.instruction(), List.of()));
        }
        return steps;
    }

    /** Phase 1: what stops the person signing in again. Every revoke of this person depends on it. */
    private void identityProviderBlock(Account a) {
        ProviderOptions o = a.options;
        if (o.deletesUser() && a.can(Capability.OFFBOARD_BUNDLE)) {
            List<String> excluded = new ArrayList<>(BundleOptions.conflictsWithDeleteUser(o.bundle()));
            if (o.disableSignIn()) excluded.add("block sign-in");
            if (o.revokeSessions()) excluded.add("revoke sessions");
            if (o.deactivate()) excluded.add("deactivate");
            if (o.hardDelete()) excluded.add("hard delete");
            String more = excluded.isEmpty() ? "" : " DeleteUser excludes every other option; left out: " + String.join(", ", excluded) + ".";
            a.deleting = true;
            Map<String, Object> deletion = new LinkedHashMap<>();
            deletion.put(BundleOptions.DELETE_USER, Boolean.TRUE);
            List<String> notify = BundleOptions.notifications(o.bundle());
            if (!notify.isEmpty()) deletion.put(BundleOptions.POST_EXECUTION, notify); // the report goes with any job
            a.bundle = add(a, StepAction.OFFBOARD_BUNDLE, "Offboarding job: delete user", null, deletion, List.of());
            blockers.add(a.bundle.id());
            guardrails.add(Guardrail.Severity.WARNING, Guardrail.Kind.DELETE_USER, target.email(), a.target.connection().id(),
                    a.bundle.id(), "The user will be deleted in " + where(a) + ": irreversible after the retention period." + more);
            return;
        }
        if (o.disableSignIn()) {
            if (a.can(Capability.DISABLE_SIGN_IN)) {
                blockers.add(add(a, StepAction.DISABLE_SIGN_IN, null, null, Map.of(), List.of()).id());
            } else {
                unsupported(a, "block sign-in");
            }
        }
        if (!o.disableSignIn() && a.can(Capability.OFFBOARD_BUNDLE)
                && BundleOptions.isSelected(o.bundle(), BundleOptions.DISABLE_SIGN_IN)) {
            // The job itself blocks sign-in (after revoking, in CIPP's order): it is the block, and a revoke follows it.
            a.bundle = add(a, StepAction.OFFBOARD_BUNDLE, null, null, o.bundle(), List.of());
            blockers.add(a.bundle.id());
        }
    }

    private void revoke(Account a) {
        if (a.deleting) return;
        ProviderOptions o = a.options;
        boolean revokeAgain = a.bundle != null && BundleOptions.isSelected(o.bundle(), BundleOptions.REVOKE_SESSIONS)
                && a.can(Capability.REVOKE_ALL_SESSIONS);
        if (o.revokeSessions() || revokeAgain) {
            if (a.can(Capability.REVOKE_ALL_SESSIONS)) {
                String title = revokeAgain && !o.revokeSessions() ? "Revoke all sessions again (after sign-in is blocked)" : null;
                a.revoke = add(a, StepAction.REVOKE_SESSIONS, title, o.revoke(), Map.of(), List.copyOf(blockers));
            } else {
                manualLogout(a);
                if (a.target.manualSessionInstruction() == null) unsupported(a, "revoke sessions");
            }
        }
        if (o.manualLogout() && !a.manualLogoutAdded && a.target.manualSessionInstruction() != null) {
            manualLogout(a);
        }
    }

    private void manualLogout(Account a) {
        String instruction = a.target.manualSessionInstruction() != null ? a.target.manualSessionInstruction()
                : "End every session of " + a.target.account().email() + " in the admin console of " + a.target.connection().displayName();
        PlanStep step = new PlanStep(ids.next(), target.email(), StepAction.MANUAL, "Log the user out (by hand)",
                a.target.connection().id(), a.target.connection().kind(), a.target.connection().displayName(),
                a.target.tenantId(), a.target.account(), "", "", null, Map.of(), instruction, List.copyOf(blockers));
        steps.add(step);
        a.manualLogoutAdded = true;
        guardrails.add(Guardrail.Severity.INFO, Guardrail.Kind.MANUAL_ONLY, target.email(), a.target.connection().id(),
                step.id(), where(a) + " has no API to end sessions: a person must do it by hand and attest it.");
    }

    private void job(Account a) {
        if (a.deleting || a.bundle != null) return;
        Map<String, Object> bundle = a.options.bundle();
        if (BundleOptions.selectedActions(bundle).isEmpty()) return;
        if (!a.can(Capability.OFFBOARD_BUNDLE)) {
            unsupported(a, "the offboarding job");
            return;
        }
        a.bundle = add(a, StepAction.OFFBOARD_BUNDLE, null, null, bundle, after(a.revoke));
    }

    private void deactivate(Account a) {
        if (a.deleting || !a.options.deactivate()) return;
        if (!a.can(Capability.DEACTIVATE)) {
            unsupported(a, "deactivate");
            return;
        }
        a.deactivate = add(a, StepAction.DEACTIVATE, null, null, Map.of(), after(a.revoke));
    }

    private void hardDelete(Account a) {
        if (a.deleting || !a.options.hardDelete()) return;
        if (!a.can(Capability.HARD_DELETE)) {
            unsupported(a, "hard delete");
            return;
        }
        PlanStep step = add(a, StepAction.HARD_DELETE, null, null, Map.of(), after(a.deactivate != null ? a.deactivate : a.revoke));
        guardrails.add(Guardrail.Severity.WARNING, Guardrail.Kind.HARD_DELETE, target.email(), a.target.connection().id(),
                step.id(), "The account in " + where(a) + " will be deleted permanently; deactivation is usually enough.");
    }

    /** The identity-provider blocks plus one step of the same account, when there is one. */
    private List<String> after(PlanStep own) {
        List<String> deps = new ArrayList<>(blockers);
        if (own != null && !deps.contains(own.id())) deps.add(own.id());
        return deps;
    }

    private PlanStep add(Account a, StepAction action, String title, RevokeOptions revoke, Map<String, Object> bundle,
                         List<String> dependsOn) {
        TargetAccount t = a.target;
        Map<String, Object> jobOptions = new LinkedHashMap<>(bundle);
        PlanStep step = new PlanStep(ids.next(), target.email(), action, title, t.connection().id(), t.connection().kind(),
                t.connection().displayName(), t.tenantId(), t.account(),
                CallDescriptions.call(t.connection().kind(), action, t.tenantId(), t.account(), revoke, jobOptions, options.reference()),
                CallDescriptions.verification(action, t.supports(Capability.LIST_SESSIONS)),
                action == StepAction.REVOKE_SESSIONS ? revoke : null, jobOptions, "", dependsOn);
        steps.add(step);
        return step;
    }

    private void unsupported(Account a, String what) {
        guardrails.add(Guardrail.Severity.INFO, Guardrail.Kind.OPTION_NOT_SUPPORTED, target.email(), a.target.connection().id(), "",
                where(a) + " cannot " + what + " through its API: left out of the plan.");
    }

    private static String where(Account a) {
        String tenant = a.target.tenantId().isBlank() ? "" : " (" + PlanBuilder.tenantLabel(a.target) + ")";
        return a.target.connection().displayName() + tenant;
    }
}
