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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read refused with a 429 whose Retry-After is too long to wait out inside the call: settling an unknown outcome or
 * polling a job reads again once that wait has passed (capped at the longest wait honoured), not at the usual pause,
 * which would only be refused again, and the step says so meanwhile; a verifying read is not worth the wait, and the
 * step settles for SUCCEEDED (not verified) at once.
 */
class RateLimitedReadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The longest Retry-After these runners honour; CIPP asks for two minutes, so this is what is waited. */
    private static final Duration LONGEST_WAIT = Duration.ofMillis(1500);
    /** The usual pause between reads and between polls, far shorter than {@link #LONGEST_WAIT}. */
    private static final Duration USUAL_PAUSE = Duration.ofMillis(100);

    @TempDir Path dir;
    private SimHarness h;
    private final List<String> details = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
        for (ProviderKind kind : ProviderKind.values()) {
            h.sim.faults(kind).retryAfter(Duration.ofMinutes(2)); // over the in-call cap: RATE_LIMITED at once
        }
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void aSettlingReadRefusedWithA429IsMadeAgainAfterItsRetryAfterAndTheStepSettles() throws Exception {
        OffboardingPlan plan = h.janesCippJob("HR-12");
        PlanStep job = plan.steps().get(0);
        // The queue call is applied but its answer lost (UNKNOWN_OUTCOME); the first settling read is then refused.
        h.sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        RunSnapshot run = runUntilSettled(plan, job, StepStatus.UNKNOWN_OUTCOME);

        assertReadAgainOnlyAfterTheWait();
        assertTrue(details.contains("Outcome unknown; Demo MSP (CIPP) rate limited the read that settles it: reading again in 2 s"),
                details::toString);
        StepState st = run.step(job.id()).orElseThrow();
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
        assertEquals(1, h.sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"), "queued once");
    }

    @Test
    void aJobPollRefusedWithA429PollsAgainAfterItsRetryAfterNotAtThePollInterval() throws Exception {
        OffboardingPlan plan = h.janesCippJob("HR-13");
        PlanStep job = plan.steps().get(0);
        RunSnapshot run = runUntilSettled(plan, job, StepStatus.QUEUED);

        assertReadAgainOnlyAfterTheWait();
        assertTrue(details.stream().anyMatch(d -> d.endsWith(" (rate limited: polling again in 2 s)")), details::toString);
        StepState st = run.step(job.id()).orElseThrow();
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
    }

    @Test
    void aVerifyingReadRefusedWithA429SettlesForSucceededAtOnceInsteadOfHoldingTheRun() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "lucid");
        OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), new OffboardingOptions(
                Map.of("lucid", ProviderOptions.none().withDeactivate(true)), List.of(), "HR-14"));
        PlanStep deactivate = plan.steps().get(0);
        h.sim.calls().clear();
        RunSnapshot run = runUntilSettled(plan, deactivate, StepStatus.SUCCEEDED, ProviderKind.SCIM);

        StepState st = run.step(deactivate.id()).orElseThrow();
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
        assertTrue(st.detail().contains("not verified") && st.detail().contains("is rate limiting us"), st.detail());
        List<CallLog.Entry> scim = h.sim.calls().entries(ProviderKind.SCIM);
        assertEquals(429, scim.get(scim.size() - 1).status(), () -> "nothing read after the refused read: " + scim);
    }

    private RunSnapshot runUntilSettled(OffboardingPlan plan, PlanStep job, StepStatus refuseNextReadAt) throws Exception {
        return runUntilSettled(plan, job, refuseNextReadAt, ProviderKind.CIPP);
    }

    /**
     * Runs the plan; the first time {@code step} reaches {@code refuseNextReadAt}, {@code provider} refuses the next
     * request. The step's details along the way are kept in {@link #details}.
     */
    private RunSnapshot runUntilSettled(OffboardingPlan plan, PlanStep step, StepStatus refuseNextReadAt, ProviderKind provider)
            throws Exception {
        RunnerSettings settings = new RunnerSettings(4, Pacing.none(), USUAL_PAUSE, WAIT, 3, USUAL_PAUSE,
                Duration.ofSeconds(30), LONGEST_WAIT, Duration.ofMinutes(5));
        OffboardingRunner runner = h.runner(settings, Clock.systemUTC());
        AtomicBoolean refused = new AtomicBoolean();
        return runner.awaitSettled(runner.start(plan, (snapshot, changed) -> {
            if (changed == null || !changed.stepId().equals(step.id())) return;
            details.add(changed.detail());
            if (changed.status() == refuseNextReadAt && refused.compareAndSet(false, true)) {
                h.sim.faults(provider).forceNext(Fault.RATE_LIMIT, 1);
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
