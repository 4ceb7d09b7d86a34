/*
 * Builds Signoff's jpackage outputs from a Maven build: the app image, and the .deb/.rpm, .dmg/.pkg or .msi/.exe
 * installer of the OS it runs on (jpackage cannot cross-build).
 *
 *   java packaging/PackageSignoff.java --type app-image|deb|rpm|dmg|pkg|msi|exe [--dest DIR] [--verbose]
 *
 * Run it from the repository root after `mvn -B -DskipTests package`; the wrappers build-app-image.sh,
 * build-installer.sh and build-installer.cmd do both. Needs a full JDK 17+ (jlink and jpackage), nothing else
 * from the JDK's bin/ and no internet.
 *
 * One cross-platform program instead of a bash and a cmd copy of the same steps: the Windows and macOS paths
 * run the very code the Linux CI exercises, only the few branches on OsFamily differ.
 *
 * How the image is laid out:
 * - JavaFX is linked INTO the runtime (jlink takes the platform jars as modules), so the launcher needs no
 *   --module-path; the ControlsFX flags from toolchain.md are baked in as --java-options (packaging/jpackage-common.cfg).
 * - JavaFX's native libraries are copied out of its jars to where JavaFX looks first in a linked runtime
 *   (lib/, or bin/javafx/ on Windows) and left out of the module image: otherwise JavaFX unpacks them into
 *   ~/.openjfx/cache on first start, which costs space twice and is blocked by AppLocker-style policies.
 * - Everything else (the app jar and target/lib) stays on the class path, as with app/signoff.
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public final class PackageSignoff {
    static final String APP_NAME = "Signoff";

    /*
     * The trimmed runtime. Found with
     *   jdeps --ignore-missing-deps --multi-release 17 --print-module-deps --module-path <javafx jars> target/*.jar target/lib/*.jar
     * plus what jdeps cannot see. Why each is here:
     *   java.desktop, java.datatransfer   javafx.swing (screenshots: SwingFXUtils + ImageIO), JNA, ControlsFX
     *   java.logging                      OkHttp, okio, JNA, sqlite-jdbc, ControlsFX
     *   java.naming, java.xml             logback (an operator's own logback.xml, -Dlogback.configurationFile), dbus-java
     *   java.scripting                    javafx.fxml
     *   java.sql                          sqlite-jdbc (audit trail), Gson and Commons CSV adapters
     *   jdk.crypto.ec                     TLS with EC ciphers to the providers: a security provider, invisible to jdeps
     *   jdk.httpserver                    the embedded simulator behind --demo and --screenshot
     *   jdk.net, jdk.security.auth        dbus-java's unix-socket transport (Secret Service keychain on Linux)
     *   jdk.unsupported(.desktop)         sun.misc.Unsafe for JavaFX, Gson, JNA; javafx.swing
     * Deliberately left out: jdk.localedata (18 MB; dates fall back to the root/English formats), java.management.
     */
    static final List<String> MODULES = List.of(
            "java.base", "java.datatransfer", "java.desktop", "java.logging", "java.naming", "java.scripting",
            "java.sql", "java.xml", "jdk.crypto.ec", "jdk.httpserver", "jdk.net", "jdk.security.auth",
            "jdk.unsupported", "jdk.unsupported.desktop",
            "javafx.base", "javafx.graphics", "javafx.controls", "javafx.fxml", "javafx.swing");

    /** --compress=2 (zip) on top of toolchain.md's list: the module image shrinks from 61 to 30 MB. */
    static final List<String> JLINK_OPTIONS = List.of(
            "--strip-debug", "--no-man-pages", "--no-header-files", "--strip-native-commands", "--compress=2");

    static final Set<String> TYPES = Set.of("app-image", "deb", "rpm", "dmg", "pkg", "msi", "exe");

    /** javafx-controls-21.0.12-linux.jar: module name part, version, platform classifier. */
    static final Pattern JAVAFX_PLATFORM_JAR = Pattern.compile("javafx-([a-z]+)-([0-9][0-9.]*)-([a-z0-9-]+)\\.jar");

    enum OsFamily { LINUX, MAC, WINDOWS }

    public static void main(String[] args) {
        try {
            System.exit(new PackageSignoff().run(args));
        } catch (BuildFailure e) {
            System.err.println("packaging failed: " + e.getMessage());
            System.exit(1);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("packaging failed: " + e);
            System.exit(1);
        }
    }

    private final Path root = Path.of("").toAbsolutePath();
    private final OsFamily os = detectOs();

    int run(String[] args) throws IOException {
        String type = null;
        Path dest = root.resolve("packaging/out");
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--type" -> type = value(args, ++i, "--type");
                case "--dest" -> dest = Path.of(value(args, ++i, "--dest")).toAbsolutePath();
                case "--verbose" -> verbose = true;
                default -> throw new BuildFailure("unknown argument " + args[i]
                        + " (usage: --type app-image|deb|rpm|dmg|pkg|msi|exe [--dest DIR] [--verbose])");
            }
        }
        if (type == null || !TYPES.contains(type)) {
            throw new BuildFailure("--type must be one of " + TYPES);
        }
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("packaging"))) {
            throw new BuildFailure("run this from the repository root (where pom.xml is)");
        }

        String version = readVersion();
        Path mainJar = root.resolve("target/signoff-" + version + ".jar");
        Path lib = root.resolve("target/lib");
        if (!Files.isRegularFile(mainJar) || !Files.isDirectory(lib)) {
            throw new BuildFailure(mainJar + " or target/lib is missing: run mvn -B -DskipTests package first");
        }

        Path stage = dest.resolve("stage");
        deleteTree(stage);
        Path input = Files.createDirectories(stage.resolve("input"));
        List<Path> javafxJars = new ArrayList<>();
        Files.copy(mainJar, input.resolve(mainJar.getFileName()));
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.sorted().collect(Collectors.toList())) {
                String name = jar.getFileName().toString();
                if (JAVAFX_PLATFORM_JAR.matcher(name).matches()) {
                    javafxJars.add(jar);
                } else if (!name.startsWith("javafx-") && name.endsWith(".jar")) {
                    // javafx-*-<version>.jar without a classifier are empty placeholders: left out.
                    Files.copy(jar, input.resolve(name));
                }
            }
        }
        if (javafxJars.isEmpty()) {
            throw new BuildFailure("no JavaFX platform jars (javafx-*-<version>-<platform>.jar) in " + lib);
        }

        Path runtime = stage.resolve("runtime");
        System.out.println("Linking the runtime (" + MODULES.size() + " modules)…");
        linkRuntime(javafxJars, runtime);
        int natives = copyJavafxNatives(javafxJars, runtime);
        System.out.println("Copied " + natives + " JavaFX native libraries into the runtime");

        Path resources = Files.createDirectories(stage.resolve("resources"));
        String packageVersion = prepareResources(resources, version);

        List<String> jpackage = new ArrayList<>(List.of(
                "--type", type,
                "--dest", dest.toString(),
                "--app-version", packageVersion,
                "--input", input.toString(),
                "--main-jar", mainJar.getFileName().toString(),
                "--runtime-image", runtime.toString(),
                "--icon", root.resolve(iconFile()).toString(),
                "--resource-dir", resources.toString(),
                "--copyright", "Copyright (c) " + Year.now() + " the Signoff authors",
                "@" + root.resolve("packaging/jpackage-common.cfg")));
        if (!type.equals("app-image")) {
            jpackage.add("@" + root.resolve(osOptionsFile()));
        }
        if (verbose) jpackage.add("--verbose");

        Path image = dest.resolve(os == OsFamily.MAC ? APP_NAME + ".app" : APP_NAME);
        if (type.equals("app-image")) deleteTree(image);
        System.out.println("Running jpackage --type " + type + "…");
        runTool("jpackage", jpackage);
        deleteTree(stage); // 60 MB of copies: the output is all that is needed

        if (type.equals("app-image")) {
            System.out.printf("App image: %s (%d MB)%n", image, (treeSize(image) + (1 << 20) - 1) >> 20);
        } else {
            Path installer = renameInstaller(dest, type, packageVersion, version);
            System.out.println("Installer: " + installer);
        }
        return 0;
    }

    private String readVersion() throws IOException {
        Path props = root.resolve("target/classes/signoff-build.properties");
        if (!Files.isRegularFile(props)) {
            throw new BuildFailure(props + " is missing: run mvn -B -DskipTests package first");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
        }
        String version = p.getProperty("version", "");
        if (!version.matches("[0-9]+(\\.[0-9]+){0,2}")) {
            // jpackage accepts only 1 to 3 dot-separated numbers (no -SNAPSHOT).
            throw new BuildFailure("version '" + version + "' from the pom is not 1-3 numbers separated by dots");
        }
        return version;
    }

    private void linkRuntime(List<Path> javafxJars, Path runtime) {
        List<String> args = new ArrayList<>();
        args.add("--module-path");
        args.add(javafxJars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        args.add("--add-modules");
        args.add(String.join(",", MODULES));
        args.addAll(JLINK_OPTIONS);
        // The native libraries and the SWT bridge jar sit at the root of javafx.graphics: not needed in the image.
        args.add("--exclude-resources=glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib,glob:/javafx.*/*.jar");
        args.add("--output");
        args.add(runtime.toString());
        runTool("jlink", args);
    }

    /** Copies *.so / *.dll / *.dylib from the JavaFX jars to where a linked JavaFX looks for them first. */
    private int copyJavafxNatives(List<Path> javafxJars, Path runtime) throws IOException {
        String suffix = switch (os) {
            case LINUX -> ".so";
            case MAC -> ".dylib";
            case WINDOWS -> ".dll";
        };
        Path target = Files.createDirectories(os == OsFamily.WINDOWS ? runtime.resolve("bin/javafx") : runtime.resolve("lib"));
        int count = 0;
        for (Path jar : javafxJars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                    String name = entry.getName();
                    if (!entry.isDirectory() && !name.contains("/") && name.endsWith(suffix)) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        count++;
                    }
                }
            }
        }
        if (count == 0) throw new BuildFailure("no " + suffix + " files in the JavaFX jars: wrong platform jars?");
        return count;
    }

    /**
     * Fills the jpackage resource directory and returns the version to hand to jpackage.
     * macOS: jpackage (17) refuses an app version whose first number is 0, so a 0.x build is packaged as 1.x and
     * our own Info.plist carries the real version, which is what Finder and About show.
     */
    private String prepareResources(Path resources, String version) throws IOException {
        switch (os) {
            case LINUX -> Files.copy(root.resolve("packaging/linux/signoff.desktop"), resources.resolve(APP_NAME + ".desktop"));
            case MAC -> {
                String plist = Files.readString(root.resolve("packaging/macos/Info.plist"), StandardCharsets.UTF_8)
                        .replace("@VERSION@", version)
                        .replace("@YEAR@", Year.now().toString());
                Files.writeString(resources.resolve("Info.plist"), plist, StandardCharsets.UTF_8);
                if (version.startsWith("0.") || version.equals("0")) {
                    return "1" + version.substring(1);
                }
            }
            case WINDOWS -> { }
        }
        return version;
    }

    private Path renameInstaller(Path dest, String type, String packageVersion, String version) throws IOException {
        String suffix = "." + type;
        try (Stream<Path> files = Files.list(dest)) {
            Path built = files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> f.getFileName().toString().contains(packageVersion))
                    .findFirst()
                    .orElseThrow(() -> new BuildFailure("jpackage finished but no " + suffix + " file is in " + dest));
            if (packageVersion.equals(version)) return built;
            Path renamed = built.resolveSibling(built.getFileName().toString().replace(packageVersion, version));
            return Files.move(built, renamed, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private String iconFile() {
        return switch (os) {
            case LINUX -> "icons/signoff-256.png";
            case MAC -> "icons/signoff.icns";
            case WINDOWS -> "icons/signoff.ico";
        };
    }

    private String osOptionsFile() {
        return switch (os) {
            case LINUX -> "packaging/linux/jpackage.cfg";
            case MAC -> "packaging/macos/jpackage.cfg";
            case WINDOWS -> "packaging/windows/jpackage.cfg";
        };
    }

    private static void runTool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new BuildFailure(
                name + " is not in this Java (" + System.getProperty("java.home") + "): use a full JDK 17 or newer"));
        int exit = tool.run(System.out, System.err, args.toArray(String[]::new));
        if (exit != 0) throw new BuildFailure(name + " exited with " + exit + " (its message is above)");
    }

    private static OsFamily detectOs() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.contains("win")) return OsFamily.WINDOWS;
        if (name.contains("mac") || name.contains("darwin")) return OsFamily.MAC;
        return OsFamily.LINUX;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new BuildFailure(option + " needs a value");
        return args[i];
    }

    private static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A failure with a message meant for the person running the build. */
    static final class BuildFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BuildFailure(String message) {
            super(message);
        }
    }
}
