package io.signoff.settings;

import java.util.Locale;

/**
 * The operator's preferences, saved beside the connections.
 *
 * @param operatorName who is at the console (recorded in the audit trail); may be empty
 * @param window       where the main window was last, or null for the default placement
 * @param lastView     the slug of the section shown last (e.g. "users"), or null
 */
public record Preferences(String operatorName, Theme theme, WindowPlacement window, String lastView) {

    public enum Theme {
        LIGHT, DARK;

        public String slug() { return name().toLowerCase(Locale.ROOT); }

        /** Parses "light"/"dark"; anything else (a theme of a newer version) falls back to light. */
        public static Theme fromSlug(String value) {
            return "dark".equalsIgnoreCase(value) ? DARK : LIGHT;
        }
    }

    /** The main window's last position and size, in screen coordinates. */
    public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
        public WindowPlacement {
            if (!(width > 0) || !(height > 0)) throw new IllegalArgumentException("window size must be positive");
        }
    }

    public Preferences {
        operatorName = operatorName == null ? "" : operatorName;
        theme = theme == null ? Theme.LIGHT : theme;
    }

    public static Preferences defaults() {
        return new Preferences("", Theme.LIGHT, null, null);
    }

    public Preferences withOperatorName(String name) { return new Preferences(name, theme, window, lastView); }

    public Preferences withTheme(Theme newTheme) { return new Preferences(operatorName, newTheme, window, lastView); }

    public Preferences withWindow(WindowPlacement placement) { return new Preferences(operatorName, theme, placement, lastView); }

    public Preferences withLastView(String view) { return new Preferences(operatorName, theme, window, view); }
}
