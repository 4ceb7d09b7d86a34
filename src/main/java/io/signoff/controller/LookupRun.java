package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person search in flight. Each connection works through its (tenant × term) calls with a few workers of its
 * own, so a slow provider only delays its own chip. {@link #cancel()} stops every call not yet sent and publishes a
 * final snapshot at once; answers of calls already sent are then dropped.
 */
public final class LookupRun {
    private static final Logger LOG = LoggerFactory.getLogger(LookupRun.class);

    private final SearchQuery query;
    private final Executor executor;
    private final int workersPerConnection;
    private final Consumer<LookupSnapshot> listener;
    private final long startNanos = System.nanoTime();
    private final Map<String, Progress> progress = new LinkedHashMap<>();
    private final Map<String, PersonMerger.Hit> hits = new LinkedHashMap<>();
    private final CompletableFuture<LookupSnapshot> done = new CompletableFuture<>();
    private volatile boolean cancelled;
    private LookupSnapshot last;

    LookupRun(SearchQuery query, List<Connection> connections, Executor executor, int workersPerConnection,
              Consumer<LookupSnapshot> listener) {
        this.query = query;
        this.executor = executor;
        this.workersPerConnection = workersPerConnection;
        this.listener = listener;
        connections.forEach(c -> progress.put(c.id(), new Progress(c)));
    }

    public SearchQuery query() { return query; }

    /** Completes with the final snapshot when every connection has answered, failed or been cancelled. */
    public CompletableFuture<LookupSnapshot> done() { return done; }

    public synchronized LookupSnapshot current() { return last; }

    public boolean cancelled() { return cancelled; }

    /** Stops every call not yet sent. Results of calls already on the wire are ignored. */
    public void cancel() {
        synchronized (this) {
            if (last != null && last.finished()) return;
            cancelled = true;
            for (Progress p : progress.values()) {
                if (!p.state.done()) p.finish(SearchState.CANCELLED, null, "cancelled", elapsed());
            }
            publishLocked();
        }
    }

    // ---- called by LookupController while setting up ----

    synchronized void publishInitial() { publishLocked(); }

    synchronized void skip(Connection c, SearchState state, String reason) {
        progress.get(c.id()).finish(state, null, reason, Duration.ZERO);
    }

    synchronized void skipAndPublish(Connection c, SearchState state, String reason) {
        if (cancelled) return;
        progress.get(c.id()).finish(state, null, reason, elapsed());
        publishLocked();
    }

    /** The connection's tenants could not be listed: nothing to search there. */
    void failed(Connection c, Throwable error) {
        synchronized (this) {
            if (cancelled) return;
            Progress p = progress.get(c.id());
            if (error instanceof ProviderException pe) {
                p.finish(SearchState.ERROR, pe.kind(), pe.getMessage(), elapsed());
            } else {
                p.finish(SearchState.ERROR, null, "Could not list tenants: " + error.getMessage(), elapsed());
            }
            publishLocked();
        }
    }

    /** Starts the calls of one connection: every searched term in every tenant. */
    void start(Provider provider, List<Tenant> tenants) {
        Connection c = provider.connection();
        Queue<Call> calls = new ConcurrentLinkedQueue<>();
        for (Tenant tenant : tenants) {
            for (String term : query.terms()) calls.add(new Call(tenant, term));
        }
        int workers;
        synchronized (this) {
            if (cancelled) return;
            Progress p = progress.get(c.id());
            p.callsTotal = calls.size();
            if (calls.isEmpty()) {
                p.finish(SearchState.NOT_FOUND, null, "no tenant to search", elapsed());
                publishLocked();
                return;
            }
            publishLocked();
            workers = Math.min(workersPerConnection, calls.size());
        }
        for (int i = 0; i < workers; i++) {
            executor.execute(() -> work(provider, calls));
        }
    }

    private void work(Provider provider, Queue<Call> calls) {
        Call call;
        while (!cancelled && (call = calls.poll()) != null) {
            List<DirectoryUser> found = List.of();
            ProviderException failure = null;
            try {
                found = provider.findUsers(call.tenant(), call.term());
            } catch (ProviderException e) {
                LOG.warn("Search of {} in {} / {} failed: {} ({})", query.mode() == SearchQuery.Mode.NAME ? "a name" : "an address",
                        provider.connection().id(), call.tenant().id(), e.getMessage(), e.kind());
                failure = e;
            } catch (RuntimeException e) {
                LOG.error("Search in {} / {} failed unexpectedly", provider.connection().id(), call.tenant().id(), e);
                failure = ProviderException.of(ErrorKind.TRANSIENT, "Unexpected error: " + e.getClass().getSimpleName()).cause(e).build();
            }
            record(provider.connection(), call, found, failure);
        }
    }

    private void record(Connection c, Call call, List<DirectoryUser> found, ProviderException failure) {
        synchronized (this) {
            if (cancelled) return;
            Progress p = progress.get(c.id());
            p.callsDone++;
            String searched = query.mode() == SearchQuery.Mode.EMAILS ? call.term() : null;
            for (DirectoryUser user : found) {
                String key = user.connectionId() + '\u0000' + user.id();
                if (hits.putIfAbsent(key, new PersonMerger.Hit(user, searched)) == null) p.accounts++;
            }
            if (failure != null) p.failures.add(failure);
            if (p.callsDone == p.callsTotal) p.conclude(elapsed());
            publishLocked();
        }
    }

    private void publishLocked() {
        List<ConnectionSearch> states = new ArrayList<>();
        progress.values().forEach(p -> states.add(p.view(elapsed())));
        boolean finished = states.stream().allMatch(s -> s.state().done());
        LookupSnapshot snapshot = new LookupSnapshot(query, states, PersonMerger.merge(hits.values(), this::byConnectionOrder),
                finished, cancelled);
        last = snapshot;
        // Under the lock, so the listener sees snapshots in the order they were made.
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            LOG.error("A search listener failed", e);
        }
        if (finished) done.complete(snapshot);
    }

    /** Accounts listed in the order the connections are configured, not the order they happened to answer in. */
    private int byConnectionOrder(DirectoryUser a, DirectoryUser b) {
        return Integer.compare(connectionIndex(a.connectionId()), connectionIndex(b.connectionId()));
    }

    private int connectionIndex(String connectionId) {
        int i = 0;
        for (String id : progress.keySet()) {
            if (id.equals(connectionId)) return i;
            i++;
        }
        return i;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private record Call(Tenant tenant, String term) { }

    /** Mutable per-connection tally; guarded by the run's lock. */
    private static final class Progress {
        final Connection connection;
        SearchState state = SearchState.SEARCHING;
        int accounts;
        int callsDone;
        int callsTotal;
        final List<ProviderException> failures = new ArrayList<>();
        ErrorKind errorKind;
        String reason = "";
        Duration finishedAfter;

        Progress(Connection connection) { this.connection = connection; }

        void finish(SearchState s, ErrorKind kind, String why, Duration at) {
            state = s;
            errorKind = kind;
            reason = why == null ? "" : why;
            finishedAfter = at;
        }

        /** Every call answered: found if anything was, else an error if any call failed, else not found. */
        void conclude(Duration at) {
            if (failures.isEmpty()) {
                finish(accounts > 0 ? SearchState.FOUND : SearchState.NOT_FOUND, null, "", at);
                return;
            }
            ProviderException first = failures.get(0);
            String why = failures.size() == callsTotal ? first.getMessage()
                    : failures.size() + " of " + callsTotal + " searches failed: " + first.getMessage();
            // Nothing found while some searches failed is not "not found": the person may be where we could not look.
            finish(accounts > 0 ? SearchState.FOUND : SearchState.ERROR, first.kind(), why, at);
        }

        ConnectionSearch view(Duration now) {
            return new ConnectionSearch(connection, state, accounts, callsDone, callsTotal, errorKind, reason,
                    finishedAfter != null ? finishedAfter : now);
        }
    }
}
