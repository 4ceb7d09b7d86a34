package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import java.util.Objects;

/**
 * One provider call a revoke will make.
 *
 * @param session     the one session to end; null to end all of the account's sessions
 * @param before      the account's sessions as last read, to tell afterwards which ones the revoke should have ended
 * @param description what will be called, in words, for the confirmation dialog and the audit message
 */
public record PlannedRevoke(DirectoryUser account, Connection connection, String tenantName, Session session,
                            SessionList before, String description) {
    /** Audit action names; a verification row repeats its call's action with outcome VERIFIED or FAILED. */
    public static final String REVOKE_ONE = "revoke_session";
    public static final String REVOKE_ALL = "revoke_all_sessions";

    public PlannedRevoke {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(description, "description");
    }

    public boolean allSessions() { return session == null; }

    /** The audit action name. */
    public String action() { return session == null ? REVOKE_ALL : REVOKE_ONE; }

    /** Stable key of the account this call targets. */
    public String accountKey() { return connection.id() + '\u0000' + account.id(); }
}
