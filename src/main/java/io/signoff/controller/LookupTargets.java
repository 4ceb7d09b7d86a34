package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.Tenant;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.TargetAccount;
import io.signoff.offboarding.TargetFinder;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Offboarding targets from the console's person lookup (issue 5's {@link LookupController}): one search fanned out to
 * every connection in parallel, aliases followed up with the primary address; each account found is then described
 * for the options page (capabilities, manual session instruction, tenant job defaults).
 */
final class LookupTargets {
    private final LookupController lookup;
    private final ProviderLookup providers;
    private final Executor executor;

    LookupTargets(LookupController lookup, ProviderLookup providers, Executor executor) {
        this.lookup = lookup;
        this.providers = providers;
        this.executor = executor;
    }

    /** @param connectionIds the connections to offboard on; empty = all */
    CompletableFuture<List<OffboardingTarget>> find(List<String> emails, Set<String> connectionIds, Consumer<OffboardingTarget> eachFound) {
        if (emails.isEmpty()) return CompletableFuture.completedFuture(List.of());
        SearchQuery query = SearchQuery.parse(String.join("\n", emails));
        if (!query.invalid().isEmpty() || query.mode() != SearchQuery.Mode.EMAILS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not email addresses: "
                    + (query.invalid().isEmpty() ? query.text() : String.join(", ", query.invalid()))));
        }
        return lookup.search(query, LookupScope.everywhere(), snapshot -> { }).done()
                .thenApplyAsync(snapshot -> targets(snapshot, query.emails(), connectionIds, eachFound), executor);
    }

    private List<OffboardingTarget> targets(LookupSnapshot snapshot, List<String> emails, Set<String> scope,
                                            Consumer<OffboardingTarget> eachFound) {
        List<OffboardingTarget> out = new ArrayList<>();
        for (String email : emails) {
            List<Person> people = snapshot.people().stream().filter(p -> p.addresses().contains(email.toLowerCase(Locale.ROOT))).toList();
            Map<String, DirectoryUser> accounts = new LinkedHashMap<>();
            people.forEach(p -> p.accounts().forEach(a -> accounts.putIfAbsent(a.connectionId() + "/" + a.id(), a)));
            List<TargetAccount> described = new ArrayList<>();
            for (ConnectionSearch searched : snapshot.connections()) {
                Connection c = searched.connection();
                if (scope != null && !scope.isEmpty() && !scope.contains(c.id())) continue;
                List<DirectoryUser> here = accounts.values().stream().filter(a -> a.connectionId().equals(c.id())).toList();
                described.addAll(describe(c, searched, here, email));
            }
            String name = people.isEmpty() ? email : people.get(0).displayName();
            OffboardingTarget target = new OffboardingTarget(email, name, described);
            out.add(target);
            if (eachFound != null) eachFound.accept(target);
        }
        return out;
    }

    private List<TargetAccount> describe(Connection c, ConnectionSearch searched, List<DirectoryUser> here, String email) {
        Provider provider;
        try {
            provider = providers.provider(c.id());
        } catch (ProviderException e) {
            return List.of(TargetAccount.unreachable(c, null, e.getMessage()));
        }
        if (!here.isEmpty()) {
            List<TargetAccount> found = new ArrayList<>();
            for (DirectoryUser user : here) {
                Tenant tenant = user.tenantId() == null ? null : new Tenant(c.id(), c.kind(), user.tenantId(), null, null, null);
                found.add(TargetFinder.describe(provider, tenant, user));
            }
            return found;
        }
        return switch (searched.state()) {
            case FOUND, NOT_FOUND -> List.of(TargetAccount.notFound(c, null, provider.capabilities(), "no account for " + email));
            case OUT_OF_SCOPE -> List.of();
            default -> List.of(TargetAccount.unreachable(c, null, searched.summary()));
        };
    }
}
