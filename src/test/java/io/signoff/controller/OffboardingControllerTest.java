package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunReport;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.RunSummary;
import io.signoff.offboarding.SimHarness;
import io.signoff.offboarding.TemplateStore;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's and the CLI's path through the controller, on the simulator. */
class OffboardingControllerTest {
    @TempDir Path dir;
    private SimHarness h;
    private ExecutorService executor;

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        h.close();
    }

    private OffboardingController controller(String channel) {
        return new OffboardingController(new OffboardingServices(() -> h.connections, h.providers, h.journal, h.audit,
                new TemplateStore(dir.resolve("config")), SimHarness.OPERATOR, SimHarness.fastSettings(), Clock.systemUTC(), h.timer),
                executor, channel);
    }

    @Test
    void findPreviewRunAttestReportAndExport() throws Exception {
        OffboardingController c = controller("cli");
        EmailImport people = c.importCsv(new StringReader("email\njane.doe@contoso.com\nnobody\n"));
        assertEquals(List.of(SimHarness.JANE), people.emails());
        assertEquals(1, people.rejected().size());

        List<OffboardingTarget> targets = c.findTargets(people.emails(), Set.of(), null).get(20, TimeUnit.SECONDS);
        OffboardingOptions options = c.suggestedOptions(targets).withReference("HR-3");
        OffboardingPlan plan = c.preview(targets, options);
        assertTrue(plan.runnable());
        CountDownLatch awaiting = new CountDownLatch(1);
        RunSnapshot started = c.run(plan, (snapshot, changed) -> {
            if (snapshot.state() == RunState.NEEDS_ATTENTION) awaiting.countDown();
        }).get(10, TimeUnit.SECONDS);
        assertTrue(awaiting.await(30, TimeUnit.SECONDS), "the manual Lucid step waits for the operator");

        PlanStep manual = plan.steps().stream().filter(PlanStep::manual).findFirst().orElseThrow();
        assertEquals(StepStatus.ATTESTED, c.attest(started.runId(), manual.id(), "Logged out in Lucid Admin").get(10, TimeUnit.SECONDS).status());
        ExecutionAssert.fails(IllegalStateException.class, () -> c.attest(started.runId(), manual.id(), "again").join());
        ExecutionAssert.fails(IllegalArgumentException.class, () -> c.skip(started.runId(), manual.id(), " ").join());
        RunSnapshot done = awaitState(c, started.runId(), RunState.FINISHED);

        RunReport report = c.report(done.runId()).get(10, TimeUnit.SECONDS);
        assertEquals("Done", report.people().get(0).outcome());
        Path csv = c.exportReport(done.runId(), dir.resolve("out/report.csv")).get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(plan.steps().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("run_id,person,"));
        assertTrue(h.audit.events.stream().filter(e -> started.runId().equals(e.runId())).allMatch(e -> "cli".equals(e.channel())));
        assertEquals(List.of(done.runId()), c.runs().get(5, TimeUnit.SECONDS).stream().map(RunSummary::runId).toList());
        c.close();
    }

    @Test
    void anUnfinishedRunIsOfferedAfterARestartAndCanBeSkippedToTheEnd() throws Exception {
        OffboardingController first = controller("ui");
        OffboardingTarget jane = first.findTarget(SimHarness.JANE, Set.of("lucid")).get(20, TimeUnit.SECONDS);
        OffboardingPlan plan = first.preview(List.of(jane), first.suggestedOptions(List.of(jane)));
        RunSnapshot run = first.run(plan, null).get(10, TimeUnit.SECONDS);
        awaitState(first, run.runId(), RunState.NEEDS_ATTENTION);
        assertEquals(List.of(), first.resumableRuns().get(5, TimeUnit.SECONDS), "active here: not offered");
        // A second console on the same journal while the first still has the run open.
        OffboardingController other = controller("ui");
        assertEquals(List.of(), other.resumableRuns().get(5, TimeUnit.SECONDS), "open in the first console: not offered");
        assertEquals(RunState.NEEDS_ATTENTION, other.runs().get(5, TimeUnit.SECONDS).get(0).state(), "not shown as interrupted");
        IllegalStateException refused = ExecutionAssert.fails(IllegalStateException.class,
                () -> other.resume(run.runId(), null).join());
        assertTrue(refused.getMessage().contains("open in another Signoff"), refused.getMessage());
        other.close();
        first.close();

        OffboardingController second = controller("ui");
        List<RunSummary> offered = second.resumableRuns().get(5, TimeUnit.SECONDS);
        assertEquals(List.of(run.runId()), offered.stream().map(RunSummary::runId).toList());
        RunSnapshot resumed = second.resume(run.runId(), null).get(10, TimeUnit.SECONDS);
        PlanStep manual = plan.steps().stream().filter(PlanStep::manual).findFirst().orElseThrow();
        assertEquals(StepStatus.AWAITING_ATTESTATION, resumed.step(manual.id()).orElseThrow().status());
        assertEquals(StepStatus.SKIPPED, second.skip(run.runId(), manual.id(), "Lucid Shield not licensed").get(5, TimeUnit.SECONDS).status());
        assertEquals(RunState.FINISHED, awaitState(second, run.runId(), RunState.FINISHED).state());
        assertEquals("Done, some steps skipped", second.report(run.runId()).get(5, TimeUnit.SECONDS).people().get(0).outcome());
        second.close();
    }

    @Test
    void peopleAreFoundThroughTheConsolesPersonLookupAliasesIncluded() throws Exception {
        ProviderPool pool = new ProviderPool(() -> h.connections, SimHarness.registry(), SimHarness.secrets(h.sim.credentials()));
        LookupController lookup = new LookupController(new TenantsController(pool, executor), executor);
        io.signoff.offboarding.ProviderLookup fromPool = id -> {
            try {
                return pool.provider(pool.connection(id).orElseThrow());
            } catch (ProviderPool.NotConnectedException e) {
                throw io.signoff.provider.ProviderException.unsupported(e.getMessage());
            }
        };
        OffboardingController c = new OffboardingController(new OffboardingServices(() -> h.connections, fromPool, h.journal,
                h.audit, new TemplateStore(dir.resolve("config")), SimHarness.OPERATOR, SimHarness.fastSettings(), Clock.systemUTC(),
                h.timer), lookup, executor, "ui");
        List<OffboardingTarget> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<OffboardingTarget> targets = c.findTargets(List.of(SimHarness.JANE, "jdoe@contoso.com", "nobody@contoso.com"),
                Set.of(), seen::add).get(30, TimeUnit.SECONDS);

        assertEquals(3, targets.size());
        assertEquals(targets, seen);
        OffboardingTarget jane = targets.get(0);
        assertEquals("Jane Doe", jane.displayName());
        assertEquals(4, jane.found().size(), () -> jane.accounts().toString());
        assertTrue(jane.found().stream().anyMatch(a -> a.manualSessionInstruction() != null), "Lucid's manual log-out comes along");
        assertEquals(4, targets.get(1).found().size(), "the alias finds the same accounts");
        assertEquals(0, targets.get(2).found().size());
        assertEquals(4, targets.get(2).missing().size());
        OffboardingTarget janeOnSlack = c.findTarget(SimHarness.JANE, Set.of("slack")).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("slack"), janeOnSlack.accounts().stream().map(a -> a.connection().id()).distinct().toList());
        assertTrue(c.preview(List.of(jane), c.suggestedOptions(List.of(jane))).runnable());
        c.close();
    }

    @Test
    void templatesAreSavedListedLoadedAndDeleted() throws Exception {
        OffboardingController c = controller("ui");
        OffboardingTarget jane = c.findTarget(SimHarness.JANE, Set.of()).get(20, TimeUnit.SECONDS);
        OffboardingOptions options = c.suggestedOptions(List.of(jane)).withReference("standard");
        c.saveTemplate("Leaver", null, options).get(5, TimeUnit.SECONDS);
        c.saveTemplate("Contoso leaver", "contoso.onmicrosoft.com", options).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("Contoso leaver", "Leaver"), c.templates(null).get(5, TimeUnit.SECONDS).stream().map(OptionsTemplate::name).toList());
        assertEquals(List.of("Leaver"), c.templates("fabrikam.onmicrosoft.com").get(5, TimeUnit.SECONDS).stream().map(OptionsTemplate::name).toList());
        assertEquals(options, c.loadTemplate("leaver").get(5, TimeUnit.SECONDS).orElseThrow().options());
        assertTrue(c.deleteTemplate("Leaver").get(5, TimeUnit.SECONDS));
        assertFalse(c.loadTemplate("Leaver").get(5, TimeUnit.SECONDS).isPresent());
        assertFalse(c.bundleOptions().isEmpty());
        c.close();
    }

    @Test
    void aPlanThatCannotRunIsRefusedWithTheReason() {
        OffboardingController c = controller("ui");
        OffboardingPlan empty = c.preview(List.of(), OffboardingOptions.empty());
        CompletionException e = assertThrows(CompletionException.class, () -> c.run(empty, null).join());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("No person chosen"), e.getCause().getMessage());
        c.close();
    }

    private static RunSnapshot awaitState(OffboardingController c, String runId, RunState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CountDownLatch reached = new CountDownLatch(1);
        c.addListener(runId, (snapshot, changed) -> {
            if (snapshot.state() == state) reached.countDown();
        });
        while (System.nanoTime() < deadline) {
            RunSnapshot now = c.snapshot(runId).orElseThrow();
            if (now.state() == state) return now;
            reached.await(100, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("run " + runId + " never reached " + state + ": " + c.snapshot(runId));
    }

    /** Asserts that a future's join fails with a cause of the given type. */
    static final class ExecutionAssert {
        static <T extends Throwable> T fails(Class<T> type, Runnable join) {
            CompletionException e = assertThrows(CompletionException.class, join::run);
            return assertInstanceOf(type, e.getCause());
        }
    }
}
