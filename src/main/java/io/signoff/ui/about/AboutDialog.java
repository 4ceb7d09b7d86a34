package io.signoff.ui.about;

import io.signoff.ui.TableSupport;
import io.signoff.cli.BuildInfo;
import io.signoff.settings.AppDirectories;
import io.signoff.ui.AppIcons;
import io.signoff.ui.MainWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "About Signoff": version and build date, the Java runtime, where settings, data and logs live (so a helpdesk
 * engineer can find them), and the license of every bundled library.
 */
public final class AboutDialog {
    private static final DateTimeFormatter BUILD_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final BuildInfo build;
    private final AppDirectories directories;
    private final List<ThirdPartyLibrary> libraries;

    public AboutDialog(BuildInfo build, AppDirectories directories) {
        this(build, directories, ThirdPartyLicenses.bundled());
    }

    public AboutDialog(BuildInfo build, AppDirectories directories, List<ThirdPartyLibrary> libraries) {
        this.build = Objects.requireNonNull(build);
        this.directories = Objects.requireNonNull(directories);
        this.libraries = List.copyOf(libraries);
    }

    /** Opens the dialog, modal to {@code owner} (may be null), with the owner's theme. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("About Signoff");
        stage.getIcons().setAll(AppIcons.all());
        Scene scene = new Scene(content(stage::close), 640, 660);
        if (owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().isEmpty()) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets()); // light or dark, like the main window
        } else {
            scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        }
        scene.getStylesheets().add(AboutDialog.class.getResource("about.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        scene.lookup("#about-close").requestFocus(); // not the first path field, which would show all selected
        return stage;
    }

    /** The dialog's content; {@code close} runs when the Close button is pressed. */
    Parent content(Runnable close) {
        ImageView icon = new ImageView(AppIcons.ofSize(64));
        Label title = new Label("Signoff");
        title.getStyleClass().add("about-title");
        Label version = new Label(versionLine(build));
        version.setId("about-version");
        Label runtime = new Label(runtimeLine());
        runtime.setId("about-runtime");
        runtime.getStyleClass().add("muted");
        HBox header = new HBox(16, icon, new VBox(2, title, version, runtime));
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane places = new GridPane();
        places.setHgap(10);
        places.setVgap(6);
        addPlace(places, 0, "Settings", "about-dir-config", directories.config());
        addPlace(places, 1, "Audit trail and data", "about-dir-data", directories.data());
        addPlace(places, 2, "Logs", "about-dir-logs", directories.logs());

        TableView<ThirdPartyLibrary> table = licenseTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        Button copy = new Button("Copy details");
        copy.setId("about-copy");
        copy.setOnAction(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(details(build, directories, runtimeLine()));
            Clipboard.getSystemClipboard().setContent(text);
        });
        Button closeButton = new Button("Close");
        closeButton.setId("about-close");
        closeButton.setDefaultButton(true);
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, gap, closeButton);

        VBox root = new VBox(10, header,
                heading("Where Signoff keeps its files"), places,
                heading("Open-source libraries (" + libraries.size() + ")"), table,
                buttons);
        root.getStyleClass().add("about");
        root.setPadding(new Insets(20));
        return root;
    }

    private TableView<ThirdPartyLibrary> licenseTable() {
        TableView<ThirdPartyLibrary> table = new TableView<>();
        table.setId("about-licenses");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TableSupport.textColumn("Library", 230, ThirdPartyLibrary::name));
        table.getColumns().add(TableSupport.textColumn("Version", 90, ThirdPartyLibrary::version));
        table.getColumns().add(TableSupport.textColumn("License", 240, ThirdPartyLibrary::license));
        table.getItems().setAll(libraries);
        table.setPrefHeight(260);
        return table;
    }


    private static void addPlace(GridPane grid, int row, String what, String id, Path path) {
        Label label = new Label(what);
        label.getStyleClass().add("muted");
        TextField field = new TextField(path.toString()); // a field, so the path can be selected and copied
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("about-path");
        GridPane.setHgrow(field, Priority.ALWAYS);
        grid.addRow(row, label, field);
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("about-heading");
        return heading;
    }

    static String versionLine(BuildInfo build) {
        return "Version " + build.version() + " — built " + formatBuildDate(build.buildDate());
    }

    /** "2026-11-21T05:08:55Z" becomes "2026-11-21 05:08 UTC"; anything else (an unfiltered IDE build) as is. */
    static String formatBuildDate(String buildDate) {
        try {
            return BUILD_DATE.format(Instant.parse(buildDate));
        } catch (DateTimeParseException e) {
            return buildDate;
        }
    }

    private static String runtimeLine() {
        String javafx = System.getProperty("javafx.version", System.getProperty("javafx.runtime.version", "?"));
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
                + " · JavaFX " + javafx
                + " · " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " (" + System.getProperty("os.arch") + ")";
    }

    /** What "Copy details" puts on the clipboard, for a support ticket. */
    static String details(BuildInfo build, AppDirectories directories, String runtime) {
        return String.join(System.lineSeparator(),
                "Signoff " + build.version() + " (built " + build.buildDate() + ")",
                runtime,
                "Settings: " + directories.config(),
                "Data: " + directories.data(),
                "Logs: " + directories.logs());
    }
}
