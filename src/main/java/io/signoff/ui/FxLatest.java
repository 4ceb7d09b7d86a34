package io.signoff.ui;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Hands values produced on background threads to the FX thread, keeping only the newest: a burst of snapshots from
 * a search costs one render, not one per snapshot. Thread-safe.
 */
public final class FxLatest<T> implements Consumer<T> {
    private final Consumer<T> render;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public FxLatest(Consumer<T> render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    @Override
    public void accept(T value) {
        if (pending.getAndSet(value) == null) {
            Platform.runLater(() -> {
                T latest = pending.getAndSet(null);
                if (latest != null) render.accept(latest);
            });
        }
    }
}
