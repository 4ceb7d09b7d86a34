package io.signoff.controller;

import io.signoff.model.Session;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the sessions table: a session, or an account that has none to show and why.
 *
 * @param session null unless {@code kind == SESSION}
 */
public record SessionRow(Kind kind, AccountSessions owner, Session session, String note) {

    public enum Kind { SESSION, LOADING, NONE, MANUAL, ERROR }

    public SessionRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        note = note == null ? "" : note;
        if (kind == Kind.SESSION) Objects.requireNonNull(session, "session");
    }

    public String providerName() { return owner.connection().displayName(); }

    public boolean revocableAlone() { return session != null && owner.canRevoke(session); }

    /**
     * True for a sign-in that happened before the account's "sessions valid from" time: its tokens are already dead
     * (Microsoft 365 lists recent sign-ins, not live sessions).
     */
    public boolean ended() {
        if (session == null || owner.sessions() == null) return false;
        Instant validFrom = owner.sessions().sessionsValidFrom();
        Instant when = session.created() != null ? session.created() : session.lastSeen();
        return validFrom != null && when != null && when.isBefore(validFrom);
    }
}
