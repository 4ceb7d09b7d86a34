package io.signoff.offboarding;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds one person's accounts on every connection in scope (every tenant of each), with the capabilities, the manual
 * session instruction and the tenant's job defaults the options page needs. Blocking: callers run it off the UI thread.
 */
public final class TargetFinder {
    private static final Logger LOG = LoggerFactory.getLogger(TargetFinder.class);
    private final Supplier<List<Connection>> connections;
    private final ProviderLookup providers;

    public TargetFinder(Supplier<List<Connection>> connections, ProviderLookup providers) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    /**
     * @param connectionIds the connections to search; empty = all configured
     */
    public OffboardingTarget find(String email, Set<String> connectionIds) {
        return find(email, connectionIds, new HashMap<>());
    }

    /**
     * Bulk: each address in turn, listing each connection's tenants once for all of them.
     *
     * @param eachFound told as each person is done (progress); may be null
     */
    public List<OffboardingTarget> findAll(List<String> emails, Set<String> connectionIds, Consumer<OffboardingTarget> eachFound) {
        Map<String, Tenants> tenantsByConnection = new HashMap<>();
        List<OffboardingTarget> out = new ArrayList<>();
        for (String email : emails) {
            OffboardingTarget t = find(email, connectionIds, tenantsByConnection);
            out.add(t);
            if (eachFound != null) eachFound.accept(t);
        }
        return out;
    }

    /** A connection's tenants, or why they could not be listed. */
    private record Tenants(List<Tenant> list, String failure) { }

    /** @param tenantsCache connection id -> its tenants, listed once per search */
    private OffboardingTarget find(String email, Set<String> connectionIds, Map<String, Tenants> tenantsCache) {
        String address = Objects.requireNonNull(email, "email").strip();
        List<TargetAccount> accounts = new ArrayList<>();
        for (Connection c : connections.get()) {
            if (connectionIds != null && !connectionIds.isEmpty() && !connectionIds.contains(c.id())) continue;
            accounts.addAll(search(c, address, tenantsCache));
        }
        String name = accounts.stream().filter(TargetAccount::found).map(a -> a.account().displayName())
                .filter(n -> n != null && !n.isBlank() && !n.equalsIgnoreCase(address)).findFirst().orElse(address);
        return new OffboardingTarget(address, name, accounts);
    }

    private List<TargetAccount> search(Connection c, String email, Map<String, Tenants> tenantsCache) {
        Provider provider;
        List<Tenant> tenants;
        try {
            provider = providers.provider(c.id());
            if (!provider.supports(Capability.FIND_USER)) {
                return List.of(TargetAccount.unreachable(c, null, c.kind().displayName() + " cannot search users"));
            }
            Tenants cached = tenantsCache.get(c.id());
            if (cached != null && cached.failure() != null) return List.of(TargetAccount.unreachable(c, null, cached.failure()));
            tenants = cached != null ? cached.list() : provider.listTenants();
            tenantsCache.put(c.id(), new Tenants(tenants, null));
        } catch (ProviderException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            tenantsCache.put(c.id(), new Tenants(List.of(), why));
            return List.of(TargetAccount.unreachable(c, null, why));
        }
        List<TargetAccount> found = new ArrayList<>();
        List<TargetAccount> failed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Tenant tenant : tenants) {
            try {
                for (DirectoryUser user : provider.findUsers(tenant, email)) {
                    if (!user.matchesEmail(email) || !seen.add(user.id())) continue;
                    found.add(describe(provider, tenant, user));
                }
            } catch (ProviderException e) {
                failed.add(TargetAccount.unreachable(c, tenant, e.getMessage()));
            }
        }
        List<TargetAccount> out = new ArrayList<>(found);
        out.addAll(failed);
        if (out.isEmpty()) {
            out.add(TargetAccount.notFound(c, tenants.size() == 1 ? tenants.get(0) : null, provider.capabilities(),
                    tenants.size() == 1 ? "no account for " + email : "no account for " + email + " in " + tenants.size() + " tenants"));
        }
        return out;
    }

    /**
     * One account found by any search (this finder's or the console's person lookup), with what the options page needs:
     * the provider's capabilities, the manual session instruction and the tenant's job defaults. Blocking.
     */
    public static TargetAccount describe(Provider provider, Tenant tenant, DirectoryUser user) {
        return TargetAccount.found(provider.connection(), tenant, user, provider.capabilities(), manualInstruction(provider, user),
                defaults(provider, tenant));
    }

    /** Where the provider has no session API but says what to do by hand (Lucid "Log out user"). */
    private static String manualInstruction(Provider provider, DirectoryUser user) {
        if (!provider.supports(Capability.LIST_SESSIONS) || provider.supports(Capability.REVOKE_ALL_SESSIONS)) return null;
        try {
            SessionList list = provider.listSessions(user);
            return list.manualOnly() ? list.manualInstruction() : null;
        } catch (ProviderException e) {
            LOG.debug("{}: no session instruction for {}: {}", provider.connection().id(), user.id(), e.getMessage());
            return null;
        }
    }

    private static Map<String, Object> defaults(Provider provider, Tenant tenant) {
        if (!provider.supports(Capability.OFFBOARD_BUNDLE)) return Map.of();
        try {
            return provider.offboardingDefaults(tenant);
        } catch (ProviderException e) {
            LOG.debug("{}: no offboarding defaults for {}: {}", provider.connection().id(), tenant.id(), e.getMessage());
            return Map.of();
        }
    }
}
