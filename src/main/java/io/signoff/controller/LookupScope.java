package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.Tenant;
import java.util.List;
import java.util.Set;

/**
 * Where a person search looks. No tenant selected means everywhere; selected tenants restrict the search to those
 * tenants, and connections with none selected are left out (and shown as "not in scope").
 */
public record LookupScope(Set<Tenant> tenants) {
    public LookupScope {
        tenants = tenants == null ? Set.of() : Set.copyOf(tenants);
    }

    public static LookupScope everywhere() { return new LookupScope(Set.of()); }

    public boolean everywhereScope() { return tenants.isEmpty(); }

    public boolean includes(Connection connection) {
        return tenants.isEmpty() || tenants.stream().anyMatch(t -> t.connectionId().equals(connection.id()));
    }

    /** The selected tenants of this connection; empty when the scope is everywhere. */
    public List<Tenant> tenantsOf(Connection connection) {
        return tenants.stream().filter(t -> t.connectionId().equals(connection.id())).toList();
    }
}
