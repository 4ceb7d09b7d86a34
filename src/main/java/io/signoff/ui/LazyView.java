package io.signoff.ui;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A section's view built the first time the section is needed. Start-up then builds only the view on screen, not the
 * tables, forms and wizard pages of the sections nobody has opened yet. FX thread only.
 */
public final class LazyView<V extends SectionView> implements SectionView {
    private final Supplier<V> factory;
    private V view;

    public LazyView(Supplier<V> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The view, built now if it was not yet. */
    public V get() {
        if (view == null) view = Objects.requireNonNull(factory.get(), "the factory built no view");
        return view;
    }

    public boolean isBuilt() { return view != null; }

    @Override
    public Node node() { return get().node(); }

    @Override
    public void onShow() { get().onShow(); }

    @Override
    public CompletionStage<Void> loaded() { return get().loaded(); }
}
