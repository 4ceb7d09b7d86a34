package io.signoff.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown for a section whose workflow is not wired in this build. */
public final class PlaceholderView implements SectionView {
    private final VBox root;

    public PlaceholderView(Section section, String explanation) {
        Label title = new Label(section.title());
        title.getStyleClass().add("placeholder-title");
        Label text = new Label(explanation);
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        root = new VBox(8, title, text);
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("placeholder");
    }

    @Override
    public Node node() { return root; }
}
