package io.signoff.ui;

import javafx.scene.Node;

/** One section's content in the main window. Each workflow package (ui.users, ui.audit…) provides one. */
public interface SectionView {
    Node node();

    /** Called on the FX thread each time the section is shown; starts background loads, never blocks. */
    default void onShow() { }

    /**
     * Completes when the section's data is loaded (for --screenshot and tests). Default: already loaded.
     */
    default java.util.concurrent.CompletionStage<Void> loaded() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
}
