package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person search in flight. Each connection works through its (tenant × term) calls with a few workers of its
 * own, so a slow provider only delays its own chip. An address that turns out to be an alias (the account found has
 * another primary address) is followed up: the other connections are asked for the primary address as well.
 * {@link #cancel()} stops every call not yet sent and publishes a final snapshot at once; answers of calls already sent
 * are then dropped.
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
    /** Primary addresses already searched on a person's behalf, so a follow-up is asked once. */
    private final Set<String> followedUp = new HashSet<>();
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

    /** Starts the calls of one connection: every searched term in every tenant, plus follow-ups already asked for. */
    void start(Provider provider, List<Tenant> tenants) {
        int workers;
        synchronized (this) {
            if (cancelled) return;
            Progress p = progress.get(provider.connection().id());
            p.provider = provider;
            p.tenants = List.copyOf(tenants);
            for (String term : query.terms()) {
                p.enqueue(new Call(null, term, query.mode() == SearchQuery.Mode.EMAILS ? term : null));
            }
            p.pendingFollowUps.forEach(p::enqueue);
            p.pendingFollowUps.clear();
            if (p.callsTotal == 0) {
                p.finish(SearchState.NOT_FOUND, null, "no tenant to search", elapsed());
                publishLocked();
                return;
            }
            publishLocked();
            workers = p.workersToStart(workersPerConnection);
        }
        for (int i = 0; i < workers; i++) {
            executor.execute(() -> work(provider));
        }
    }

    private void work(Provider provider) {
        Progress p;
        synchronized (this) {
            p = progress.get(provider.connection().id());
        }
        while (true) {
            Call call;
            synchronized (this) {
                // Taking a call and retiring the worker happen under the lock, so a follow-up queued in between
                // always finds a worker or starts one.
                call = cancelled ? null : p.queue.poll();
                if (call == null) {
                    p.activeWorkers--;
                    return;
                }
            }
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
        Map<Provider, Integer> toStart = new LinkedHashMap<>();
        synchronized (this) {
            if (cancelled) return;
            Progress p = progress.get(c.id());
            p.callsDone++;
            for (DirectoryUser user : found) {
                String key = user.connectionId() + '\u0000' + user.id();
                if (hits.putIfAbsent(key, new PersonMerger.Hit(user, call.searchedFor())) == null) p.accounts++;
                if (call.searchedFor() != null) {
                    p.foundFor.add(call.searchedFor());
                    followUpLocked(user.email(), call.searchedFor(), toStart);
                }
            }
            if (failure != null) p.failures.add(failure);
            if (p.callsDone == p.callsTotal) p.conclude(elapsed());
            publishLocked();
        }
        toStart.forEach((provider, n) -> {
            for (int i = 0; i < n; i++) executor.execute(() -> work(provider));
        });
    }

    /**
     * A searched address led to an account whose primary address is another one (an M365 alias or proxy address was
     * searched): the other connections are asked for the primary address too, on behalf of the same person, unless
     * they already found that person.
     */
    private void followUpLocked(String address, String searchedFor, Map<Provider, Integer> toStart) {
        String primary = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (primary.isEmpty() || !SearchQuery.isEmail(primary) || !followedUp.add(primary) || query.emails().contains(primary)) {
            return;
        }
        for (Progress other : progress.values()) {
            if (other.foundFor.contains(searchedFor) || !other.searchable()) continue;
            Call call = new Call(null, primary, searchedFor);
            if (other.provider == null) {
                other.pendingFollowUps.add(call); // its tenants are still being listed
                continue;
            }
            other.enqueue(call);
            other.reopen();
            int n = other.workersToStart(workersPerConnection);
            if (n > 0) toStart.merge(other.provider, n, Integer::sum);
        }
    }

    private void publishLocked() {
        List<ConnectionSearch> states = new ArrayList<>();
        progress.values().forEach(p -> states.add(p.view(elapsed())));
        boolean finished = states.stream().allMatch(s -> s.state().done());
        Set<String> found = new HashSet<>();
        hits.values().forEach(h -> {
            if (h.searchedEmail() != null) found.add(h.searchedEmail());
        });
        LookupSnapshot snapshot = new LookupSnapshot(query, states, PersonMerger.merge(hits.values(), this::byConnectionOrder),
                found, finished, cancelled);
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

    /** One findUsers call. {@code searchedFor}: the address of the query it serves (null for a name search). */
    private record Call(Tenant tenant, String term, String searchedFor) {
        Call in(Tenant t) { return new Call(t, term, searchedFor); }
    }

    /** Mutable per-connection tally; guarded by the run's lock. */
    private static final class Progress {
        final Connection connection;
        SearchState state = SearchState.SEARCHING;
        int accounts;
        int callsDone;
        int callsTotal;
        final List<ProviderException> failures = new ArrayList<>();
        final Queue<Call> queue = new ArrayDeque<>();
        final List<Call> pendingFollowUps = new ArrayList<>();
        final Set<String> foundFor = new HashSet<>();
        Provider provider;
        List<Tenant> tenants = List.of();
        int activeWorkers;
        ErrorKind errorKind;
        String reason = "";
        Duration finishedAfter;

        Progress(Connection connection) { this.connection = connection; }

        /** Queues a term in every tenant of the connection. */
        void enqueue(Call call) {
            for (Tenant t : tenants) {
                queue.add(call.in(t));
                callsTotal++;
            }
        }

        /** Still searching, or finished in a way more calls can change (found / not found / failed calls). */
        boolean searchable() {
            return state == SearchState.SEARCHING || state == SearchState.FOUND || state == SearchState.NOT_FOUND
                    || state == SearchState.ERROR && !failures.isEmpty();
        }

        void reopen() {
            if (state != SearchState.SEARCHING && callsDone < callsTotal) {
                state = SearchState.SEARCHING;
                finishedAfter = null;
            }
        }

        int workersToStart(int max) {
            int n = Math.max(0, Math.min(max, queue.size()) - activeWorkers);
            activeWorkers += n;
            return n;
        }

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
