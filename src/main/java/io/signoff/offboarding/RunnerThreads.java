package io.signoff.offboarding;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where step work runs: a fixed pool of {@code parallelism} workers for provider calls, and the caller's timer for
 * waits (pacing, Retry-After, job polls), which only hands tasks to the workers.
 */
final class RunnerThreads {
    private static final Logger LOG = LoggerFactory.getLogger(RunnerThreads.class);
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RunnerThreads(int parallelism, ScheduledExecutorService timer) {
        this.timer = timer;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "offboarding-step-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    boolean closed() { return closed; }

    void submit(Runnable task) {
        if (closed) return;
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Offboarding task failed unexpectedly", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Runner closed; task dropped (the journal keeps the step's state)");
        }
    }

    void later(Duration delay, Runnable task) {
        if (closed) return;
        if (delay.isZero() || delay.isNegative()) {
            submit(task);
            return;
        }
        ScheduledFuture<?>[] holder = new ScheduledFuture<?>[1];
        try {
            synchronized (holder) {
                holder[0] = timer.schedule(() -> {
                    synchronized (holder) {
                        pending.remove(holder[0]);
                    }
                    submit(task);
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
                pending.add(holder[0]);
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("Timer closed; delayed task dropped (the journal keeps the step's state)");
        }
    }

    /**
     * Stops taking work; calls in flight finish (bounded wait).
     *
     * @return whether every worker stopped (false: a call is still blocked, and may still write its outcome)
     */
    boolean close() {
        closed = true;
        pending.forEach(f -> f.cancel(false));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) workers.shutdownNow();
            return workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
