package io.signoff.controller;

import java.time.Duration;
import java.util.List;

/**
 * How a revoke is verified.
 *
 * @param recheckDelays waits before each re-read while the effect is not yet visible (backoff); after the last one a
 *                      still-invisible effect is reported as failed
 * @param clockSkew     tolerance between our clock and the provider's when comparing "sessions valid from" to the revoke
 */
public record VerificationPolicy(List<Duration> recheckDelays, Duration clockSkew) {
    public VerificationPolicy {
        recheckDelays = List.copyOf(recheckDelays);
    }

    /** Re-checks after 2, 5, 15 and 30 s: Slack's bulk reset and Graph replication usually show within that. */
    public static VerificationPolicy standard() {
        return new VerificationPolicy(List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(30)), Duration.ofMinutes(5));
    }
}
