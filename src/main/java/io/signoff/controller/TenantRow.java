package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.Tenant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the tenants table: a tenant, or a connection that has none to show (loading, failed, not connected,
 * empty). A connection never silently disappears from the list.
 *
 * @param tenant  null unless {@code kind == TENANT}
 * @param message what to tell the operator on a non-tenant row
 */
public record TenantRow(Kind kind, Connection connection, Tenant tenant, ErrorKind errorKind, String message) {

    public enum Kind { TENANT, LOADING, ERROR, NOT_CONNECTED, EMPTY }

    /** Microsoft's delegatedPrivilegeStatus values (as CIPP reports them) in the words partners use. */
    private static final Map<String, String> RELATIONSHIP_WORDS = Map.of(
            "granulardelegatedadminprivileges", "GDAP",
            "granularanddelegatedadminprivileges", "GDAP and DAP",
            "delegatedadminprivileges", "DAP only (legacy, no GDAP)",
            "none", "No admin relationship");

    public TenantRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(connection, "connection");
        message = message == null ? "" : message;
        if (kind == Kind.TENANT) Objects.requireNonNull(tenant, "tenant");
    }

    public boolean isTenant() { return kind == Kind.TENANT; }

    public String name() { return tenant != null ? tenant.displayName() : connection.displayName(); }

    public String domain() { return tenant != null ? tenant.domain() : ""; }

    /** Relationship / health: the tenant's own status (GDAP for CIPP), else the row's message. */
    public String status() {
        return switch (kind) {
            case TENANT -> RELATIONSHIP_WORDS.getOrDefault(tenant.status().toLowerCase(Locale.ROOT), tenant.status());
            case LOADING -> "Loading…";
            case EMPTY -> "No tenants visible to these credentials";
            case ERROR, NOT_CONNECTED -> message;
        };
    }

    /** Case-insensitive match on every visible column; {@code needle} must already be lower-case. */
    boolean matches(String needle) {
        return contains(name(), needle) || contains(domain(), needle) || contains(connection.displayName(), needle)
                || contains(connection.kind().displayName(), needle)
                || (tenant != null && (contains(tenant.id(), needle) || contains(tenant.status(), needle)));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
