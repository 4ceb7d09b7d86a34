package io.signoff.controller;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import java.util.Objects;
import java.util.Set;

/**
 * One account's sessions, or why they are not shown.
 *
 * @param tenantName   the display name of the account's tenant when known, else its id
 * @param sessions     the provider's answer; null unless LOADED
 * @param capabilities what the provider can do, so views offer only possible actions
 * @param message      the reason for ERROR / NOT_CONNECTED, or the provider's note (no session API) — else empty
 */
public record AccountSessions(DirectoryUser account, Connection connection, String tenantName, LoadState state,
                              SessionList sessions, Set<Capability> capabilities, ErrorKind errorKind, String message) {
    public AccountSessions {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(state, "state");
        tenantName = tenantName == null || tenantName.isBlank() ? String.valueOf(account.tenantId()) : tenantName;
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        message = message == null ? "" : message;
    }

    public boolean canRevokeAll() { return capabilities.contains(Capability.REVOKE_ALL_SESSIONS); }

    public boolean canRevoke(Session session) {
        return capabilities.contains(Capability.REVOKE_ONE_SESSION) && session.revocableAlone();
    }

    /** True when the provider offers no way to end sessions through its API: a person must do it by hand. */
    public boolean manualOnly() {
        return !canRevokeAll() && state != LoadState.NOT_CONNECTED && state != LoadState.LOADING;
    }

    /** The manual instruction when the provider gave one, else a generic one. */
    public String manualInstruction() {
        if (sessions != null && sessions.manualOnly()) return sessions.manualInstruction();
        if (!message.isBlank() && errorKind == ErrorKind.UNSUPPORTED) return message + ". " + ErrorKind.UNSUPPORTED.advice();
        return "No API to end sessions in " + connection.displayName() + ". " + ErrorKind.UNSUPPORTED.advice();
    }

    public int sessionCount() { return sessions == null ? 0 : sessions.sessions().size(); }

    public String residualExposure() {
        return sessions == null || sessions.residualExposure() == null ? "" : sessions.residualExposure();
    }

    AccountSessions with(LoadState newState, SessionList list, ErrorKind kind, String why) {
        return new AccountSessions(account, connection, tenantName, newState, list, capabilities, kind, why);
    }
}
