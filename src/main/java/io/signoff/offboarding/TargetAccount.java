package io.signoff.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.Tenant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One connection (and tenant) searched for one person, with what was found there.
 *
 * @param tenant                   the tenant searched, or null when the connection could not list its tenants
 * @param account                  the account found, or null unless {@code lookup} is FOUND
 * @param capabilities             what the connection's provider can do (drives the options offered)
 * @param manualSessionInstruction when the provider has no API to end sessions (Lucid), what a person must do by hand;
 *                                 null otherwise
 * @param bundleDefaults           the tenant's offboarding defaults (CIPP offboardingDefaults), option name -> value;
 *                                 empty when the provider sends none
 * @param detail                   why NOT_FOUND / UNREACHABLE, for the operator; empty when FOUND
 */
public record TargetAccount(
        Connection connection,
        Tenant tenant,
        AccountLookup lookup,
        DirectoryUser account,
        Set<Capability> capabilities,
        String manualSessionInstruction,
        Map<String, Object> bundleDefaults,
        String detail) {

    public TargetAccount {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(lookup, "lookup");
        if (lookup == AccountLookup.FOUND && account == null) {
            throw new IllegalArgumentException("a FOUND account needs the account");
        }
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        bundleDefaults = bundleDefaults == null ? Map.of() : bundleDefaults.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        detail = detail == null ? "" : detail;
    }

    public static TargetAccount found(Connection connection, Tenant tenant, DirectoryUser account, Set<Capability> capabilities,
                                      String manualSessionInstruction, Map<String, Object> bundleDefaults) {
        return new TargetAccount(connection, tenant, AccountLookup.FOUND, account, capabilities, manualSessionInstruction,
                bundleDefaults, "");
    }

    public static TargetAccount notFound(Connection connection, Tenant tenant, Set<Capability> capabilities, String detail) {
        return new TargetAccount(connection, tenant, AccountLookup.NOT_FOUND, null, capabilities, null, Map.of(), detail);
    }

    public static TargetAccount unreachable(Connection connection, Tenant tenant, String detail) {
        return new TargetAccount(connection, tenant, AccountLookup.UNREACHABLE, null, Set.of(), null, Map.of(), detail);
    }

    public boolean found() { return lookup == AccountLookup.FOUND; }

    public boolean supports(Capability capability) { return capabilities.contains(capability); }

    /** The tenant id, or "" when unknown. */
    public String tenantId() { return tenant == null ? "" : tenant.id(); }
}
