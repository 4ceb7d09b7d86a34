package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.ChainStatus;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.AccountStatus;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.StepStatus;
import io.signoff.model.Tenant;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.CrashRunMain;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingRunner;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.ResumeToEnd;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.StepAction;
import io.signoff.offboarding.StepState;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 at random points: Jane's offboarding starts in a separate JVM (issue 7's {@link CrashRunMain}) against a
 * simulator in this JVM and is killed after a random number of journalled transitions; the run is then resumed in
 * another separate JVM ({@link ResumeRunMain}) and killed again at a later random point; finally this JVM resumes it
 * to the end. Every run must finish with every step in its true state, no effect applied twice, and an audit chain
 * that verifies.
 */
class CrashSoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashSoakTest.class);
    private static final long RANDOM_SEED = 20_261_121L;

    @TempDir
    Path dir;

    @Test
    void aRunKilledTwiceResumesToCompletion() throws Exception {
        soak(2);
    }

    @Tag("reliability")
    @Test
    void twentyRandomKillPointsAcrossRunsAllResumeToCompletion() throws Exception {
        soak(20);
    }

    /** Issue 7's crash test settings: quick timeouts, budgets out of the way. */
    static RequestOptions childOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withRateBudgetPerMinute(6000);
    }

    private void soak(int kills) throws Exception {
        Random random = new Random(RANDOM_SEED);
        int full = transitionsOfAWholeRun();
        List<Integer> killPoints = new ArrayList<>();
        int runs = 0;
        while (killPoints.size() < kills) {
            runs++;
            try (SimulatorServer sim = simulator()) {
                Path db = Files.createDirectories(dir.resolve("run-" + runs)).resolve(SqliteAuditStore.FILE_NAME);
                int first = 1 + random.nextInt(full - 1);
                if (runUntil(CrashRunMain.class, sim, db, first)) killPoints.add(first);
                int done = (int) transitions(db);
                if (killPoints.size() < kills && done < full) {
                    int second = done + 1 + random.nextInt(Math.max(1, full - done - 1));
                    if (runUntil(ResumeRunMain.class, sim, db, second)) killPoints.add(second);
                }
                resumeToTheEndAndCheck(sim, db);
            }
        }
        String summary = String.format("crash soak: %d kill -9 points %s (of %d transitions in a whole run) across %d runs;"
                + " every run resumed to completion, no effect applied twice, every audit chain verifies", killPoints.size(),
                killPoints, full, runs);
        LOG.info(summary);
        System.out.println(summary); // the reliability profile's report line
    }

    private static SimulatorServer simulator() throws IOException {
        SimulatorServer sim = Simulators.startDemo(0, 42);
        OffboardingRig.cipp(sim).jobTiming(Duration.ofMillis(300), Duration.ofMillis(300));
        for (ProviderKind kind : ProviderKind.values()) sim.faults(kind).latency(Duration.ofMillis(30));
        return sim;
    }

    /** A run left alone in its own JVM: how many transitions it journals before only the manual step is left. */
    private int transitionsOfAWholeRun() throws Exception {
        try (SimulatorServer sim = simulator()) {
            Path db = Files.createDirectories(dir.resolve("whole")).resolve(SqliteAuditStore.FILE_NAME);
            assertTrue(!runUntil(CrashRunMain.class, sim, db, Integer.MAX_VALUE), "the whole run ends by itself");
            long count = transitions(db);
            assertTrue(count > 4, "a whole run journals its steps: " + count);
            return (int) count;
        }
    }

    /**
     * Starts {@code main} in a JVM of its own and kills it (kill -9) once the journal holds {@code killAt} transitions.
     *
     * @return true when it was killed mid-run, false when it ended first
     */
    private static boolean runUntil(Class<?> main, SimulatorServer sim, Path db, int killAt) throws Exception {
        Path log = db.resolveSibling(main.getSimpleName() + "-" + System.nanoTime() + ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), main.getName(), sim.rootUrl().toString(), sim.seed().cloudflare().accountId(), db.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (child.isAlive() && System.nanoTime() < deadline && transitions(db) < killAt) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        boolean killed = child.isAlive();
        child.destroyForcibly();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child ended");
        assertTrue(killed || child.exitValue() == 0, () -> main.getSimpleName() + " failed: " + read(log));
        return killed;
    }

    private static void resumeToTheEndAndCheck(SimulatorServer sim, Path db) throws Exception {
        List<Connection> connections = OffboardingRig.connections(sim, childOptions());
        ProviderLookup providers = OffboardingRig.lookup(connections, sim);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (SqliteAuditStore store = SqliteAuditStore.open(db); OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
            String runId = journal.runs().get(0).runId();
            OffboardingRunner runner = new OffboardingRunner(journal, providers, AuditWriter.of(store), OffboardingRig.OPERATOR,
                    "ui", OffboardingRig.quickSettings(4), Clock.systemUTC(), timer);
            RunSnapshot done = ResumeToEnd.resume(runner, runId, "Logged out in the Lucid admin panel by the crash soak",
                    Duration.ofSeconds(60));
            runner.close();

            assertEquals(RunState.FINISHED, done.state(), () -> done.steps() + "\n" + journal.transitions(runId));
            for (PlanStep step : done.plan().steps()) {
                StepState st = done.step(step.id()).orElseThrow();
                boolean truthful = step.manual() ? st.status() == StepStatus.ATTESTED
                        : st.status() == StepStatus.VERIFIED || st.status() == StepStatus.SUCCEEDED;
                assertTrue(truthful, () -> step.id() + " " + step.title() + ": " + st + "\n" + journal.transitions(runId));
            }
            sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n,
                    () -> "applied twice: " + effect + "\n" + journal.transitions(runId)));
            assertEquals(1, sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"), "one offboarding job queued");
            for (PlanStep step : done.plan().steps()) {
                if (step.action() != StepAction.DEACTIVATE && step.action() != StepAction.DISABLE_SIGN_IN) continue;
                Tenant tenant = new Tenant(step.connectionId(), step.provider(), step.tenantId(), null, null, null);
                AccountStatus status = providers.provider(step.connectionId()).getUser(tenant, step.account().id()).status();
                assertTrue(status == AccountStatus.DISABLED || status == AccountStatus.DEACTIVATED, step.connectionName() + ": " + status);
            }
            ChainStatus chain = store.verify();
            assertTrue(chain.ok(), () -> "audit chain: " + chain);
        } finally {
            timer.shutdownNow();
        }
    }

    private static long transitions(Path db) {
        if (!Files.exists(db)) return 0;
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 1000");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM offboarding_transitions")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException notYet) {
            return 0; // the child has not created the journal yet
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
