package io.signoff.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor that only queues: the test decides when queued work runs ({@link #runAll()}), on its own thread. Lets a
 * test act between "the work was scheduled" and "the call was sent", e.g. to cancel.
 */
public final class QueuedExecutor implements Executor {
    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        queue.add(command);
    }

    public synchronized int pending() { return queue.size(); }

    /** Runs queued work, including work queued meanwhile, until none is left; returns how many ran. */
    public int runAll() {
        int ran = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
            }
            if (next == null) return ran;
            next.run();
            ran++;
        }
    }
}
