package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import io.signoff.provider.ProviderException;
import io.signoff.reliability.ProviderCalls.Op;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs provider calls and judges how they ended: a clear {@link ProviderException} (or, where allowed, a result), in
 * bounded time and with bounded memory (bytes allocated by the calling thread, where OkHttp reads synchronously), and
 * never anything else (a NullPointerException, ClassCastException or IllegalStateException leaking out of a client).
 */
final class Outcomes {
    private static final int MAX_MESSAGE_CHARS = 1000;

    /** How one call ended. Exactly one of result, failure and leaked is set (result may be null for a void call). */
    record Outcome(Op op, Object result, ProviderException failure, Throwable leaked, Duration elapsed, long allocatedBytes) { }

    private Outcomes() { }

    static Outcome run(Op op) {
        long before = allocatedByThisThread();
        long started = System.nanoTime();
        Object result = null;
        ProviderException failure = null;
        Throwable leaked = null;
        try {
            result = op.call().run();
        } catch (ProviderException e) {
            failure = e;
        } catch (Throwable e) { // the point: anything but ProviderException is a leak to report
            leaked = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Outcome(op, result, failure, leaked, elapsed, allocatedByThisThread() - before);
    }

    /** Runs the calls side by side (each on its own thread, so each one's allocation is its own). */
    static List<Outcome> runAll(Collection<Op> ops) throws InterruptedException {
        return runGroups(ops.stream().map(List::of).toList());
    }

    /**
     * Runs each group's calls one after the other (reads before the writes that would change what they read), the
     * groups side by side.
     */
    static List<Outcome> runGroups(List<List<Op>> groups) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(12, Math.max(1, groups.size())));
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (List<Op> group : groups) futures.add(pool.submit(() -> group.stream().map(Outcomes::run).toList()));
            List<Outcome> out = new ArrayList<>();
            for (Future<List<Outcome>> f : futures) {
                try {
                    out.addAll(f.get());
                } catch (ExecutionException e) {
                    throw new AssertionError("the harness itself failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fails with one message naming every call that leaked a non-provider exception, returned when it had to fail,
     * took too long, allocated too much, or put a secret or an unreadable wall of text into its message.
     */
    static void assertClean(String scenario, List<Outcome> outcomes, boolean mustFail, Duration timeLimit, long byteLimit,
                            Collection<String> secrets) {
        List<String> problems = new ArrayList<>();
        for (Outcome o : outcomes) {
            String name = o.op().name();
            if (o.leaked() != null) {
                problems.add(name + " leaked " + stackTrace(o.leaked()));
                continue;
            }
            if (o.failure() == null && mustFail) problems.add(name + " returned " + o.result() + " instead of failing");
            if (o.failure() != null) {
                String message = o.failure().getMessage();
                if (message == null || message.isBlank()) problems.add(name + " failed without a message");
                else if (message.length() > MAX_MESSAGE_CHARS) problems.add(name + " failed with a " + message.length() + "-char message");
                for (String secret : secrets) {
                    if (message != null && message.contains(secret)) problems.add(name + " put a secret in its message");
                }
            }
            if (o.elapsed().compareTo(timeLimit) > 0) {
                problems.add(name + " took " + o.elapsed().toMillis() + " ms (limit " + timeLimit.toMillis() + " ms)");
            }
            if (o.allocatedBytes() > byteLimit) {
                problems.add(name + " allocated " + o.allocatedBytes() / (1024 * 1024) + " MB (limit "
                        + byteLimit / (1024 * 1024) + " MB)");
            }
        }
        if (!problems.isEmpty()) fail(scenario + ":\n  " + String.join("\n  ", problems));
    }

    static String describe(List<Outcome> outcomes) {
        StringBuilder b = new StringBuilder();
        for (Outcome o : outcomes) {
            b.append(o.op().name()).append(" -> ");
            if (o.failure() != null) b.append(o.failure().kind()).append(' ').append(o.failure().providerCode());
            else if (o.leaked() != null) b.append("LEAKED ").append(o.leaked());
            else b.append("ok");
            b.append(" in ").append(o.elapsed().toMillis()).append(" ms, ").append(o.allocatedBytes() / 1024).append(" KB\n");
        }
        return b.toString();
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** The throwable and the first frames of where it came from: enough to find the leak. */
    private static String stackTrace(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) b.append("\n      at ").append(frames[i]);
        return b.toString();
    }
}
