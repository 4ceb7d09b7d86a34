package io.signoff.model;

import java.time.Instant;
import java.util.List;

/**
 * What a provider can say about one account's sessions.
 *
 * @param sessionsValidFrom Microsoft 365 signInSessionsValidFromDateTime: tokens issued before it are dead; null elsewhere
 * @param manualInstruction when the provider has no session API, what a person must do by hand (else null)
 * @param residualExposure  how long an already-issued token may keep working after a revoke, as the provider documents it
 */
public record SessionList(
        List<Session> sessions,
        Instant sessionsValidFrom,
        String manualInstruction,
        String residualExposure) {

    public SessionList {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public static SessionList of(List<Session> sessions, String residualExposure) {
        return new SessionList(sessions, null, null, residualExposure);
    }

    public static SessionList manual(String instruction) {
        return new SessionList(List.of(), null, instruction, null);
    }

    public boolean manualOnly() { return manualInstruction != null; }
}
