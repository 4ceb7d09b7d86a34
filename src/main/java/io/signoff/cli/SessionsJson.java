package io.signoff.cli;

import io.signoff.controller.AccountSessions;
import io.signoff.controller.LoadState;
import io.signoff.controller.SessionRow;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.model.Capability;
import io.signoff.model.Session;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code signoff sessions}. */
final class SessionsJson {
    private SessionsJson() { }

    record Result(String email, String displayName, int sessionCount, List<AccountEntry> accounts) {
        static Result of(SessionsSnapshot s) {
            return new Result(s.person().email(), s.person().displayName(), s.sessionCount(),
                    s.accounts().stream().map(AccountEntry::of).toList());
        }
    }

    /**
     * @param state             loaded, error or not-connected
     * @param message           why for error / not-connected, or the provider's note; else ""
     * @param manualInstruction when the provider has no API to end sessions, what a person must do; else null
     * @param sessionsValidFrom Microsoft 365: sign-ins before it are already dead; null elsewhere
     */
    record AccountEntry(String connectionId, String connectionName, String kind, String tenantId, String tenantName,
                        String userId, String email, String state, String message, String errorKind,
                        boolean canRevokeAll, boolean canRevokeOne, String manualInstruction, Instant sessionsValidFrom,
                        String residualExposure, List<SessionEntry> sessions) {
        static AccountEntry of(AccountSessions a) {
            boolean manual = a.state() == LoadState.LOADED && a.manualOnly();
            List<SessionEntry> sessions = a.sessions() == null ? List.of()
                    : a.sessions().sessions().stream().map(s -> SessionEntry.of(a, s)).toList();
            return new AccountEntry(a.connection().id(), a.connection().displayName(), a.connection().kind().slug(),
                    a.account().tenantId(), a.tenantName(), a.account().id(), a.account().email(), CliJson.slug(a.state()),
                    a.message(), CliJson.slug(a.errorKind()), a.canRevokeAll(),
                    a.capabilities().contains(Capability.REVOKE_ONE_SESSION), manual ? a.manualInstruction() : null,
                    a.sessions() == null ? null : a.sessions().sessionsValidFrom(), a.residualExposure(), sessions);
        }
    }

    /**
     * @param revocableAlone this session can be ended without the account's others (--session)
     * @param ended          a sign-in from before the account's sessions-valid-from time: its tokens are already dead
     */
    record SessionEntry(String id, String tenantId, String device, String os, String client, String ip, String location,
                        List<String> apps, Instant created, Instant lastSeen, Instant expires, boolean revocableAlone,
                        boolean ended) {
        static SessionEntry of(AccountSessions owner, Session s) {
            return new SessionEntry(s.id(), s.tenantId(), s.device(), s.os(), s.client(), s.ip(), s.location(), s.apps(),
                    s.created(), s.lastSeen(), s.expires(), owner.canRevoke(s),
                    new SessionRow(SessionRow.Kind.SESSION, owner, s, "").ended());
        }
    }
}
