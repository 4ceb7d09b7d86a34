package io.signoff.simulator.cloudflare;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Cloudflare's per-token request budget as a fixed window: {@code limit} calls per {@code window}, counted from the
 * first call of the window. Thread-safe.
 */
final class RequestBudget {
    /** @param allowed whether this call fits; @param remaining calls left after it; @param resetSeconds until the window ends, rounded up */
    record Decision(boolean allowed, int remaining, long resetSeconds, int limit, long windowSeconds) { }

    private final LongSupplier nanoClock;
    private int limit;
    private Duration window;
    private long windowStart;
    private int used;
    private boolean started;

    RequestBudget(int limit, Duration window, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        configure(limit, window);
    }

    synchronized void configure(int newLimit, Duration newWindow) {
        if (newLimit < 1) throw new IllegalArgumentException("budget must be at least 1 call");
        if (newWindow.isNegative() || newWindow.isZero()) throw new IllegalArgumentException("window must be positive");
        this.limit = newLimit;
        this.window = newWindow;
        this.started = false;
        this.used = 0;
    }

    synchronized Decision take() {
        long now = nanoClock.getAsLong();
        if (!started || now - windowStart >= window.toNanos()) {
            started = true;
            windowStart = now;
            used = 0;
        }
        long left = window.toNanos() - (now - windowStart);
        long resetSeconds = Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        if (used >= limit) {
            return new Decision(false, 0, resetSeconds, limit, window.toSeconds());
        }
        used++;
        return new Decision(true, limit - used, resetSeconds, limit, window.toSeconds());
    }
}
