package io.signoff.offboarding;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the runner; tests and benchmarks shorten them.
 *
 * @param parallelism        how many steps may call providers at the same time (across providers)
 * @param pacing             per-provider call budgets
 * @param jobPollInterval    how often a queued provider job (CIPP) is polled (a poll refused with a 429 waits its
 *                           Retry-After instead, when that is longer)
 * @param jobPollLimit       how long a job may stay queued before the step is left QUEUED for the operator to look at
 * @param verifyAttempts     reads made to confirm an effect before settling for SUCCEEDED (provider lag), and to settle
 *                           an unknown outcome when the read itself fails in passing
 * @param verifyInterval     the pause between those reads (a settling read refused with a 429 waits its Retry-After
 *                           instead, when that is longer; a confirming read so refused settles for SUCCEEDED)
 * @param clockSkew          tolerance when comparing provider timestamps (sessionsValidFrom) with ours
 * @param maxRateLimitWait   the longest Retry-After honoured, for calls and reads; a longer one is capped (and the
 *                           step requeued or read again)
 * @param missedGrace        how late a scheduled run may start and still count as on time
 */
public record RunnerSettings(int parallelism, Pacing pacing, Duration jobPollInterval, Duration jobPollLimit,
                             int verifyAttempts, Duration verifyInterval, Duration clockSkew, Duration maxRateLimitWait,
                             Duration missedGrace) {

    public RunnerSettings {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        if (verifyAttempts < 1) throw new IllegalArgumentException("verifyAttempts must be >= 1");
        pacing = pacing == null ? Pacing.none() : pacing;
        Objects.requireNonNull(jobPollInterval, "jobPollInterval");
        Objects.requireNonNull(jobPollLimit, "jobPollLimit");
        Objects.requireNonNull(verifyInterval, "verifyInterval");
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(missedGrace, "missedGrace");
    }

    public static RunnerSettings defaults() {
        return new RunnerSettings(4, Pacing.providerLimits(), Duration.ofSeconds(30), Duration.ofHours(2), 3,
                Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(6), Duration.ofMinutes(5));
    }

    public RunnerSettings withPacing(Pacing newPacing) {
        return new RunnerSettings(parallelism, newPacing, jobPollInterval, jobPollLimit, verifyAttempts, verifyInterval,
                clockSkew, maxRateLimitWait, missedGrace);
    }

    public RunnerSettings withJobPolling(Duration interval, Duration limit) {
        return new RunnerSettings(parallelism, pacing, interval, limit, verifyAttempts, verifyInterval, clockSkew,
                maxRateLimitWait, missedGrace);
    }

    public RunnerSettings withVerification(int attempts, Duration interval) {
        return new RunnerSettings(parallelism, pacing, jobPollInterval, jobPollLimit, attempts, interval, clockSkew,
                maxRateLimitWait, missedGrace);
    }

    public RunnerSettings withParallelism(int threads) {
        return new RunnerSettings(threads, pacing, jobPollInterval, jobPollLimit, verifyAttempts, verifyInterval,
                clockSkew, maxRateLimitWait, missedGrace);
    }
}
