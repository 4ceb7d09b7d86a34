package io.signoff.controller;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Finds a person everywhere: one search fanned out to every connection and tenant in scope, in parallel, with results
 * delivered per connection as they arrive.
 */
public final class LookupController {
    /** Concurrent calls per connection: enough to hide latency across a few tenants, few enough to respect rate limits. */
    public static final int DEFAULT_WORKERS_PER_CONNECTION = 4;

    private final TenantsController tenants;
    private final Executor executor;
    private final int workersPerConnection;

    public LookupController(TenantsController tenants, Executor executor) {
        this(tenants, executor, DEFAULT_WORKERS_PER_CONNECTION);
    }

    public LookupController(TenantsController tenants, Executor executor, int workersPerConnection) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (workersPerConnection < 1) throw new IllegalArgumentException("workersPerConnection must be >= 1");
        this.workersPerConnection = workersPerConnection;
    }

    /**
     * Starts a search. {@code listener} receives a snapshot at once and after every answer, on the thread that got the
     * answer (a view hands it to its UI thread). An unsearchable query finishes immediately with nothing searched.
     */
    public LookupRun search(SearchQuery query, LookupScope scope, Consumer<LookupSnapshot> listener) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scope, "scope");
        ProviderPool pool = tenants.pool();
        List<Connection> connections = pool.connections();
        LookupRun run = new LookupRun(query, connections, executor, workersPerConnection, listener);
        for (Connection c : connections) {
            if (!query.searchable()) {
                run.skip(c, SearchState.CANCELLED, query.problem());
            } else if (!scope.includes(c)) {
                run.skip(c, SearchState.OUT_OF_SCOPE, "no tenant of this connection is selected");
            }
        }
        run.publishInitial();
        if (!query.searchable()) return run;
        for (Connection c : connections) {
            // Building a client may read the keychain (proxy password): never on the caller's (UI) thread.
            if (scope.includes(c)) executor.execute(() -> begin(run, c, scope));
        }
        return run;
    }

    private void begin(LookupRun run, Connection c, LookupScope scope) {
        if (run.cancelled()) return;
        Provider provider;
        try {
            provider = tenants.pool().provider(c);
        } catch (ProviderPool.NotConnectedException e) {
            run.skipAndPublish(c, SearchState.NOT_CONNECTED, e.getMessage());
            return;
        }
        if (!provider.supports(Capability.FIND_USER)) {
            run.skipAndPublish(c, SearchState.NOT_CONNECTED, c.kind().displayName() + " cannot search users");
            return;
        }
        List<Tenant> selected = scope.tenantsOf(c);
        CompletableFuture<List<Tenant>> where = selected.isEmpty() ? tenants.tenants(c) : CompletableFuture.completedFuture(selected);
        where.whenComplete((list, error) -> {
            if (run.cancelled()) return;
            if (error != null) {
                run.failed(c, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                run.start(provider, list);
            }
        });
    }

    /** A connection's display name, or its id when it is no longer configured. */
    public String connectionName(String connectionId) {
        return tenants.pool().connection(connectionId).map(Connection::displayName).orElse(connectionId);
    }

    /** The display name of the tenant an account was found in (workspaces joined for a multi-workspace account). */
    public String tenantName(DirectoryUser account) {
        return tenants.pool().connection(account.connectionId()).map(c -> tenants.tenantName(c, account))
                .orElse(String.valueOf(account.tenantId()));
    }
}
