package io.signoff.ui.offboarding;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the wizard asks for files: the CSV of people to import and the file to export the report to. The console uses
 * {@link #fileChoosers()}; tests hand in paths directly, since a native file dialog cannot be driven headless.
 * Called on the FX thread.
 */
public interface FileDialogs {

    /** @param owner a node of the window the dialog belongs to */
    Optional<Path> openCsv(Node owner);

    Optional<Path> saveCsv(Node owner, String suggestedName);

    /** JavaFX FileChoosers, filtered to CSV files. */
    static FileDialogs fileChoosers() {
        return new FileDialogs() {
            @Override
            public Optional<Path> openCsv(Node owner) {
                FileChooser chooser = chooser("Choose a CSV file with one email address per row");
                File file = chooser.showOpenDialog(window(owner));
                return Optional.ofNullable(file).map(File::toPath);
            }

            @Override
            public Optional<Path> saveCsv(Node owner, String suggestedName) {
                FileChooser chooser = chooser("Export the offboarding report");
                chooser.setInitialFileName(suggestedName);
                File file = chooser.showSaveDialog(window(owner));
                return Optional.ofNullable(file).map(File::toPath);
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                        new FileChooser.ExtensionFilter("All files", "*.*"));
                return chooser;
            }

            private Window window(Node owner) {
                return owner == null || owner.getScene() == null ? null : owner.getScene().getWindow();
            }
        };
    }
}
