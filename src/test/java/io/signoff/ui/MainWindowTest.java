package io.signoff.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private final Map<Section, Integer> shown = new EnumMap<>(Section.class);

    @Start
    void start(Stage stage) {
        Map<Section, SectionView> views = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            PlaceholderView placeholder = new PlaceholderView(s, "content of " + s.slug());
            placeholder.node().setId("content-" + s.slug());
            views.put(s, new SectionView() {
                @Override public javafx.scene.Node node() { return placeholder.node(); }
                @Override public void onShow() { shown.merge(s, 1, Integer::sum); }
            });
        }
        window = new MainWindow(views, true, "v-test");
        Scene scene = new Scene(window.root(), 1000, 700);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        window.select(Section.USERS);
        stage.show();
    }

    @Test
    void aSectionsViewIsBuiltWhenTheSectionIsFirstShownAndOnlyOnce(FxRobot robot) throws Exception {
        Map<Section, Integer> built = new EnumMap<>(Section.class);
        Map<Section, SectionView> lazy = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            lazy.put(s, new LazyView<>(() -> {
                built.merge(s, 1, Integer::sum);
                return new PlaceholderView(s, "lazy " + s.slug());
            }));
        }
        MainWindow frame = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> new MainWindow("v-test")).get();
        robot.interact(() -> frame.select(Section.TENANTS)); // before the views exist: an empty content area
        assertTrue(built.isEmpty());
        robot.interact(() -> frame.setViews(lazy));
        assertEquals(Map.of(Section.TENANTS, 1), built, "the section on screen is built, no other");
        robot.interact(() -> {
            frame.select(Section.AUDIT);
            frame.select(Section.TENANTS);
            frame.select(Section.AUDIT);
        });
        assertEquals(Map.of(Section.TENANTS, 1, Section.AUDIT, 1), built);
        robot.interact(() -> {
            frame.showDemoBanner();
            frame.showDemoBanner();
        });
        assertEquals(1, frame.root().lookupAll("#demo-banner").size(), "one banner, however often it is asked for");
    }

    @Test
    void navigatesEverySectionAndShowsTheDemoBanner(FxRobot robot) {
        Label banner = robot.lookup("#demo-banner").queryAs(Label.class);
        assertEquals(MainWindow.DEMO_BANNER_TEXT, banner.getText());
        assertTrue(banner.isVisible());
        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + section.slug());
            assertEquals(section, window.selectedSection().get());
            assertTrue(robot.lookup("#content-" + section.slug()).tryQuery().isPresent(), section + " content not shown");
            assertTrue(robot.lookup("#nav-" + section.slug()).queryAs(ToggleButton.class).isSelected());
            assertEquals(section.title(), robot.lookup(".section-title").queryAs(Label.class).getText());
        }
        // Clicking the selected item again keeps it selected and does not blank the content.
        robot.clickOn("#nav-connections");
        assertTrue(robot.lookup("#nav-connections").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#content-connections").tryQuery().isPresent());
        assertTrue(shown.get(Section.CONNECTIONS) >= 1);
    }
}
