package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import java.time.Instant;
import java.util.Objects;

/**
 * The verification of one account's revoke.
 *
 * @param detail           what the read showed, in words ("session 123 no longer listed", "2 sessions still listed")
 * @param residualExposure how long already-issued tokens may still work, as the provider documents it
 * @param checks           reads made so far
 * @param checkedAt        time of the last read, or null before the first
 */
public record Verification(DirectoryUser account, Connection connection, VerifyState state, String detail,
                           String residualExposure, int checks, Instant checkedAt) {
    public Verification {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        residualExposure = residualExposure == null ? "" : residualExposure;
    }
}
