package io.signoff.offboarding;

import io.signoff.model.ProviderKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How fast a run may call each provider, per connection and per action (Slack counts per method). Bulk runs stay under
 * these and compute their ETA from them; a 429 halves the rate of the method that got it.
 *
 * @param rates the budget per provider kind; a kind without an entry is not paced
 */
public record Pacing(Map<ProviderKind, Rate> rates) {

    /** {@code permits} calls per {@code per}. */
    public record Rate(int permits, Duration per) {
        public Rate {
            Objects.requireNonNull(per, "per");
            if (permits < 1) throw new IllegalArgumentException("a rate needs at least one permit");
            if (per.isZero() || per.isNegative()) throw new IllegalArgumentException("a rate needs a positive period");
        }

        public static Rate perMinute(int permits) { return new Rate(permits, Duration.ofMinutes(1)); }

        /** The time between two calls at this rate. */
        public Duration interval() { return per.dividedBy(permits); }
    }

    public Pacing {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }

    /**
     * The providers' documented limits: Slack Tier 2 (admin.users.session.*, deactivate) about 20 per minute per method;
     * Cloudflare 1,200 per 5 minutes per token; SCIM user writes (Slack SCIM 180/min; Lucid publishes none) 180 per
     * minute; CIPP has no limit of its own, Graph throttling behind it: 60 per minute.
     */
    public static Pacing providerLimits() {
        Map<ProviderKind, Rate> map = new EnumMap<>(ProviderKind.class);
        map.put(ProviderKind.SLACK, Rate.perMinute(20));
        map.put(ProviderKind.CLOUDFLARE, new Rate(1200, Duration.ofMinutes(5)));
        map.put(ProviderKind.SCIM, Rate.perMinute(180));
        map.put(ProviderKind.CIPP, Rate.perMinute(60));
        return new Pacing(map);
    }

    /** No pacing at all (tests that are about something else). */
    public static Pacing none() { return new Pacing(Map.of()); }

    public Pacing with(ProviderKind kind, Rate rate) {
        Map<ProviderKind, Rate> map = new EnumMap<>(ProviderKind.class);
        map.putAll(rates);
        map.put(kind, rate);
        return new Pacing(map);
    }

    /** The rate for a kind, or null when it is not paced. */
    public Rate rate(ProviderKind kind) { return kind == null ? null : rates.get(kind); }
}
