package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.Tenant;
import java.util.List;
import java.util.Objects;

/**
 * One connection's tenants, or why there are none.
 *
 * @param errorKind set with {@link LoadState#ERROR}; null otherwise
 * @param message   the reason for ERROR / NOT_CONNECTED, for the operator; empty otherwise
 */
public record ConnectionTenants(Connection connection, LoadState state, List<Tenant> tenants, ErrorKind errorKind, String message) {
    public ConnectionTenants {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(state, "state");
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        message = message == null ? "" : message;
    }

    static ConnectionTenants loading(Connection c) {
        return new ConnectionTenants(c, LoadState.LOADING, List.of(), null, "");
    }
}
