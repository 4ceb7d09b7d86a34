package io.signoff;

import io.signoff.reliability.Figures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up: from launching the JVM to the console's first view showing its data, over the same for a bare JavaFX
 * window ({@link BareJavaFxWindow}), both child processes on the same JVM with app/signoff's flags, on one Xvfb
 * display started beforehand (so the display's own start-up counts for neither). Launches alternate; medians.
 * Signoff starts in demo mode on the Tenants view, whose data is every provider's tenants, fetched from the demo
 * simulator over HTTP (the Users view starts with an empty search box: it has no data to wait for).
 * <p>
 * A third child, {@link TableJavaFxWindow}, is measured alongside as a reference without a target: the bare window
 * plus a seven-row table, a tool bar and buttons, and no Signoff code. Its ratio is what the JavaFX controls of a
 * table-first screen cost by themselves on this machine, before any service, HTTP call or stylesheet.
 * <p>
 * A fourth, {@link ServicesFloorWindow}, is the other reference: the bare window whose one label lists the same
 * tenants, fetched by Signoff's own services as the console fetches them, with no console UI. Its ratio is the least
 * any first screen showing this data can cost with these services on this machine.
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final int RUNS = 7;
    private static final long LAUNCH_TIMEOUT_SECONDS = 60;

    @Test
    void theConsoleShowsDataWithinHalfAgainTheTimeOfABareWindow(@TempDir Path tmp) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path testClasses = project.resolve("target/test-classes");
        List<String> java = javaLikeAppSignoff(project, null);
        List<String> bare = new ArrayList<>(javaLikeAppSignoff(project, testClasses));
        bare.add(BareJavaFxWindow.class.getName());
        List<String> table = new ArrayList<>(javaLikeAppSignoff(project, testClasses));
        table.add(TableJavaFxWindow.class.getName());
        List<Double> bareMs = new ArrayList<>();
        List<Double> signoffMs = new ArrayList<>();
        List<Double> tableMs = new ArrayList<>();
        List<Double> floorMs = new ArrayList<>();
        List<String> floorJava = javaLikeAppSignoff(project, onlyTheFloorWindow(project, tmp.resolve("floor-classes")));
        try (VirtualDisplay display = VirtualDisplay.start()) {
            for (int run = 0; run <= RUNS; run++) { // run 0 warms the disk cache and is not counted
                double b = display.timeToLine(bare, BareJavaFxWindow.SHOWN);
                List<String> signoff = new ArrayList<>(java);
                signoff.add(1, "-D" + GuiStarter.STARTUP_MARKER_PROPERTY + "=true");
                signoff.addAll(List.of(Launcher.class.getName(), "--demo", "--view", "tenants",
                        "--config-dir", tmp.resolve("config-" + run).toString(), "--data-dir", tmp.resolve("data-" + run).toString()));
                double s = display.timeToLine(signoff, GuiStarter.STARTUP_MARKER);
                double t = display.timeToLine(table, BareJavaFxWindow.SHOWN);
                List<String> floor = new ArrayList<>(floorJava);
                floor.addAll(List.of(ServicesFloorWindow.class.getName(),
                        tmp.resolve("floor-config-" + run).toString(), tmp.resolve("floor-data-" + run).toString()));
                double f = display.timeToLine(floor, GuiStarter.STARTUP_MARKER);
                if (run > 0) {
                    bareMs.add(b);
                    signoffMs.add(s);
                    tableMs.add(t);
                    floorMs.add(f);
                }
            }
        }
        double ratio = Figures.median(signoffMs) / Figures.median(bareMs);
        Figures figures = new Figures();
        figures.report(String.format(Locale.ROOT, "startup.ratio: %.2f (target ≤ 1.5; median of %d launches under Xvfb:"
                        + " Signoff --demo --view tenants to the tenants listed %.0f ms, a bare JavaFX window %.0f ms)",
                ratio, RUNS, Figures.median(signoffMs), Figures.median(bareMs)), ratio <= 1.5);
        double tableRatio = Figures.median(tableMs) / Figures.median(bareMs);
        figures.report(String.format(Locale.ROOT, "startup.table_window_ratio: %.2f (reference, no target: a bare window"
                + " with a 7-row table, tool bar and buttons and no Signoff code, %.0f ms, over the bare window)",
                tableRatio, Figures.median(tableMs)), true);
        double floorRatio = Figures.median(floorMs) / Figures.median(bareMs);
        figures.report(String.format(Locale.ROOT, "startup.services_floor_ratio: %.2f (reference, no target: the bare"
                + " window's label listing the same tenants, fetched by Signoff's services with no console UI, %.0f ms,"
                + " over the bare window)", floorRatio, Figures.median(floorMs)), true);
        figures.assertAllMet();
    }

    /**
     * The java command app/signoff runs (its flags read from the script itself), with target/classes in place of the
     * jar (the bench runs before packaging), and {@code extraClasses} (or nothing) after it. Only the bare and table
     * windows get the whole test tree: Signoff starts with what it ships (its own logging set-up, not the tests'
     * logback-test.xml), and so does the services floor.
     */
    private static List<String> javaLikeAppSignoff(Path project, Path extraClasses) throws IOException {
        String script = Files.readString(project.resolve("app/signoff"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        StringBuilder modulePath = new StringBuilder();
        StringBuilder classPath = new StringBuilder(project.resolve("target/classes").toString());
        if (extraClasses != null) classPath.append(':').append(extraClasses);
        try (Stream<Path> jars = Files.list(project.resolve("target/lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.matches("javafx-.*-(linux|win|mac.*)\\.jar")) {
                    modulePath.append(modulePath.length() == 0 ? "" : ":").append(jar);
                } else if (!name.startsWith("javafx-")) {
                    classPath.append(':').append(jar);
                }
            }
        }
        cmd.addAll(List.of("--module-path", modulePath.toString()));
        Matcher modules = Pattern.compile("--add-modules\\s+(\\S+)").matcher(script);
        if (!modules.find()) throw new AssertionError("app/signoff names no --add-modules");
        cmd.addAll(List.of("--add-modules", modules.group(1)));
        Matcher flags = Pattern.compile("(--add-(?:exports|opens)=\\S+|--enable-native-access=\\S+)").matcher(script);
        while (flags.find()) cmd.add(flags.group(1));
        cmd.addAll(List.of("-cp", classPath.toString()));
        return cmd;
    }

    /**
     * {@link ServicesFloorWindow}'s classes alone, for its class path: with the whole test tree, logging would take
     * the tests' logback-test.xml instead of the set-up Signoff ships.
     */
    private static Path onlyTheFloorWindow(Path project, Path dir) throws IOException {
        Path testClasses = project.resolve("target/test-classes");
        Path pkg = testClasses.resolve(ServicesFloorWindow.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir.resolve(testClasses.relativize(pkg)));
        try (Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(ServicesFloorWindow.class.getSimpleName())).toList()) {
                Files.copy(f, dir.resolve(testClasses.relativize(f)));
            }
        }
        return dir;
    }

    /** One Xvfb display (xvfb-run -a) for the whole benchmark; children get its DISPLAY and XAUTHORITY. */
    private static final class VirtualDisplay implements AutoCloseable {
        private final Process xvfb;
        private final String display;
        private final String xauthority;

        private VirtualDisplay(Process xvfb, String display, String xauthority) {
            this.xvfb = xvfb;
            this.display = display;
            this.xauthority = xauthority;
        }

        static VirtualDisplay start() throws IOException {
            Process p = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24",
                    "sh", "-c", "echo \"$DISPLAY $XAUTHORITY\"; exec sleep 3600").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith(":")) {
                p.destroyForcibly();
                throw new AssertionError("xvfb-run did not start a display: " + line);
            }
            String[] parts = line.trim().split(" ", 2);
            return new VirtualDisplay(p, parts[0], parts.length > 1 ? parts[1] : "");
        }

        /** Launches the command and returns the milliseconds until it printed {@code marker}; then stops it. */
        double timeToLine(List<String> command, String marker) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            if (!xauthority.isBlank()) pb.environment().put("XAUTHORITY", xauthority);
            CompletableFuture<Long> seen = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            long started = System.nanoTime();
            Process child = pb.start();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.contains(marker)) seen.complete(System.nanoTime());
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                } catch (IOException ended) {
                    // the child was stopped
                }
                seen.complete(-1L);
            }, "startup-reader");
            reader.setDaemon(true);
            reader.start();
            long at;
            try {
                at = seen.get(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                at = -1;
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            }
            if (at < 0) {
                synchronized (output) {
                    throw new AssertionError("no '" + marker + "' from " + command.get(command.size() - 1) + ":\n" + output);
                }
            }
            return (at - started) / 1e6;
        }

        @Override
        public void close() {
            xvfb.descendants().forEach(ProcessHandle::destroy);
            xvfb.destroy();
        }
    }
}
