package io.signoff.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and build date, filtered into signoff-build.properties by Maven. */
public record BuildInfo(String version, String buildDate) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/signoff-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // fall through to "unknown": a missing version must not stop the app
        }
        return new BuildInfo(p.getProperty("version", "unknown"), p.getProperty("buildDate", "unknown"));
    }
}
