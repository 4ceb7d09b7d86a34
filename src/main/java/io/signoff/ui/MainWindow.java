package io.signoff.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The console's frame: navigation on the left, the selected section in the middle, a demo banner on top. */
public final class MainWindow {
    public static final String DEMO_BANNER_TEXT = "Demo data — nothing here touches a real tenant";

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Label sectionTitle = new Label();
    private final Label sectionSubtitle = new Label();
    private final Map<Section, SectionView> views = new EnumMap<>(Section.class);
    private final VBox top = new VBox();
    private final Map<Section, ToggleButton> navButtons = new EnumMap<>(Section.class);
    private final ObjectProperty<Section> selected = new SimpleObjectProperty<>();
    private final Label status = new Label("Ready");
    private Runnable aboutAction = () -> { };

    public MainWindow(Map<Section, SectionView> views, boolean demo, String versionText) {
        this(versionText);
        setViews(views);
        if (demo) showDemoBanner();
    }

    /**
     * The frame alone: navigation, header, status line. The console builds it while its services open, then adds the
     * views ({@link #setViews}); until then a selected section shows an empty content area.
     */
    public MainWindow(String versionText) {
        root.getStyleClass().add("main-window");
        root.setLeft(navigation(versionText));
        sectionTitle.getStyleClass().add("section-title");
        sectionSubtitle.getStyleClass().add("section-subtitle");
        VBox header = new VBox(2, sectionTitle, sectionSubtitle);
        header.getStyleClass().add("section-header");
        top.getChildren().add(header);
        content.getStyleClass().add("section-content");
        VBox.setVgrow(content, Priority.ALWAYS);
        BorderPane center = new BorderPane(content);
        center.setTop(top);
        root.setCenter(center);
        status.setId("status-line");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        root.setBottom(statusBar);
        selected.addListener((obs, old, now) -> show(now));
    }

    /** The sections' views; a section already selected is shown again with its view. */
    public void setViews(Map<Section, SectionView> sectionViews) {
        views.clear();
        views.putAll(sectionViews);
        if (selected.get() != null) show(selected.get());
    }

    /** Says on every screen that this is the demo, not a real tenant. */
    public void showDemoBanner() {
        if (top.lookup("#demo-banner") != null) return;
        Label banner = new Label(DEMO_BANNER_TEXT);
        banner.setId("demo-banner");
        banner.getStyleClass().add("demo-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        top.getChildren().add(0, banner);
    }

    public Parent root() { return root; }

    public ObjectProperty<Section> selectedSection() { return selected; }

    public void select(Section section) {
        selected.set(Objects.requireNonNull(section));
    }

    public SectionView view(Section section) { return views.get(section); }

    public void setStatus(String text) { status.setText(text); }

    /** What the "About Signoff" link at the bottom of the navigation opens. */
    public void setOnAbout(Runnable action) { aboutAction = Objects.requireNonNull(action); }

    private VBox navigation(String versionText) {
        Label brand = new Label("Signoff");
        brand.getStyleClass().add("brand");
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.getChildren().add(brand);
        ToggleGroup group = new ToggleGroup();
        for (Section section : Section.values()) {
            ToggleButton button = new ToggleButton(section.title());
            button.setId("nav-" + section.slug());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setOnAction(e -> {
                button.setSelected(true); // a nav item stays selected when clicked again
                select(section);
            });
            navButtons.put(section, button);
            nav.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label version = new Label(versionText);
        version.getStyleClass().add("nav-version");
        Hyperlink about = new Hyperlink("About Signoff");
        about.setId("nav-about");
        about.getStyleClass().add("nav-version");
        about.setOnAction(e -> aboutAction.run());
        nav.getChildren().addAll(spacer, version, about);
        nav.setPadding(new Insets(16, 10, 12, 10));
        return nav;
    }

    private void show(Section section) {
        SectionView view = views.get(section);
        navButtons.get(section).setSelected(true);
        sectionTitle.setText(section.title());
        sectionSubtitle.setText(section.subtitle());
        if (view == null) {
            content.getChildren().clear();
            return;
        }
        content.getChildren().setAll(view.node());
        view.onShow();
    }
}
