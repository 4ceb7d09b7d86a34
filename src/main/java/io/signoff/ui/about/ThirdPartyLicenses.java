package io.signoff.ui.about;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the bundled list of third-party libraries and their licenses. */
public final class ThirdPartyLicenses {
    static final String RESOURCE = "third-party-licenses.json";

    private ThirdPartyLicenses() { }

    /** The libraries in this build, sorted by name. Throws if the resource is missing: a packaging bug. */
    public static List<ThirdPartyLibrary> bundled() {
        try (InputStream in = ThirdPartyLicenses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                ThirdPartyLibrary[] libraries = new Gson().fromJson(reader, ThirdPartyLibrary[].class);
                return libraries == null ? List.of() : List.of(libraries);
            }
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
