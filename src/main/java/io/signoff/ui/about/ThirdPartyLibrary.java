package io.signoff.ui.about;

/**
 * A library Signoff ships, as listed in third-party-licenses.json (written by packaging/list-licenses.sh).
 *
 * @param license    SPDX expression, e.g. "Apache-2.0" or "EPL-2.0 OR LGPL-2.1-only" (a choice of licenses)
 * @param licenseUrl where the license text is, as the library's pom says ("" when it names none)
 * @param url        the project's home page ("" when the pom names none)
 */
public record ThirdPartyLibrary(String name, String group, String artifact, String version, String license,
                                String licenseUrl, String url) {

    /**
     * Whether a jar in target/lib is this library: {@code artifact-version.jar}, or with a platform classifier
     * such as {@code javafx-base-21.0.12-linux.jar} (the Windows and macOS builds have -win/-mac jars instead).
     */
    public boolean matchesJar(String fileName) {
        String base = artifact + "-" + version;
        return fileName.equals(base + ".jar") || (fileName.startsWith(base + "-") && fileName.endsWith(".jar"));
    }
}
