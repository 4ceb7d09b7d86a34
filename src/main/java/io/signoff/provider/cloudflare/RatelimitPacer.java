package io.signoff.provider.cloudflare;

import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.ApiCaller;
import io.signoff.provider.http.HttpReply;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows Cloudflare calls down BEFORE the API answers 429: going over the limit blocks every call of the token for five
 * minutes (dashboard use included), so a 429 is far more expensive than a little waiting.
 *
 * <p>Every answer carries {@code Ratelimit: "default";r=<remaining>;t=<seconds to reset>} and
 * {@code Ratelimit-Policy: "default";q=<quota>;w=<window>}. While plenty remains, calls go out at once. Once the
 * remaining budget is low (a tenth of the quota), the remaining calls are spread evenly over the time left in the
 * window; with nothing left, calls wait for the reset. A wait longer than {@link ApiCaller#RETRY_AFTER_CAP} is not
 * sat out inside a call: the caller gets RATE_LIMITED with the time to wait, and no call is sent (one more call would
 * only extend the block).
 */
final class RatelimitPacer {
    private static final Logger LOG = LoggerFactory.getLogger(RatelimitPacer.class);
    // Cloudflare's structured field ("default";r=5;t=30) and the older draft's names (remaining=5, reset=30).
    private static final Pattern REMAINING = Pattern.compile("(?:^|[;,\\s])(?:r|remaining)\\s*=\\s*(\\d+)");
    private static final Pattern RESET = Pattern.compile("(?:^|[;,\\s])(?:t|reset)\\s*=\\s*(\\d+)");
    private static final Pattern QUOTA = Pattern.compile("(?:^|[;,\\s])(?:q|limit)\\s*=\\s*(\\d+)");
    /** The reset time comes in whole seconds; wait a little past it so our clock and theirs need not agree exactly. */
    private static final long RESET_MARGIN_NANOS = Duration.ofMillis(250).toNanos();
    private static final int LOW_WATER_WITHOUT_POLICY = 10;

    private final LongSupplier nanoClock;
    private final String label;
    private int remaining = -1; // -1: unknown (no header seen yet, or the window it described is over)
    private long resetAtNanos;
    private int quota = -1;
    private long lastSlotNanos;

    RatelimitPacer(LongSupplier nanoClock, String label) {
        this.nanoClock = nanoClock;
        this.label = label;
        this.lastSlotNanos = nanoClock.getAsLong();
    }

    /** Waits as long as the budget requires before the next call, or throws RATE_LIMITED when that would be too long. */
    void pace() throws ProviderException {
        Duration wait = reserve(ApiCaller.RETRY_AFTER_CAP);
        if (wait.isZero()) return;
        LOG.debug("{}: rate budget low, waiting {} ms before the next call", label, wait.toMillis());
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorKind.TRANSIENT, label + ": cancelled while waiting for the rate budget").build();
        }
    }

    /**
     * Books the next call and returns how long it must wait.
     *
     * @throws ProviderException RATE_LIMITED when the wait would exceed {@code cap} (nothing is booked then)
     */
    synchronized Duration reserve(Duration cap) throws ProviderException {
        long now = nanoClock.getAsLong();
        if (remaining < 0 || now - resetAtNanos >= 0) {
            remaining = -1;
            return Duration.ZERO;
        }
        long slot;
        int after = remaining;
        if (remaining == 0) {
            slot = resetAtNanos + RESET_MARGIN_NANOS;
        } else if (remaining <= lowWater()) {
            long spacing = (resetAtNanos - now) / remaining;
            long earliest = lastSlotNanos + spacing;
            slot = earliest - now > 0 ? earliest : now; // nanoTime values compare only by difference
            after = remaining - 1;
        } else {
            slot = now;
            after = remaining - 1;
        }
        Duration wait = Duration.ofNanos(slot - now);
        if (wait.compareTo(cap) > 0) {
            throw ProviderException.of(ErrorKind.RATE_LIMITED, label + ": the token's Cloudflare rate budget is used up for the next "
                            + Math.max(1, wait.toSeconds()) + " s; Signoff holds the call back rather than extend the block")
                    .providerCode("rate_budget_exhausted").retryAfter(wait).build();
        }
        remaining = after;
        lastSlotNanos = slot;
        return wait;
    }

    /** Reads the budget the answer reports; answers without the header change nothing. */
    synchronized void observe(HttpReply reply) {
        String header = reply.header("Ratelimit");
        if (header != null) {
            OptionalInt r = number(REMAINING, header);
            OptionalInt t = number(RESET, header);
            if (r.isPresent() && t.isPresent()) {
                long now = nanoClock.getAsLong();
                remaining = r.getAsInt();
                resetAtNanos = now + Duration.ofSeconds(t.getAsInt()).toNanos();
            }
        }
        String policy = reply.header("Ratelimit-Policy");
        if (policy != null) {
            number(QUOTA, policy).ifPresent(q -> quota = q);
        }
    }

    /** After a 429: nothing is left until the provider's retry-after has passed. */
    synchronized void blocked(Duration retryAfter) {
        if (retryAfter == null) return;
        remaining = 0;
        resetAtNanos = nanoClock.getAsLong() + retryAfter.toNanos();
    }

    /** True while the known budget is at or under the low-water mark: skip optional calls then. */
    synchronized boolean low() {
        return remaining >= 0 && nanoClock.getAsLong() - resetAtNanos < 0 && remaining <= lowWater();
    }

    private int lowWater() {
        return quota > 0 ? Math.max(2, quota / 10) : LOW_WATER_WITHOUT_POLICY;
    }

    private static OptionalInt number(Pattern pattern, String header) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) return OptionalInt.empty();
        try {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
        } catch (NumberFormatException tooBig) {
            return OptionalInt.empty();
        }
    }
}
