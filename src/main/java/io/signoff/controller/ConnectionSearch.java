package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one connection stands in a person search.
 *
 * @param accounts  accounts found so far
 * @param callsDone provider calls answered (one per tenant and searched term)
 * @param errorKind the failure's kind for ERROR, or for a FOUND/NOT_FOUND with some tenants failing; else null
 * @param reason    what to tell the operator: the error, a partial failure, or why the connection was skipped
 * @param elapsed   time from the start of the search until this connection finished (so far, while searching)
 */
public record ConnectionSearch(Connection connection, SearchState state, int accounts, int callsDone, int callsTotal,
                               ErrorKind errorKind, String reason, Duration elapsed) {
    public ConnectionSearch {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** The chip text: "found 2", "error: …", "not found". */
    public String summary() {
        return switch (state) {
            case FOUND -> "found " + accounts + (reason.isEmpty() ? "" : " (" + reason + ")");
            case ERROR -> "error: " + reason;
            case NOT_CONNECTED, OUT_OF_SCOPE -> state.label() + (reason.isEmpty() ? "" : ": " + reason);
            case SEARCHING -> callsTotal > 1 ? "searching… " + callsDone + "/" + callsTotal : state.label();
            default -> state.label() + (reason.isEmpty() ? "" : " (" + reason + ")");
        };
    }
}
