package io.signoff.cli;

import io.signoff.controller.CallOutcome;
import io.signoff.controller.ManualStep;
import io.signoff.controller.PlannedRevoke;
import io.signoff.controller.RevokeReport;
import io.signoff.controller.Verification;
import io.signoff.model.DirectoryUser;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code signoff revoke}. */
final class RevokeJson {
    private RevokeJson() { }

    /**
     * @param reach       one-session, connection or everywhere
     * @param allVerified every account verified, or left to a listed manual step
     */
    record Result(String runId, String email, String displayName, String reach, List<String> warnings, List<Call> calls,
                  List<Check> verifications, List<Manual> manualSteps, boolean allVerified) {
        static Result of(RevokeReport r) {
            return new Result(r.runId(), r.plan().person().email(), r.plan().person().displayName(),
                    CliJson.slug(r.plan().reach()), r.plan().warnings(), r.calls().stream().map(Call::of).toList(),
                    r.verifications().stream().map(Check::of).toList(),
                    r.plan().manualSteps().stream().map(Manual::of).toList(), r.allVerified());
        }
    }

    /**
     * @param action    revoke_all_sessions or revoke_session, as the audit trail names it
     * @param sessionId the one session ended; null for all
     * @param state     succeeded, failed, unknown (verified by reading back) or not-sent
     * @param reference the provider's request id or error code
     */
    record Call(String connectionId, String connectionName, String kind, String tenantName, String userId,
                String account, String action, String sessionId, String state, String errorKind, String reference,
                String message) {
        static Call of(CallOutcome o) {
            PlannedRevoke c = o.call();
            return new Call(c.connection().id(), c.connection().displayName(), c.connection().kind().slug(), c.tenantName(),
                    c.account().id(), label(c.account()), c.action(), c.session() == null ? null : c.session().id(),
                    CliJson.slug(o.state()), CliJson.slug(o.errorKind()), o.reference(), o.message());
        }
    }

    /**
     * @param state verified, failed, manual (no API to read back: check by hand) or not-sent
     * @param checks reads made
     */
    record Check(String connectionId, String connectionName, String kind, String userId, String account, String state,
                 String detail, String residualExposure, int checks, Instant checkedAt) {
        static Check of(Verification v) {
            return new Check(v.connection().id(), v.connection().displayName(), v.connection().kind().slug(),
                    v.account().id(), label(v.account()), CliJson.slug(v.state()), v.detail(), v.residualExposure(),
                    v.checks(), v.checkedAt());
        }
    }

    record Manual(String connectionId, String connectionName, String userId, String account, String instruction) {
        static Manual of(ManualStep m) {
            return new Manual(m.connection().id(), m.connection().displayName(), m.account().id(), label(m.account()),
                    m.instruction());
        }
    }

    static String label(DirectoryUser u) {
        return u.email().isBlank() ? u.displayName() : u.email();
    }
}
