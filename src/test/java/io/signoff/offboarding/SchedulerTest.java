package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.simulator.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {
    @TempDir Path dir;
    private SimHarness h;

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private OffboardingPlan slackPlan(Clock clock) {
        OffboardingTarget jane = h.find(SimHarness.JANE, "slack");
        return new PlanBuilder(clock).build(List.of(jane), new OffboardingOptions(Map.of("slack",
                ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()).withDeactivate(true)), List.of(), ""));
    }

    private long slackWrites() {
        return h.sim.calls().entries(ProviderKind.SLACK).stream()
                .filter(e -> e.path().endsWith("session.reset") || e.path().endsWith("deactivate")).count();
    }

    @Test
    void aRunMissedWhileTheConsoleWasClosedIsOfferedNotRunLate() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
        OffboardingRunner runner = h.runner(SimHarness.fastSettings(), clock);
        OffboardingScheduler scheduler = new OffboardingScheduler(h.journal, runner, SimHarness.fastSettings(), clock, h.timer);
        assertEquals(List.of(), scheduler.start());
        Instant due = Instant.parse("2026-11-21T17:30:00Z");
        assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(slackPlan(clock), clock.instant().minusSeconds(1), null));

        RunSnapshot scheduled = scheduler.schedule(slackPlan(clock), due, null);

        assertEquals(RunState.SCHEDULED, scheduled.state());
        assertEquals(List.of(scheduled.runId()), scheduler.upcoming().stream().map(RunSummary::runId).toList());
        assertEquals(due, scheduler.upcoming().get(0).scheduledAt());
        scheduler.close();
        runner.close();

        // The console was closed over the due time; it opens again the next morning.
        clock.advance(Duration.ofHours(24));
        OffboardingRunner nextRunner = h.runner(SimHarness.fastSettings(), clock);
        OffboardingScheduler next = new OffboardingScheduler(h.journal, nextRunner, SimHarness.fastSettings(), clock, h.timer);
        List<RunSummary> missed = next.start();

        assertEquals(List.of(scheduled.runId()), missed.stream().map(RunSummary::runId).toList());
        assertEquals(RunState.MISSED, missed.get(0).state());
        assertEquals(List.of(), next.upcoming());
        assertEquals(0, slackWrites(), "nothing was run late");
        assertTrue(h.journal.load(scheduled.runId()).orElseThrow().steps().stream().allMatch(s -> s.status() == StepStatus.PENDING));
        assertTrue(h.audit.events.stream().anyMatch(e -> "offboarding.run_missed".equals(e.action())
                && scheduled.runId().equals(e.runId())));
        assertEquals(missed, next.start(), "still offered until the operator decides");

        // The operator decides to run it now.
        RunSnapshot run = next.runNow(scheduled.runId(), null);
        RunSnapshot done = nextRunner.awaitSettled(run.runId(), Duration.ofSeconds(20));
        assertEquals(RunState.FINISHED, done.state(), done.steps()::toString);
        assertEquals(2, slackWrites());
        assertEquals(List.of(), next.missed());
        next.close();
    }

    @Test
    void aScheduledRunStartsByItselfWhenDueWhileTheConsoleIsOpen() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        OffboardingRunner runner = h.runner(SimHarness.fastSettings(), clock);
        OffboardingScheduler scheduler = new OffboardingScheduler(h.journal, runner, SimHarness.fastSettings(), clock, h.timer);
        scheduler.start();
        CountDownLatch finished = new CountDownLatch(1);

        RunSnapshot scheduled = scheduler.schedule(slackPlan(clock), clock.instant().plusMillis(300), (s, changed) -> {
            if (s.state() == RunState.FINISHED) finished.countDown();
        });
        assertEquals(0, slackWrites());

        assertTrue(finished.await(20, TimeUnit.SECONDS), "ran at its time");
        assertEquals(2, slackWrites());
        assertEquals(RunState.FINISHED, runner.snapshot(scheduled.runId()).orElseThrow().state());
        scheduler.close();
    }

    @Test
    void aScheduledCippJobRateLimitedWhileBeingQueuedIsStillQueuedForItsTimeNotForNow() throws Exception {
        Clock clock = Clock.systemUTC();
        OffboardingRunner runner = h.runner(SimHarness.fastSettings(), clock);
        OffboardingScheduler scheduler = new OffboardingScheduler(h.journal, runner, SimHarness.fastSettings(), clock, h.timer);
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        OffboardingPlan plan = new PlanBuilder(clock).build(List.of(jane), new OffboardingOptions(Map.of(
                "cipp", ProviderOptions.none().withBundleOption(BundleOptions.HIDE_FROM_GAL, true)), List.of(), "HR-12"));
        Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Every attempt the transport makes is refused with a 429: the engine itself must call again, after the wait.
        int attempts = 1 + io.signoff.model.RequestOptions.defaults().maxRetries();
        h.sim.faults(ProviderKind.CIPP).retryAfter(Duration.ofSeconds(1)).forceNext(Fault.RATE_LIMIT, attempts);

        RunSnapshot scheduled = scheduler.schedule(plan, due, null);

        PlanStep job = plan.steps().get(0);
        StepState queued = scheduled.step(job.id()).orElseThrow();
        assertEquals(StepStatus.QUEUED, queued.status(), queued::toString);
        assertTrue(queued.detail().startsWith("Scheduled on Demo MSP (CIPP) for " + due), queued.detail());
        Thread.sleep(1000); // an immediate job would be running or done by now (the simulator's jobs take 0.4 s)
        io.signoff.provider.BundleStatus onCipp = h.providers.provider("cipp").offboardingStatus(
                h.journal.loadRun(scheduled.runId()).orElseThrow().steps().get(0).job());
        assertEquals(io.signoff.provider.BundleStatus.State.PLANNED, onCipp.state(), "queued for its time, not for now");
        assertEquals(1, h.sim.calls().entries(ProviderKind.CIPP).stream()
                .filter(e -> e.path().endsWith("/ExecOffboardUser") && e.fault() == null).count());
        scheduler.close();
    }

    @Test
    void aCippJobIsScheduledOnTheCippServerAndTheRestWaitsInTheJournal() throws Exception {
        Clock clock = Clock.systemUTC();
        OffboardingRunner runner = h.runner(SimHarness.fastSettings(), clock);
        OffboardingScheduler scheduler = new OffboardingScheduler(h.journal, runner, SimHarness.fastSettings(), clock, h.timer);
        scheduler.start();
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp", "slack");
        OffboardingPlan plan = new PlanBuilder(clock).build(List.of(jane), new OffboardingOptions(Map.of(
                "cipp", ProviderOptions.none().withBundleOption(BundleOptions.CONVERT_TO_SHARED, true)
                        .withBundleOption(BundleOptions.HIDE_FROM_GAL, true),
                "slack", ProviderOptions.none().withDeactivate(true)), List.of(), "HR-11"));
        Instant due = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        RunSnapshot scheduled = scheduler.schedule(plan, due, null);

        PlanStep job = plan.steps().stream().filter(s -> s.action() == StepAction.OFFBOARD_BUNDLE).findFirst().orElseThrow();
        StepState queued = scheduled.step(job.id()).orElseThrow();
        assertEquals(StepStatus.QUEUED, queued.status(), queued::toString);
        assertTrue(queued.detail().startsWith("Scheduled on Demo MSP (CIPP) for " + due), queued.detail());
        assertEquals(1, h.sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"));
        assertEquals(0, slackWrites(), "Slack waits for the console");
        assertTrue(h.audit.events.stream().anyMatch(e -> job.id().equals(e.stepId()) && e.outcome() == Outcome.SUCCEEDED));

        scheduler.cancel(scheduled.runId(), "Leaver stays another month");
        RunSnapshot cancelled = h.journal.load(scheduled.runId()).orElseThrow();
        assertEquals(RunState.CANCELLED, cancelled.state());
        assertEquals(List.of(), scheduler.upcoming());
        assertTrue(h.audit.events.stream().anyMatch(e -> "offboarding.run_cancelled".equals(e.action())
                && e.message().contains("stay scheduled there")));
        scheduler.close();
    }
}
