package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Signoffs on one computer share the journal: a console left open and the command line, or two consoles whose
 * schedulers both arm the same run. Only one of them may work a run; the other is told where it is open, and can take
 * it over at once when that one dies.
 */
class RunLockTest {
    @TempDir Path dir;

    @Test
    void aRunHeldOpenByAnotherProcessIsRefusedWithWhereItIsOpenAndTakenOverAtOnceWhenThatProcessIsKilled() throws Exception {
        try (SimulatorServer sim = Simulators.startDemo(0, SimHarness.SEED)) {
            ((CippSimulator) sim.api(ProviderKind.CIPP)).jobTiming(Duration.ofMillis(200), Duration.ofMillis(200));
            Path db = dir.resolve("audit.db");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", CrashTest.classPath(), CrashRunMain.class.getName(), sim.rootUrl().toString(),
                    sim.seed().cloudflare().accountId(), db.toString(), "hold").redirectErrorStream(true).start();
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            try {
                String runId = holdingRun(child);
                List<io.signoff.model.Connection> connections = SimHarness.connections(sim.rootUrl(), sim.credentials(),
                        sim.seed().cloudflare().accountId(), CrashRunMain.options());
                ProviderLookup providers = SimHarness.lookup(connections, sim.credentials());
                try (SqliteAuditStore store = SqliteAuditStore.open(db);
                     OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
                    OffboardingRunner runner = new OffboardingRunner(journal, providers, AuditWriter.of(store), SimHarness.OPERATOR,
                            "ui", SimHarness.fastSettings(), Clock.systemUTC(), timer);
                    long transitions = journal.transitionCount(runId);
                    String waiting = waitingStep(journal, runId);

                    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> runner.resume(runId, null));
                    assertTrue(refused.getMessage().contains("open in another Signoff")
                            && refused.getMessage().contains("process " + child.pid()), refused.getMessage());
                    assertThrows(IllegalStateException.class, () -> runner.attest(runId, waiting, "Done by hand"));
                    assertEquals(transitions, journal.transitionCount(runId), "nothing was done here");

                    child.destroyForcibly();
                    assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                    RunSnapshot done = ResumeToEnd.resume(runner, runId, "Logged out in Lucid Admin by the tester", Duration.ofSeconds(30));
                    runner.close();

                    assertEquals(RunState.FINISHED, done.state(), () -> done.steps().toString());
                    sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n, effect));
                }
            } finally {
                child.destroyForcibly();
                timer.shutdownNow();
            }
        }
    }

    @Test
    void twoConsolesArmingTheSameScheduledRunStartItOnce() throws Exception {
        try (SimHarness h = SimHarness.start(dir);
             OffboardingJournal secondJournal = OffboardingJournal.open(h.journal.file())) {
            OffboardingRunner first = h.runner();
            OffboardingRunner second = secondConsole(h, secondJournal);
            OffboardingScheduler firstScheduler = scheduler(h, h.journal, first);
            OffboardingScheduler secondScheduler = scheduler(h, secondJournal, second);
            OffboardingTarget jane = h.find(SimHarness.JANE, "slack");
            OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), new OffboardingOptions(Map.of("slack",
                    ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()).withDeactivate(true)), List.of(), ""));

            String runId = firstScheduler.schedule(plan, Instant.now().plusMillis(600), null).runId();
            assertEquals(List.of(), secondScheduler.start(), "nothing missed");
            assertEquals(List.of(runId), secondScheduler.upcoming().stream().map(RunSummary::runId).toList(), "both consoles armed it");

            RunSnapshot done = awaitFinished(h.journal, runId);
            Thread.sleep(500); // time for a second start, were there one
            assertEquals(RunState.FINISHED, done.state(), () -> done.steps().toString());
            assertTrue(done.steps().stream().allMatch(s -> s.status() == StepStatus.VERIFIED || s.status() == StepStatus.SUCCEEDED),
                    () -> done.steps().toString());
            long writes = h.sim.calls().entries(ProviderKind.SLACK).stream()
                    .filter(e -> e.path().endsWith("session.reset") || e.path().endsWith("deactivate")).count();
            assertEquals(2, writes, "each Slack write once, by whichever console took the run");
            assertEquals(1, h.audit.events.stream().filter(e -> "offboarding.run_started".equals(e.action())).count());
            firstScheduler.close();
            secondScheduler.close();
            second.close();
        }
    }

    @Test
    void aRefusedCancelOrStartOfARunWorkedOnHereKeepsItsLock() throws Exception {
        try (SimHarness h = SimHarness.start(dir);
             OffboardingJournal secondJournal = OffboardingJournal.open(h.journal.file())) {
            OffboardingRunner first = h.runner();
            OffboardingScheduler firstScheduler = scheduler(h, h.journal, first);
            OffboardingTarget jane = h.find(SimHarness.JANE, "lucid");
            OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), PlanBuilder.suggestedOptions(List.of(jane)));
            String runId = first.start(plan, null).runId();
            assertEquals(RunState.NEEDS_ATTENTION, first.awaitSettled(runId, Duration.ofSeconds(20)).state(), "waits for an attestation");

            // The operator clicks Cancel, then Run now, on a stale list: both refused, and the run stays this console's.
            assertThrows(IllegalStateException.class, () -> firstScheduler.cancel(runId, "stale list"));
            assertThrows(IllegalStateException.class, () -> firstScheduler.runNow(runId, null));
            OffboardingRunner second = secondConsole(h, secondJournal);
            assertTrue(second.openElsewhere(runId));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> second.resume(runId, null));
            assertTrue(refused.getMessage().contains("open in another Signoff"), refused.getMessage());
            assertEquals(RunState.NEEDS_ATTENTION, h.journal.load(runId).orElseThrow().state());
            firstScheduler.close();
            second.close();
        }
    }

    private static String holdingRun(Process child) throws Exception {
        CompletableFuture<String> runId = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith(CrashRunMain.HOLDING)) runId.complete(line.substring(CrashRunMain.HOLDING.length()).strip());
                }
            } catch (java.io.IOException ended) {
                // the child was killed
            }
            synchronized (output) {
                runId.completeExceptionally(new AssertionError("the child ended without holding a run:\n" + output));
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return runId.get(60, TimeUnit.SECONDS);
    }

    private static String waitingStep(OffboardingJournal journal, String runId) {
        return journal.load(runId).orElseThrow().steps().stream()
                .filter(s -> s.status() == StepStatus.AWAITING_ATTESTATION).map(StepState::stepId).findFirst()
                .orElseThrow(() -> new AssertionError("the held run waits for an attestation"));
    }

    private static RunSnapshot awaitFinished(OffboardingJournal journal, String runId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        RunSnapshot run = journal.load(runId).orElseThrow();
        while (run.state() != RunState.FINISHED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = journal.load(runId).orElseThrow();
        }
        return run;
    }

    /** A second console's runner on the same journal file (its own connection to it), beside the harness's. */
    private static OffboardingRunner secondConsole(SimHarness h, OffboardingJournal journal) {
        return new OffboardingRunner(journal, h.providers, h.audit, SimHarness.OPERATOR, "ui", SimHarness.fastSettings(),
                Clock.systemUTC(), h.timer);
    }

    /** A console's scheduler over {@code journal}, on the harness's timer. */
    private static OffboardingScheduler scheduler(SimHarness h, OffboardingJournal journal, OffboardingRunner runner) {
        return new OffboardingScheduler(journal, runner, SimHarness.fastSettings(), Clock.systemUTC(), h.timer);
    }

}
