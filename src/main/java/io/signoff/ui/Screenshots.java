package io.signoff.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** Renders the window to a PNG once a view's data is loaded, then exits: the --screenshot mode. */
public final class Screenshots {
    private Screenshots() { }

    public static void whenLoaded(SectionView view, Scene scene, Path file, java.io.PrintWriter out, java.io.PrintWriter err) {
        view.loaded().whenComplete((ok, error) -> Platform.runLater(() -> {
            // One more pulse so the loaded rows are laid out before the snapshot.
            PauseTransition settle = new PauseTransition(Duration.millis(300));
            settle.setOnFinished(e -> write(scene, file, out, err));
            settle.play();
        }));
    }

    private static void write(Scene scene, Path file, java.io.PrintWriter out, java.io.PrintWriter err) {
        int exit = 0;
        try {
            WritableImage image = scene.snapshot(null);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            out.println("Screenshot written to " + file.toAbsolutePath());
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("Could not write the screenshot to " + file + ": " + e.getMessage());
            err.flush();
            exit = 1;
        }
        Platform.exit();
        System.exit(exit);
    }
}
