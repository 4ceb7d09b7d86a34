package io.signoff.simulator.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slack's per-method rate tiers as the simulator enforces them: each method has its own sliding window ("per method
 * per org per app"), sized by the method's tier. Limits can be changed while the server runs so tests and benchmarks
 * can scale them.
 */
final class SlackRateWindows {

    private record Limit(int calls, Duration window) { }

    private final Map<SlackSimulator.Tier, Limit> limits = new EnumMap<>(SlackSimulator.Tier.class);
    private final Map<String, Deque<Long>> callsByMethod = new HashMap<>();

    SlackRateWindows() {
        for (SlackSimulator.Tier tier : SlackSimulator.Tier.values()) {
            limits.put(tier, new Limit(tier.defaultPerMinute(), Duration.ofMinutes(1)));
        }
    }

    synchronized void limit(SlackSimulator.Tier tier, int calls, Duration window) {
        if (calls < 1) throw new IllegalArgumentException("a tier allows at least one call per window, was " + calls);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
        limits.put(tier, new Limit(calls, window));
        callsByMethod.clear();
    }

    synchronized void clear() { callsByMethod.clear(); }

    /**
     * Counts the call if the method's window has room.
     *
     * @return empty when the call may go ahead, else how long until the window has room again
     */
    synchronized Optional<Duration> admit(String method, SlackSimulator.Tier tier, long nowNanos) {
        Limit limit = limits.get(tier);
        Deque<Long> calls = callsByMethod.computeIfAbsent(method, m -> new ArrayDeque<>());
        long windowNanos = limit.window().toNanos();
        while (!calls.isEmpty() && nowNanos - calls.peekFirst() >= windowNanos) {
            calls.pollFirst();
        }
        if (calls.size() >= limit.calls()) {
            return Optional.of(Duration.ofNanos(calls.peekFirst() + windowNanos - nowNanos));
        }
        calls.addLast(nowNanos);
        return Optional.empty();
    }
}
