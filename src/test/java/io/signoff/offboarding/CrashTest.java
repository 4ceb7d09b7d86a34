package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.ChainStatus;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.AccountStatus;
import io.signoff.model.AuditEvent;
import io.signoff.model.Connection;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.model.Tenant;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kill -9 mid-run: the run starts in a separate JVM ({@link CrashRunMain}) against a simulator in this JVM; the child
 * is killed after the k-th journalled transition; this JVM resumes the run from the journal and checks that every step
 * ends in its true state and that no effect was applied twice.
 */
class CrashTest {
    @TempDir Path dir;

    /** The plan every crash run uses: all four providers, one manual step. */
    static OffboardingOptions options(OffboardingTarget jane) {
        return new OffboardingOptions(Map.of(
                "cipp", ProviderOptions.none().withDisableSignIn(true).withRevokeSessions(true, RevokeOptions.all())
                        .withBundleOption(BundleOptions.HIDE_FROM_GAL, true).withBundleOption(BundleOptions.REMOVE_RULES, true),
                "slack", ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()).withDeactivate(true),
                "cloudflare", ProviderOptions.none().withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.ALL, true, false)),
                "lucid", ProviderOptions.none().withDeactivate(true).withManualLogout(true)), List.of(), "CRASH-1");
    }

    static RunnerSettings settings() {
        return SimHarness.fastSettings();
    }

    @ParameterizedTest(name = "killed after {0} journalled transitions")
    @ValueSource(ints = {2, 8, 16})
    void aRunKilledMidwayResumesWithoutRepeatingAnything(int killAfter) throws Exception {
        crashAndResume(killAfter);
    }

    @Tag("benchmark")
    @ParameterizedTest(name = "killed after {0} journalled transitions")
    @ValueSource(ints = {1, 3, 4, 5, 6, 9, 11, 13, 18, 20, 22})
    void moreKillPoints(int killAfter) throws Exception {
        crashAndResume(killAfter);
    }

    private void crashAndResume(int killAfter) throws Exception {
        try (SimulatorServer sim = Simulators.startDemo(0, SimHarness.SEED)) {
            ((CippSimulator) sim.api(ProviderKind.CIPP)).jobTiming(Duration.ofMillis(300), Duration.ofMillis(300));
            for (ProviderKind kind : ProviderKind.values()) sim.faults(kind).latency(Duration.ofMillis(30));
            Path db = dir.resolve("audit.db");
            Path log = dir.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath(), CrashRunMain.class.getName(), sim.rootUrl().toString(),
                    sim.seed().cloudflare().accountId(), db.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long seen = waitForTransitions(db, killAfter, child);
            boolean killedMidRun = child.isAlive();
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            assertTrue(killedMidRun && seen >= killAfter, () -> "killed mid-run after " + seen + " transitions; child log: " + read(log));

            List<Connection> connections = SimHarness.connections(sim.rootUrl(), sim.credentials(),
                    sim.seed().cloudflare().accountId(), CrashRunMain.options());
            ProviderLookup providers = SimHarness.lookup(connections, sim.credentials());
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            try (SqliteAuditStore store = SqliteAuditStore.open(db);
                 OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
                AuditWriter audit = AuditWriter.of(store);
                List<RunSummary> runs = journal.runs();
                assertEquals(1, runs.size(), () -> "one run journalled; child log: " + read(log));
                String runId = runs.get(0).runId();
                OffboardingRunner runner = new OffboardingRunner(journal, providers, audit, SimHarness.OPERATOR, "ui",
                        settings(), Clock.systemUTC(), timer);
                RunSnapshot done = ResumeToEnd.resume(runner, runId, "Logged out in Lucid Admin by the tester", Duration.ofSeconds(40));
                runner.close();

                assertEquals(RunState.FINISHED, done.state(), () -> done.steps() + "\n" + journal.transitions(runId));
                for (PlanStep step : done.plan().steps()) {
                    StepState st = done.step(step.id()).orElseThrow();
                    StepStatus expected = step.manual() ? StepStatus.ATTESTED
                            : step.action() == StepAction.OFFBOARD_BUNDLE ? StepStatus.SUCCEEDED : null;
                    if (expected != null) {
                        assertEquals(expected, st.status(), st::toString);
                    } else {
                        assertTrue(st.status() == StepStatus.VERIFIED || st.status() == StepStatus.SUCCEEDED, st::toString);
                    }
                }
                sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n,
                        () -> "applied twice: " + effect + "\n" + journal.transitions(runId)));
                assertEquals(1, sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"));
                assertTrueStateOfJane(providers, done.plan());
                // The chain survived the kill; every automatic step has its audit rows under the run and step ids.
                ChainStatus chain = store.verify();
                assertTrue(chain.ok(), () -> "audit chain: " + chain);
                List<AuditEvent> rows = store.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 10_000).rows().stream()
                        .map(AuditRecord::event).filter(e -> runId.equals(e.runId())).toList();
                for (PlanStep step : done.plan().steps()) {
                    List<Outcome> outcomes = rows.stream().filter(e -> step.id().equals(e.stepId())).map(AuditEvent::outcome).toList();
                    Outcome last = step.manual() ? Outcome.ATTESTED : step.action() == StepAction.OFFBOARD_BUNDLE
                            ? Outcome.SUCCEEDED : null;
                    if (last != null) assertTrue(outcomes.contains(last), () -> step.id() + " audited: " + outcomes);
                    else assertTrue(outcomes.contains(Outcome.VERIFIED) || outcomes.contains(Outcome.SUCCEEDED), () -> step.id() + ": " + outcomes);
                }
            } finally {
                timer.shutdownNow();
            }
        }
    }

    private static void assertTrueStateOfJane(ProviderLookup providers, OffboardingPlan plan) throws Exception {
        for (PlanStep step : plan.steps()) {
            if (step.action() != StepAction.DEACTIVATE && step.action() != StepAction.DISABLE_SIGN_IN) continue;
            Tenant tenant = new Tenant(step.connectionId(), step.provider(), step.tenantId(), null, null, null);
            AccountStatus status = providers.provider(step.connectionId()).getUser(tenant, step.account().id()).status();
            assertTrue(status == AccountStatus.DISABLED || status == AccountStatus.DEACTIVATED, step.connectionName() + ": " + status);
        }
        PlanStep cf = plan.steps().stream().filter(s -> s.provider() == ProviderKind.CLOUDFLARE).findFirst().orElseThrow();
        assertEquals(List.of(), providers.provider("cloudflare").listSessions(cf.account()).sessions());
    }

    /** Polls the child's journal until it holds {@code count} transitions (or the child ended). */
    private static long waitForTransitions(Path db, int count, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long seen = 0;
        while (System.nanoTime() < deadline && child.isAlive()) {
            seen = transitions(db);
            if (seen >= count) return seen;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return seen;
    }

    private static long transitions(Path db) {
        if (!Files.exists(db)) return 0;
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 1000");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM offboarding_transitions")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0; // not created yet
        }
    }

    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static String pathSeparator() { return File.pathSeparator; }
}
