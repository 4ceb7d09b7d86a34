package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ProviderKind;
import io.signoff.model.StepStatus;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.Fault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read refused with a 429 whose Retry-After is too long to wait out inside the call (settling an unknown outcome,
 * polling a job) is made again once that wait has passed (capped at the longest wait honoured), not at the usual
 * pause, which would only be refused again.
 */
class RateLimitedReadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The longest Retry-After these runners honour; CIPP asks for two minutes, so this is what is waited. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(1500);
    /** The usual pause between reads and between polls, far shorter than {@link #LONGEST_WAIT}. */
    private static final Duration USUAL_PAUSE = Duration.ofMillis(100);

    @TempDir Path dir;
    private SimHarness h;

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
        h.sim.faults(ProviderKind.CIPP).retryAfter(Duration.ofMinutes(2)); // over the in-call cap: RATE_LIMITED at once
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void aSettlingReadRefusedWithA429IsMadeAgainAfterItsRetryAfterAndTheStepSettles() throws Exception {
        OffboardingPlan plan = plan("HR-12");
        PlanStep job = plan.steps().get(0);
        // The queue call is applied but its answer lost (UNKNOWN_OUTCOME); the first settling read is then refused.
        h.sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        RunSnapshot run = runUntilSettled(plan, job, StepStatus.UNKNOWN_OUTCOME);

        assertReadAgainOnlyAfterTheWait();
        StepState st = run.step(job.id()).orElseThrow();
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
        assertEquals(1, h.sim.calls().entries(ProviderKind.CIPP).stream()
                .filter(e -> e.method().equals("POST") && e.path().contains("ExecOffboardUser")).count(), "queued once");
    }

    @Test
    void aJobPollRefusedWithA429PollsAgainAfterItsRetryAfterNotAtThePollInterval() throws Exception {
        OffboardingPlan plan = plan("HR-13");
        PlanStep job = plan.steps().get(0);
        RunSnapshot run = runUntilSettled(plan, job, StepStatus.QUEUED);

        assertReadAgainOnlyAfterTheWait();
        StepState st = run.step(job.id()).orElseThrow();
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
    }

    /** Jane's CIPP offboarding job, alone: one step. */
    private OffboardingPlan plan(String ticket) {
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        return new PlanBuilder(Clock.systemUTC()).build(List.of(jane), new OffboardingOptions(Map.of("cipp",
                ProviderOptions.none().withBundleOption(BundleOptions.HIDE_FROM_GAL, true)), List.of(), ticket));
    }

    /** Runs the plan; the first time the job step reaches {@code refuseNextReadAt}, CIPP refuses the next request. */
    private RunSnapshot runUntilSettled(OffboardingPlan plan, PlanStep job, StepStatus refuseNextReadAt) throws Exception {
        RunnerSettings settings = new RunnerSettings(4, Pacing.none(), USUAL_PAUSE, WAIT, 3, USUAL_PAUSE,
                Duration.ofSeconds(30), LONGEST_WAIT, Duration.ofMinutes(5));
        OffboardingRunner runner = h.runner(settings, Clock.systemUTC());
        AtomicBoolean refused = new AtomicBoolean();
        return runner.awaitSettled(runner.start(plan, (snapshot, changed) -> {
            if (changed != null && changed.stepId().equals(job.id()) && changed.status() == refuseNextReadAt
                    && refused.compareAndSet(false, true)) {
                h.sim.faults(ProviderKind.CIPP).forceNext(Fault.RATE_LIMIT, 1);
            }
        }).runId(), WAIT);
    }

    private void assertReadAgainOnlyAfterTheWait() {
        List<CallLog.Entry> cipp = h.sim.calls().entries(ProviderKind.CIPP);
        int refused = -1;
        for (int i = 0; i < cipp.size(); i++) {
            if (cipp.get(i).status() == 429) refused = i;
        }
        assertTrue(refused >= 0 && refused + 1 < cipp.size(), () -> "a 429 and a read after it: " + cipp);
        assertEquals(1, cipp.stream().filter(e -> e.status() == 429).count(), () -> "refused once: " + cipp);
        Duration gap = Duration.between(cipp.get(refused).at(), cipp.get(refused + 1).at());
        // A little under the wait: the timer and the simulator's clock may each be a few milliseconds apart.
        assertTrue(gap.compareTo(LONGEST_WAIT.minusMillis(100)) >= 0,
                () -> "read again " + gap.toMillis() + " ms after the 429; the wait is " + LONGEST_WAIT.toMillis() + " ms");
    }
}
