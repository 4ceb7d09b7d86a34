package io.signoff.offboarding;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces provider calls per (connection, action) — Slack counts its limits per method — under {@link Pacing}, with a
 * Failsafe smooth rate limiter per lane. A 429 halves the lane's rate (down to 1/16) and blocks it for the Retry-After.
 */
final class Pacer {
    private static final int MAX_SLOWDOWN = 16;
    private final Pacing pacing;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final Pacing.Rate base;
        int slowdown = 1;
        RateLimiter<Object> limiter;
        long blockedUntilNanos;

        Lane(Pacing.Rate base) {
            this.base = base;
            this.limiter = limiter(base, 1);
        }

        Duration interval() { return base.interval().multipliedBy(slowdown); }

        static RateLimiter<Object> limiter(Pacing.Rate rate, int slowdown) {
            return RateLimiter.smoothBuilder(rate.interval().multipliedBy(slowdown)).build();
        }
    }

    Pacer(Pacing pacing) {
        this.pacing = pacing;
    }

    private Lane lane(PlanStep step) {
        Pacing.Rate rate = pacing.rate(step.provider());
        if (rate == null) return null;
        return lanes.computeIfAbsent(step.connectionId() + "|" + step.action(), k -> new Lane(rate));
    }

    /** Takes the next slot of the step's lane; returns how long to wait before calling (zero when unpaced). */
    Duration reserve(PlanStep step) {
        Lane lane = lane(step);
        if (lane == null) return Duration.ZERO;
        synchronized (lane) {
            Duration wait = lane.limiter.reservePermit();
            long blocked = lane.blockedUntilNanos - System.nanoTime();
            return blocked > 0 && blocked > wait.toNanos() ? Duration.ofNanos(blocked) : wait;
        }
    }

    /** After a 429: slower from now on, and nothing on this lane before {@code retryAfter} has passed. */
    void slowDown(PlanStep step, Duration retryAfter) {
        Lane lane = lane(step);
        if (lane == null) return;
        synchronized (lane) {
            if (lane.slowdown < MAX_SLOWDOWN) {
                lane.slowdown *= 2;
                lane.limiter = Lane.limiter(lane.base, lane.slowdown);
            }
            lane.blockedUntilNanos = Math.max(lane.blockedUntilNanos, System.nanoTime() + retryAfter.toNanos());
        }
    }

    /** The current spacing of the step's lane, or zero when unpaced. */
    Duration interval(PlanStep step) {
        Lane lane = lane(step);
        if (lane == null) return Duration.ZERO;
        synchronized (lane) {
            return lane.interval();
        }
    }

    /** How many times slower than its base rate the lane runs now (1 = not slowed). */
    int slowdown(PlanStep step) {
        Lane lane = lane(step);
        if (lane == null) return 1;
        synchronized (lane) {
            return lane.slowdown;
        }
    }
}
