package io.signoff.controller;

import io.signoff.model.Session;
import io.signoff.model.SessionList;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides from a re-read whether a revoke took effect. Pure: no I/O, no clock of its own. */
final class RevokeVerifier {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ISO_INSTANT;

    private RevokeVerifier() { }

    static Verification judge(PlannedRevoke call, SessionList after, Instant revokeStarted, Duration skew,
                              int checks, Instant now) {
        String residual = after.residualExposure() != null ? after.residualExposure()
                : call.before() != null ? call.before().residualExposure() : null;
        if (after.manualOnly()) {
            return verification(call, VerifyState.MANUAL, after.manualInstruction(), residual, checks, now);
        }
        if (!call.allSessions()) {
            String id = call.session().id();
            boolean still = after.sessions().stream().anyMatch(s -> s.id().equals(id));
            return still
                    ? verification(call, VerifyState.NOT_YET_VISIBLE, "Session " + id + " is still listed", residual, checks, now)
                    : verification(call, VerifyState.VERIFIED, "Session " + id + " is no longer listed", residual, checks, now);
        }
        Instant validFrom = after.sessionsValidFrom();
        if (validFrom != null) {
            Instant previous = call.before() == null ? null : call.before().sessionsValidFrom();
            boolean moved = !validFrom.isBefore(revokeStarted.minus(skew)) && (previous == null || validFrom.isAfter(previous));
            return moved
                    ? verification(call, VerifyState.VERIFIED, "Sessions valid from " + UTC_TIME.format(validFrom)
                            + ": every sign-in before it must start again", residual, checks, now)
                    : verification(call, VerifyState.NOT_YET_VISIBLE, "Sessions valid from is still "
                            + UTC_TIME.format(validFrom) + ", before the revoke", residual, checks, now);
        }
        List<Session> remaining = remaining(call, after.sessions(), revokeStarted);
        if (remaining.isEmpty()) {
            int fresh = after.sessions().size();
            String detail = fresh == 0 ? "No session is listed any more"
                    : "None of the revoked sessions is listed; " + fresh + " new session" + (fresh == 1 ? "" : "s")
                    + " since (signed in again?)";
            return verification(call, VerifyState.VERIFIED, detail, residual, checks, now);
        }
        return verification(call, VerifyState.NOT_YET_VISIBLE, remaining.size() + " session"
                + (remaining.size() == 1 ? " is" : "s are") + " still listed", residual, checks, now);
    }

    /** Sessions the revoke should have ended: those listed before it, or when unknown, those older than the revoke. */
    private static List<Session> remaining(PlannedRevoke call, List<Session> after, Instant revokeStarted) {
        if (call.before() != null && !call.before().manualOnly()) {
            Set<String> ids = call.before().sessions().stream().map(Session::id).collect(Collectors.toSet());
            return after.stream().filter(s -> ids.contains(s.id())).toList();
        }
        return after.stream().filter(s -> s.created() == null || s.created().isBefore(revokeStarted)).toList();
    }

    private static Verification verification(PlannedRevoke call, VerifyState state, String detail, String residual,
                                             int checks, Instant now) {
        return new Verification(call.account(), call.connection(), state, detail, residual, checks, now);
    }
}
