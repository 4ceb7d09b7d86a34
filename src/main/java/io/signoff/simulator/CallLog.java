package io.signoff.simulator;

import io.signoff.model.ProviderKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every request the simulator received and every effect it applied. Tests and benchmarks read it to prove that no
 * call was lost or duplicated and that no call followed a 429 before its Retry-After.
 */
public final class CallLog {
    /** @param effect a description of a state change the request caused ("revoke_user jane@…"), or null for reads */
    public record Entry(Instant at, ProviderKind provider, String method, String path, int status, String fault, String effect) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, AtomicLong> effects = new ConcurrentHashMap<>();

    public synchronized void record(Entry entry) {
        entries.add(entry);
        if (entry.effect() != null) {
            effects.computeIfAbsent(entry.effect(), k -> new AtomicLong()).incrementAndGet();
        }
    }

    public synchronized List<Entry> entries() { return List.copyOf(entries); }

    public synchronized List<Entry> entries(ProviderKind provider) {
        return entries.stream().filter(e -> e.provider() == provider).collect(Collectors.toList());
    }

    /** How many times each effect was applied: a destructive effect counted twice means a duplicated call. */
    public Map<String, Long> effectCounts() {
        return effects.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    public long count(ProviderKind provider, String pathSuffix) {
        return entries(provider).stream().filter(e -> e.path().endsWith(pathSuffix)).count();
    }

    public synchronized void clear() {
        entries.clear();
        effects.clear();
    }

    /** Entries in arrival order, for assertions about pacing. */
    public synchronized List<Entry> snapshot() { return new ArrayList<>(entries); }
}
