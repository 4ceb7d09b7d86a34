package io.signoff.offboarding;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Turns (people with their accounts, options) into the ordered checklist with guardrail warnings. Pure: no I/O.
 *
 * <p>Ordering: sign-in is blocked at the identity provider (DISABLE_SIGN_IN, or a job that deletes the user) before any
 * session is revoked anywhere; the provider job (CIPP) runs after the identity-provider steps; deactivation follows the
 * revoke on the same connection; manual session logouts come after the identity provider is blocked. Steps of
 * different connections that do not depend on each other may run in parallel.
 */
public final class PlanBuilder {
    private final Clock clock;

    public PlanBuilder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The checklist for {@code targets} with {@code options}; check {@link OffboardingPlan#runnable()} before running. */
    public OffboardingPlan build(List<OffboardingTarget> targets, OffboardingOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * What the options page pre-selects for one account, from its capabilities: block sign-in where the provider can,
     * revoke all sessions, deactivate, the manual logout where there is no session API, and the tenant's job defaults
     * (CIPP offboardingDefaults). Never a hard delete.
     */
    public static ProviderOptions suggestedOptions(TargetAccount account) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #suggestedOptions(TargetAccount)} for every connection where any target has an account. */
    public static OffboardingOptions suggestedOptions(List<OffboardingTarget> targets) {
        throw new UnsupportedOperationException("not yet");
    }
}
