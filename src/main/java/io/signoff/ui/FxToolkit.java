package io.signoff.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The JavaFX toolkit of this process. The launcher starts it on a thread of its own as the process starts, so its
 * half second of start-up (GTK, the renderer, the first pulse) overlaps the opening of settings, logging and the
 * providers instead of following it. JavaFX starts once per process, hence one instance per process.
 */
public final class FxToolkit {
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final AtomicBoolean requested = new AtomicBoolean();

    private FxToolkit() { }

    /** Starts the toolkit now, in the background. */
    public static FxToolkit startingNow() {
        FxToolkit toolkit = new FxToolkit();
        toolkit.start();
        return toolkit;
    }

    /** A toolkit started only when the window is launched (tests, and command lines that may not open a window). */
    public static FxToolkit onDemand() {
        return new FxToolkit();
    }

    private void start() {
        if (!requested.compareAndSet(false, true)) return;
        Thread starter = new Thread(() -> {
            try {
                Platform.setImplicitExit(true);
                Platform.startup(() -> started.complete(null));
            } catch (RuntimeException | Error e) {
                // Reported by awaitStarted, on the thread that wanted the window.
                started.completeExceptionally(e);
            }
        }, "signoff-fx-startup");
        starter.setDaemon(true);
        starter.start();
    }

    /** Runs {@code action} on the FX thread once the toolkit is up; never, when it cannot start. Starts it if need be. */
    public void whenStarted(Runnable action) {
        start();
        started.thenRun(() -> Platform.runLater(action));
    }

    /**
     * Starts the toolkit if nobody has yet, and waits for it.
     *
     * @throws WindowUnavailableException when no window can be opened here (no display, no graphics libraries)
     */
    void awaitStarted() throws WindowUnavailableException {
        start();
        try {
            started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WindowUnavailableException("interrupted while the window system started", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new WindowUnavailableException(reason, cause);
        }
    }

    /** The console cannot open a window on this machine; the message says why, in the toolkit's words. */
    public static final class WindowUnavailableException extends Exception {
        WindowUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
