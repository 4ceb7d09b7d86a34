package io.signoff.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every connection's tenants as known at one moment; later snapshots replace earlier ones. */
public record TenantsSnapshot(List<ConnectionTenants> connections) {
    public TenantsSnapshot {
        connections = List.copyOf(connections);
    }

    public boolean finished() {
        return connections.stream().allMatch(c -> c.state().done());
    }

    public int tenantCount() {
        return connections.stream().mapToInt(c -> c.tenants().size()).sum();
    }

    /** Table rows: each tenant, plus one row per connection that has no tenant to show and why. */
    public List<TenantRow> rows() {
        List<TenantRow> rows = new ArrayList<>();
        for (ConnectionTenants c : connections) {
            switch (c.state()) {
                case LOADING -> rows.add(new TenantRow(TenantRow.Kind.LOADING, c.connection(), null, null, ""));
                case ERROR -> rows.add(new TenantRow(TenantRow.Kind.ERROR, c.connection(), null, c.errorKind(), c.message()));
                case NOT_CONNECTED -> rows.add(new TenantRow(TenantRow.Kind.NOT_CONNECTED, c.connection(), null, null, c.message()));
                case LOADED -> {
                    if (c.tenants().isEmpty()) {
                        rows.add(new TenantRow(TenantRow.Kind.EMPTY, c.connection(), null, null, ""));
                    }
                    c.tenants().forEach(t -> rows.add(new TenantRow(TenantRow.Kind.TENANT, c.connection(), t, null, "")));
                }
            }
        }
        return rows;
    }

    /**
     * Filter-as-you-type over {@link #rows()}: tenants must match the text; rows that explain a problem stay visible
     * so that "no match" is never confused with "this connection failed".
     */
    public static List<TenantRow> filter(List<TenantRow> rows, String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) return List.copyOf(rows);
        return rows.stream().filter(r -> !r.isTenant() || r.matches(needle)).toList();
    }
}
