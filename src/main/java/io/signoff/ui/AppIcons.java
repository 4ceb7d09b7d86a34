package io.signoff.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The Signoff app icon (rendered from icons/signoff.svg by packaging/make-icons.sh) at the sizes windows use. */
public final class AppIcons {
    /** The sizes under io/signoff/ui/icons/: window managers pick the closest for title bars, task bars and Alt-Tab. */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() { }

    /** Every size, smallest first: for {@code stage.getIcons().setAll(...)}. */
    public static List<Image> all() {
        List<Image> icons = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            icons.add(ofSize(size));
        }
        return icons;
    }

    /** One of {@link #SIZES}. */
    public static Image ofSize(int size) {
        URL url = AppIcons.class.getResource("icons/signoff-" + size + ".png");
        if (url == null) {
            throw new IllegalArgumentException("no " + size + " px app icon (sizes: 16, 32, 48, 64, 128, 256)");
        }
        return new Image(url.toExternalForm());
    }
}
