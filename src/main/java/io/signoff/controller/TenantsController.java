package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One list of tenants across connections. Each connection's {@code listTenants} runs in parallel on the executor;
 * a failing connection becomes a row that says why, never a hole in the list. Successful lists are cached so the
 * user search does not list tenants again.
 */
public final class TenantsController {
    private static final Logger LOG = LoggerFactory.getLogger(TenantsController.class);

    private final ProviderPool pool;
    private final Executor executor;
    private final Map<Connection, CompletableFuture<List<Tenant>>> cache = new ConcurrentHashMap<>();

    public TenantsController(ProviderPool pool, Executor executor) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ProviderPool pool() { return pool; }

    /**
     * Reloads every connection's tenants (dropping the cache). {@code listener} gets a snapshot on start and after each
     * connection answers, on whichever thread finished; the returned future completes with the final snapshot.
     */
    public CompletableFuture<TenantsSnapshot> load(Consumer<TenantsSnapshot> listener) {
        cache.clear();
        return list(listener);
    }

    /**
     * Like {@link #load}, but a list already fetched or being fetched (by {@link #prefetch}) is taken as it is: the
     * first showing of the tenants does not ask every provider twice.
     */
    public CompletableFuture<TenantsSnapshot> loadReusing(Consumer<TenantsSnapshot> listener) {
        return list(listener);
    }

    /**
     * Starts listing every connection's tenants now, in the background, for whoever asks next: the console calls it
     * as it starts, so the lists travel while the window is still being built.
     */
    public void prefetch() {
        pool.connections().forEach(this::tenants);
    }

    private CompletableFuture<TenantsSnapshot> list(Consumer<TenantsSnapshot> listener) {
        List<Connection> connections = pool.connections();
        Map<String, ConnectionTenants> states = new LinkedHashMap<>();
        connections.forEach(c -> states.put(c.id(), ConnectionTenants.loading(c)));
        Object lock = new Object();
        Consumer<ConnectionTenants> publish = update -> {
            TenantsSnapshot snapshot;
            synchronized (lock) {
                states.put(update.connection().id(), update);
                snapshot = new TenantsSnapshot(new ArrayList<>(states.values()));
                // Under the lock so snapshots reach the listener in the order they were made.
                listener.accept(snapshot);
            }
        };
        synchronized (lock) {
            listener.accept(new TenantsSnapshot(new ArrayList<>(states.values())));
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (Connection c : connections) {
            parts.add(tenants(c).handle((list, error) -> {
                publish.accept(error == null ? new ConnectionTenants(c, LoadState.LOADED, list, null, "") : failed(c, error));
                return null;
            }));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            synchronized (lock) {
                return new TenantsSnapshot(new ArrayList<>(states.values()));
            }
        });
    }

    /** The tenants of one connection, from the cache when a previous list succeeded. */
    public CompletableFuture<List<Tenant>> tenants(Connection connection) {
        CompletableFuture<List<Tenant>> future = cache.computeIfAbsent(connection, this::fetch);
        // A failure is not cached: the next search or refresh asks again.
        future.whenComplete((list, error) -> {
            if (error != null) cache.remove(connection, future);
        });
        return future;
    }

    /** Tenants already known for a connection without calling anything; empty when not loaded (yet). */
    public List<Tenant> cachedTenants(Connection connection) {
        CompletableFuture<List<Tenant>> f = cache.get(connection);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : List.of();
    }

    /** The account's tenant by name, from the cache; for an account in several workspaces, all of them. */
    public String tenantName(Connection c, DirectoryUser account) {
        List<Tenant> known = cachedTenants(c);
        List<String> ids = account.workspaces().size() > 1 ? account.workspaces()
                : account.tenantId() == null ? List.of() : List.of(account.tenantId());
        if (ids.isEmpty()) return c.displayName();
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            names.add(known.stream().filter(t -> t.id().equals(id)).map(Tenant::displayName).findFirst().orElse(id));
        }
        return String.join(", ", names);
    }

    private CompletableFuture<List<Tenant>> fetch(Connection connection) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Provider provider = pool.provider(connection);
                return provider.listTenants();
            } catch (ProviderException | ProviderPool.NotConnectedException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    private static ConnectionTenants failed(Connection c, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProviderPool.NotConnectedException nc) {
            return new ConnectionTenants(c, LoadState.NOT_CONNECTED, List.of(), null, nc.getMessage());
        }
        if (cause instanceof ProviderException pe) {
            LOG.warn("Listing tenants of {} failed: {} ({})", c.id(), pe.getMessage(), pe.kind());
            return new ConnectionTenants(c, LoadState.ERROR, List.of(), pe.kind(), pe.getMessage());
        }
        LOG.error("Listing tenants of {} failed unexpectedly", c.id(), cause);
        return new ConnectionTenants(c, LoadState.ERROR, List.of(), null, "Unexpected error: " + cause);
    }
}
