package io.signoff.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Signoff keeps its files, per OS convention, with command-line overrides.
 *
 * @param config settings (connections without secrets, preferences): XDG_CONFIG_HOME, %APPDATA%, ~/Library/Application Support
 * @param data   audit trail and journal: XDG_DATA_HOME, %LOCALAPPDATA%, ~/Library/Application Support
 * @param logs   log files: under data on every OS
 */
public record AppDirectories(Path config, Path data, Path logs) {
    private static final String APP = "Signoff";
    private static final String APP_LOWER = "signoff";

    /** The OS defaults, with either directory overridden when the override is not null. */
    public static AppDirectories resolve(Path configOverride, Path dataOverride) {
        return resolve(configOverride, dataOverride, System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static AppDirectories resolve(Path configOverride, Path dataOverride, Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        if (os.contains("win")) {
            config = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming")).resolve(APP);
            data = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local")).resolve(APP);
        } else if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve(APP);
            config = support;
            data = support;
        } else {
            config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP_LOWER);
            data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve(APP_LOWER);
        }
        if (configOverride != null) config = configOverride;
        if (dataOverride != null) data = dataOverride;
        return new AppDirectories(config.toAbsolutePath(), data.toAbsolutePath(), data.toAbsolutePath().resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        // XDG says a relative value is invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) return fallback;
        return Path.of(value);
    }
}
