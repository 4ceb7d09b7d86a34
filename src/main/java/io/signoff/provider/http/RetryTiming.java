package io.signoff.provider.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before trying again: what the provider asked for, or capped exponential backoff with jitter. */
final class RetryTiming {
    private static final Duration BACKOFF_BASE = Duration.ofMillis(250);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(8);
    /** Retry-After values beyond this are nonsense; clamped so messages stay readable. */
    private static final Duration RETRY_AFTER_CEILING = Duration.ofDays(1);

    private RetryTiming() { }

    /** Retry-After as delay-seconds or an HTTP date (a date in the past means now); empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpReply reply) {
        String value = reply.header("Retry-After");
        if (value == null || value.isBlank()) return Optional.empty();
        String v = value.trim();
        if (v.matches("\\d{1,18}")) {
            return Optional.of(min(Duration.ofSeconds(Long.parseLong(v)), RETRY_AFTER_CEILING));
        }
        if (v.matches("\\d+")) return Optional.of(RETRY_AFTER_CEILING);
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(Instant.now(), when.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : min(d, RETRY_AFTER_CEILING));
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }

    /**
     * Exponential backoff from 250 ms, capped at 8 s, with "equal jitter" (half fixed, half random) so that clients
     * failing together spread out, yet never retry at once.
     *
     * @param attempt the attempt that just failed, from 1
     */
    static Duration backoff(int attempt) {
        long exp = BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(exp, BACKOFF_CAP.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }
}
