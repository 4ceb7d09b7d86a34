package io.signoff.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.DirectoryUser;
import io.signoff.model.RevokeOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns (people with their accounts, options) into the ordered checklist with guardrail warnings. Pure: no I/O.
 *
 * <p>Ordering, per person: sign-in is blocked at the identity provider first (DISABLE_SIGN_IN, or a provider job that
 * blocks or deletes the user); every session revoke, anywhere, depends on that; the provider job (CIPP mailbox work)
 * follows the identity-provider steps; deactivation follows the revoke on the same connection, a hard delete follows
 * deactivation; where a job blocked sign-in itself after revoking (CIPP's server-side order), sessions are revoked
 * again after it. Steps of different connections that do not depend on each other may run in parallel.
 */
public final class PlanBuilder {
    private final Clock clock;

    public PlanBuilder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The checklist for {@code targets} with {@code options}; check {@link OffboardingPlan#runnable()} before running. */
    public OffboardingPlan build(List<OffboardingTarget> targets, OffboardingOptions options) {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(options, "options");
        List<PlanStep> steps = new ArrayList<>();
        List<PlanPerson> people = new ArrayList<>();
        Guardrails guardrails = new Guardrails();
        StepIds ids = new StepIds();
        for (OffboardingTarget target : targets) {
            people.add(person(target));
            List<PlanStep> own = new PersonPlan(target, options, ids, guardrails).steps();
            guardrails.forPerson(target, own);
            steps.addAll(own);
        }
        if (targets.isEmpty()) {
            guardrails.add(Guardrail.Severity.BLOCKER, Guardrail.Kind.NOTHING_TO_DO, "", "", "", "No person chosen");
        } else if (steps.isEmpty()) {
            guardrails.add(Guardrail.Severity.BLOCKER, Guardrail.Kind.NOTHING_TO_DO, "", "", "",
                    "Nothing to do: no option selected applies to any account found");
        }
        return new OffboardingPlan(people, steps, guardrails.all(), options, options.reference(), clock.instant());
    }

    /**
     * What the options page pre-selects for one account, from its capabilities: block sign-in where the provider can,
     * revoke all sessions, deactivate, the manual logout where there is no session API, and the tenant's job defaults
     * (CIPP offboardingDefaults; a conservative leaver set when the tenant has none). Never a hard delete.
     */
    public static ProviderOptions suggestedOptions(TargetAccount account) {
        Map<String, Object> bundle = Map.of();
        if (account.supports(Capability.OFFBOARD_BUNDLE)) {
            bundle = account.bundleDefaults().isEmpty() ? standardBundle() : BundleOptions.canonical(account.bundleDefaults());
        }
        ProviderOptions suggested = new ProviderOptions(
                account.supports(Capability.DISABLE_SIGN_IN),
                account.supports(Capability.REVOKE_ALL_SESSIONS),
                RevokeOptions.all(),
                account.supports(Capability.DEACTIVATE),
                false,
                account.manualSessionInstruction() != null && !account.supports(Capability.REVOKE_ALL_SESSIONS),
                bundle);
        return directWherePossible(suggested, account.capabilities());
    }

    /** {@link #suggestedOptions(TargetAccount)} for every connection where any target has an account. */
    public static OffboardingOptions suggestedOptions(List<OffboardingTarget> targets) {
        Map<String, ProviderOptions> byConnection = new LinkedHashMap<>();
        for (OffboardingTarget target : targets) {
            for (TargetAccount account : target.found()) {
                byConnection.putIfAbsent(account.connection().id(), suggestedOptions(account));
            }
        }
        return new OffboardingOptions(byConnection, List.of(), "");
    }

    /** CIPP's wizard pre-selects nothing; a leaver keeps their mail (shared mailbox) and loses its side doors. */
    private static Map<String, Object> standardBundle() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(BundleOptions.HIDE_FROM_GAL, true);
        out.put(BundleOptions.REMOVE_RULES, true);
        out.put(BundleOptions.REMOVE_MOBILE, true);
        out.put(BundleOptions.DISABLE_FORWARDING, true);
        out.put(BundleOptions.CONVERT_TO_SHARED, true);
        return out;
    }

    /**
     * Job options that the provider can also do directly (block sign-in, revoke sessions) become direct steps, so
     * they run in the right order (the job would revoke before it disables) and are verified on their own.
     */
    static ProviderOptions directWherePossible(ProviderOptions options, java.util.Set<Capability> capabilities) {
        ProviderOptions out = options;
        if (BundleOptions.isSelected(out.bundle(), BundleOptions.DISABLE_SIGN_IN) && capabilities.contains(Capability.DISABLE_SIGN_IN)) {
            out = out.withDisableSignIn(true).withBundleOption(BundleOptions.DISABLE_SIGN_IN, null);
        }
        if (BundleOptions.isSelected(out.bundle(), BundleOptions.REVOKE_SESSIONS) && capabilities.contains(Capability.REVOKE_ALL_SESSIONS)) {
            out = out.withRevokeSessions(true, out.revoke()).withBundleOption(BundleOptions.REVOKE_SESSIONS, null);
        }
        return out;
    }

    private static PlanPerson person(OffboardingTarget target) {
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (TargetAccount a : target.accounts()) {
            String where = a.connection().displayName() + (a.tenantId().isBlank() ? "" : " / " + tenantLabel(a));
            if (a.found()) found.add(where);
            else missing.add(where + ": " + (a.detail().isBlank() ? a.lookup().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : a.detail()));
        }
        return new PlanPerson(target.email(), target.displayName(), found, missing);
    }

    static String tenantLabel(TargetAccount a) {
        return a.tenant() == null ? a.tenantId() : a.tenant().displayName();
    }

    /** Sequential step ids across the whole plan. */
    static final class StepIds {
        private int next = 1;

        String next() { return String.format("s%02d", next++); }
    }

    static DirectoryUser accountOf(TargetAccount a) { return a.account(); }
}
