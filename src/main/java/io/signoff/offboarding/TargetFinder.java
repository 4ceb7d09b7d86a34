package io.signoff.offboarding;

import io.signoff.model.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds one person's accounts on every connection in scope (every tenant of each), with the capabilities, the manual
 * session instruction and the tenant's job defaults the options page needs. Blocking: callers run it off the UI thread.
 */
public final class TargetFinder {
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
        throw new UnsupportedOperationException("not yet");
    }
}
