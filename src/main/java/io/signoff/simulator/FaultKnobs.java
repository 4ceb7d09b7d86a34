package io.signoff.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * Per-provider fault settings, changeable while the server runs (tests and the demo's developer menu set them).
 * With a fault rate above zero, each request draws a fault from the enabled set with that probability;
 * {@link #forceNext} makes the next N requests fail with one fault, for deterministic tests.
 */
public final class FaultKnobs {
    private volatile Duration latency = Duration.ZERO;
    private volatile double faultRate;
    private volatile Set<Fault> enabled = EnumSet.allOf(Fault.class);
    private volatile Duration retryAfter = Duration.ofSeconds(1);
    private volatile Duration timeoutHang = Duration.ofSeconds(30);
    private Fault forced;
    private int forcedCount;
    private final Random random;

    public FaultKnobs(long seed) {
        this.random = new Random(seed);
    }

    public FaultKnobs latency(Duration d) { this.latency = d; return this; }
    public Duration latency() { return latency; }

    public FaultKnobs faultRate(double rate) {
        if (rate < 0 || rate > 1) throw new IllegalArgumentException("fault rate must be between 0 and 1, was " + rate);
        this.faultRate = rate;
        return this;
    }
    public double faultRate() { return faultRate; }

    public FaultKnobs enabledFaults(Set<Fault> faults) { this.enabled = EnumSet.copyOf(faults); return this; }

    /** The Retry-After the simulator sends with injected 429s. */
    public FaultKnobs retryAfter(Duration d) { this.retryAfter = d; return this; }
    public Duration retryAfter() { return retryAfter; }

    /** How long a TIMEOUT fault hangs before dropping the connection. */
    public FaultKnobs timeoutHang(Duration d) { this.timeoutHang = d; return this; }
    public Duration timeoutHang() { return timeoutHang; }

    public synchronized FaultKnobs forceNext(Fault fault, int count) {
        this.forced = fault;
        this.forcedCount = count;
        return this;
    }

    public synchronized FaultKnobs reset() {
        latency = Duration.ZERO;
        faultRate = 0;
        enabled = EnumSet.allOf(Fault.class);
        forced = null;
        forcedCount = 0;
        return this;
    }

    /** The fault for the next request, or null for a normal answer. */
    synchronized Fault draw() {
        if (forcedCount > 0) {
            forcedCount--;
            return forced;
        }
        if (faultRate > 0 && !enabled.isEmpty() && random.nextDouble() < faultRate) {
            Fault[] options = enabled.toArray(new Fault[0]);
            return options[random.nextInt(options.length)];
        }
        return null;
    }
}
