package io.signoff.cli;

import java.io.PrintWriter;

/**
 * One line on standard error saying how long work is going. On a terminal it is rewritten in place; in a log (no
 * terminal) a new line is written when the text changes, at most every two seconds. Called from controller threads.
 */
final class ProgressLine {
    private static final long LOG_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean inPlace;
    private String shown = "";
    private long shownAt;
    /** Set once the result is printed: a late update from a controller thread must not follow it. */
    private boolean finished;

    ProgressLine(PrintWriter err, boolean enabled, boolean inPlace) {
        this.err = err;
        this.enabled = enabled;
        this.inPlace = inPlace;
    }

    synchronized void update(String text) {
        if (!enabled || finished || text.equals(shown)) return;
        long now = System.nanoTime();
        if (inPlace) {
            err.print("\r" + text + " ".repeat(Math.max(0, shown.length() - text.length())));
        } else {
            if (!shown.isEmpty() && now - shownAt < LOG_INTERVAL_NANOS) return;
            err.println(text);
        }
        err.flush();
        shown = text;
        shownAt = now;
    }

    /** Removes the line for good: the result follows. */
    synchronized void finish() {
        clear();
        finished = true;
    }

    /** Removes the line from a terminal before other output; later work may show it again. */
    synchronized void clear() {
        if (inPlace && !shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
        }
        shown = "";
    }
}
