package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deterministic audit events for tests and the benchmark. */
final class AuditFixtures {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final String[] OPERATORS = {"jdoe (Jane Helpdesk)", "asmith", "root (Night shift)"};
    private static final String[] TENANTS = {"contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com", "E0ACME", "acme-account"};
    private static final String[] ACTIONS = {"revoke_all_sessions", "revoke_session", "disable_sign_in", "reset_mfa", "deactivate"};
    private static final Outcome[] OUTCOMES = {Outcome.ATTEMPTED, Outcome.SUCCEEDED, Outcome.SUCCEEDED, Outcome.VERIFIED,
        Outcome.FAILED, Outcome.UNKNOWN, Outcome.ATTESTED};

    private AuditFixtures() { }

    /** Event {@code i} of a varied stream; one every {@code spacing}. */
    static AuditEvent event(int i, Duration spacing) {
        ProviderKind provider = ProviderKind.values()[i % ProviderKind.values().length];
        Outcome outcome = OUTCOMES[i % OUTCOMES.length];
        String email = "user" + (i % 997) + "@contoso.com";
        return new AuditEventBuilder(ACTIONS[i % ACTIONS.length])
                .timestamp(T0.plus(spacing.multipliedBy(i)))
                .operator(OPERATORS[i % OPERATORS.length])
                .machine("helpdesk-" + (i % 3))
                .channel(i % 10 == 0 ? "cli" : "ui")
                .connection("conn-" + provider.slug())
                .provider(provider)
                .tenant(TENANTS[i % TENANTS.length])
                .target(email, "U" + (100000 + i % 997))
                .param("scope", i % 2 == 0 ? "all" : "one")
                .param("reason", "Leaver ticket HD-" + (4000 + i % 500))
                .outcome(outcome)
                .reference(outcome == Outcome.FAILED ? "insufficient_scope" : "req-" + Integer.toHexString(i * 7919))
                .message(outcome == Outcome.FAILED ? "Provider said: missing permission, \"admin\" scope needed"
                        : "Done for " + email)
                .run(i % 5 == 0 ? "run-" + (i / 50) : null, i % 5 == 0 ? "step-" + (i % 7) : null)
                .build();
    }

    static List<AuditEvent> events(int fromInclusive, int toExclusive, Duration spacing) {
        List<AuditEvent> out = new ArrayList<>(toExclusive - fromInclusive);
        for (int i = fromInclusive; i < toExclusive; i++) out.add(event(i, spacing));
        return out;
    }
}
