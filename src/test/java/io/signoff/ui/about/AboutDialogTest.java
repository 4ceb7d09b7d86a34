package io.signoff.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.cli.BuildInfo;
import io.signoff.settings.AppDirectories;
import io.signoff.ui.MainWindow;
import io.signoff.ui.PlaceholderView;
import io.signoff.ui.Section;
import io.signoff.ui.SectionView;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "2026-11-20T10:15:42Z");

    @TempDir
    Path home;

    private AppDirectories directories;

    @Start
    void start(Stage stage) {
        directories = new AppDirectories(home.resolve("config"), home.resolve("data"), home.resolve("data").resolve("logs"));
        Map<Section, SectionView> views = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            views.put(s, new PlaceholderView(s, s.subtitle()));
        }
        MainWindow window = new MainWindow(views, true, "v" + BUILD.version());
        window.setOnAbout(() -> new AboutDialog(BUILD, directories).show(stage));
        Scene scene = new Scene(window.root(), 1000, 700);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        window.select(Section.USERS);
        stage.show();
    }

    @Test
    void aboutLinkShowsVersionDirectoriesAndLibraryLicenses(FxRobot robot) {
        robot.clickOn("#nav-about");
        WaitForAsyncUtils.waitForFxEvents();

        Label version = robot.lookup("#about-version").queryAs(Label.class);
        assertEquals("Version 1.2.3 — built 2026-11-20 10:15 UTC", version.getText());
        assertEquals(directories.config().toString(), robot.lookup("#about-dir-config").queryAs(TextField.class).getText());
        assertEquals(directories.data().toString(), robot.lookup("#about-dir-data").queryAs(TextField.class).getText());
        assertEquals(directories.logs().toString(), robot.lookup("#about-dir-logs").queryAs(TextField.class).getText());

        TableView<ThirdPartyLibrary> table = robot.lookup("#about-licenses").queryTableView();
        assertEquals(ThirdPartyLicenses.bundled().size(), table.getItems().size());
        // A rendered row, not only the model: the first library with its version and license on screen.
        ThirdPartyLibrary first = table.getItems().get(0);
        TableRow<?> row = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() == first).queryAs(TableRow.class);
        assertTrue(robot.from(row).lookup(first.name()).tryQuery().isPresent(), "row shows " + first.name());
        assertTrue(robot.from(row).lookup(first.license()).tryQuery().isPresent(), "row shows " + first.license());

        robot.clickOn("#about-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-version").tryQuery().isEmpty(), "Close closes the dialog");
    }

    @Test
    void detailsForASupportTicketNameVersionAndDirectories() {
        String details = AboutDialog.details(BUILD, directories, "Java 17");
        assertTrue(details.startsWith("Signoff 1.2.3 (built 2026-11-20T10:15:42Z)"), details);
        assertTrue(details.contains("Logs: " + directories.logs()), details);
        assertEquals("unknown", AboutDialog.formatBuildDate("unknown"));
    }
}
