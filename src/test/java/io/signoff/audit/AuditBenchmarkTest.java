package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's figures: batched append speed, and our CSV export against the sqlite3 command-line tool exporting the same
 * columns of the same table in the same run. Run with {@code mvn -B -o test -Pbench}.
 */
@Tag("benchmark")
class AuditBenchmarkTest {
    private static final int ROWS = Integer.getInteger("audit.bench.rows", 1_000_000);
    private static final int BATCH = 10_000;
    private static final int ROUNDS = 5;
    private static final String SQLITE_COLUMNS = AuditSchema.COLUMNS;

    @TempDir
    Path dir;

    @Test
    void appendAndExportAMillionEvents() throws Exception {
        String sqlite3 = requireSqlite3();
        Path db = dir.resolve("audit.db");
        double appendRate;
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {
            long start = System.nanoTime();
            for (int i = 0; i < ROWS; i += BATCH) {
                store.appendAll(AuditFixtures.events(i, Math.min(ROWS, i + BATCH), Duration.ofSeconds(3)));
            }
            appendRate = ROWS / seconds(start);
            System.out.printf(Locale.ROOT, "audit.append: %.0f events/s (target ≥ 20000)%n", appendRate);
        }
        // Export from the trail at rest (closing checkpoints the WAL into the main file), as a report run would.
        try (SqliteAuditStore store = SqliteAuditStore.open(db)) {

            AuditCsvExporter exporter = new AuditCsvExporter(store, "Signoff benchmark", Clock.systemUTC());
            double ours = 0;
            double theirs = 0;
            // Best of ROUNDS for each, interleaved, so neither side gets a colder cache, a cold JIT or a busier
            // moment on a shared machine than the other.
            for (int round = 0; round < ROUNDS; round++) {
                long t = System.nanoTime();
                ExportResult r = exporter.export(AuditFilter.ALL, dir.resolve("ours.csv"), false, ExportProgress.NONE);
                ours = Math.max(ours, ROWS / seconds(t));
                assertEquals(ROWS, r.rowCount());

                t = System.nanoTime();
                Path cliOut = dir.resolve("sqlite3.csv");
                Process p = new ProcessBuilder(sqlite3, "-csv", "-header", db.toString(),
                        "SELECT " + SQLITE_COLUMNS + " FROM audit_events ORDER BY sequence")
                        .redirectOutput(cliOut.toFile()).redirectErrorStream(false).start();
                assertTrue(p.waitFor(10, TimeUnit.MINUTES), "sqlite3 did not finish");
                assertEquals(0, p.exitValue(), () -> "sqlite3 failed: " + stderr(p));
                theirs = Math.max(theirs, ROWS / seconds(t));
                assertTrue(Files.size(cliOut) > 0);
            }
            double ratio = ours / theirs;
            System.out.printf(Locale.ROOT, "audit.export: %.0f rows/s%n", ours);
            System.out.printf(Locale.ROOT, "audit.export.sqlite3: %.0f rows/s%n", theirs);
            System.out.printf(Locale.ROOT, "audit.export.ratio: %.2f (target ≥ 0.8)%n", ratio);
            System.out.printf(Locale.ROOT, "audit.note: %d rows, best of %d interleaved export rounds, %d CPUs, load average %.1f%n",
                    ROWS, ROUNDS, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertTrue(appendRate >= 20_000, "append " + appendRate + " events/s is below 20000");
            assertTrue(ratio >= 0.8, "export ratio " + ratio + " is below 0.8");
        }
    }

    private static String requireSqlite3() {
        for (String candidate : List.of("sqlite3", "/usr/bin/sqlite3", "/usr/local/bin/sqlite3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
            } catch (IOException | InterruptedException e) {
                // try the next place
            }
        }
        fail("The sqlite3 command-line tool is not installed (apt-get install sqlite3): the audit export benchmark"
                + " compares against it and cannot run without it");
        return null;
    }

    private static String stderr(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
