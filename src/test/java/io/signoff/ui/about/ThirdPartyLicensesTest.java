package io.signoff.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The About dialog's library list must match what the build ships. Maven copies the runtime jars to target/lib
 * before the tests run (pom: copy-runtime-libs at process-test-classes); after a dependency change, run
 * packaging/list-licenses.sh and commit the regenerated third-party-licenses.json.
 */
class ThirdPartyLicensesTest {
    private static final Path LIB = Path.of("target", "lib");

    @Test
    void everyRuntimeJarHasALicenseEntry() throws IOException {
        List<ThirdPartyLibrary> libraries = ThirdPartyLicenses.bundled();
        List<String> missing = runtimeJars().stream()
                .filter(jar -> libraries.stream().noneMatch(l -> l.matchesJar(jar)))
                .collect(Collectors.toList());
        assertTrue(missing.isEmpty(), "no entry in third-party-licenses.json for " + missing
                + ": run packaging/list-licenses.sh");
    }

    @Test
    void everyEntryIsAJarTheBuildShips() throws IOException {
        List<String> jars = runtimeJars();
        List<String> stale = ThirdPartyLicenses.bundled().stream()
                .filter(l -> jars.stream().noneMatch(l::matchesJar))
                .map(l -> l.artifact() + " " + l.version())
                .collect(Collectors.toList());
        assertTrue(stale.isEmpty(), "third-party-licenses.json lists libraries not in target/lib: " + stale
                + ": run packaging/list-licenses.sh");
    }

    @Test
    void everyEntryNamesItsLicense() {
        for (ThirdPartyLibrary l : ThirdPartyLicenses.bundled()) {
            assertFalse(l.name().isBlank(), l.artifact() + " has no name");
            assertFalse(l.version().isBlank(), l.artifact() + " has no version");
            assertFalse(l.license().isBlank(), l.artifact() + " has no license");
        }
    }

    @Test
    void knownLicensesAreReadFromThePoms() {
        List<ThirdPartyLibrary> libraries = ThirdPartyLicenses.bundled();
        assertEquals("Apache-2.0", find(libraries, "gson").license());
        assertEquals("GPL-2.0-only WITH Classpath-exception-2.0", find(libraries, "javafx-controls").license());
        assertEquals("EPL-2.0 OR LGPL-2.1-only", find(libraries, "logback-classic").license());
    }

    @Test
    void jarNamesMatchWithOrWithoutAPlatformClassifier() {
        ThirdPartyLibrary javafxBase = new ThirdPartyLibrary("javafx base", "org.openjfx", "javafx-base", "21.0.12",
                "GPL-2.0-only WITH Classpath-exception-2.0", "", "");
        assertTrue(javafxBase.matchesJar("javafx-base-21.0.12.jar"));
        assertTrue(javafxBase.matchesJar("javafx-base-21.0.12-linux.jar"));
        assertTrue(javafxBase.matchesJar("javafx-base-21.0.12-win.jar"));
        assertFalse(javafxBase.matchesJar("javafx-base-21.0.1.jar"));
        assertFalse(javafxBase.matchesJar("javafx-base-21.0.12-linux.pom"));
        ThirdPartyLibrary okio = new ThirdPartyLibrary("okio", "com.squareup.okio", "okio", "3.6.0", "Apache-2.0", "", "");
        assertTrue(okio.matchesJar("okio-3.6.0.jar"));
        assertFalse(okio.matchesJar("okio-jvm-3.6.0.jar"));
    }

    private static ThirdPartyLibrary find(List<ThirdPartyLibrary> libraries, String artifact) {
        return libraries.stream().filter(l -> l.artifact().equals(artifact)).findFirst()
                .orElseThrow(() -> new AssertionError(artifact + " is not in third-party-licenses.json"));
    }

    private static List<String> runtimeJars() throws IOException {
        assertTrue(Files.isDirectory(LIB), LIB.toAbsolutePath() + " is missing: run the tests with Maven "
                + "(mvn test copies the runtime jars there before the tests run)");
        try (Stream<Path> files = Files.list(LIB)) {
            List<String> jars = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .sorted().collect(Collectors.toList());
            assertFalse(jars.isEmpty(), LIB + " has no jars");
            return jars;
        }
    }
}
