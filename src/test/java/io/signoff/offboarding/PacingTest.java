package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.simulator.CallLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacingTest {
    @TempDir Path dir;

    @Test
    void aBulkRunStaysUnderTheProvidersRateAndEstimatesItsEnd() throws Exception {
        try (SimHarness h = SimHarness.start(dir)) {
            List<OffboardingTarget> people = h.sim.seed().peopleIn(ProviderKind.SLACK).stream()
                    .filter(p -> !p.primaryOwner() && !p.bot() && !p.disabled()).limit(4)
                    .map(p -> h.find(p.email(), "slack")).toList();
            OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(people, new OffboardingOptions(Map.of("slack",
                    ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all())), List.of(), ""));
            Pacing pacing = Pacing.none().with(ProviderKind.SLACK, Pacing.Rate.perMinute(120));
            OffboardingRunner runner = h.runner(SimHarness.fastSettings().withPacing(pacing), Clock.systemUTC());

            RunSnapshot started = runner.start(plan, null);
            RunSnapshot done = runner.awaitSettled(started.runId(), Duration.ofSeconds(20));

            assertEquals(RunState.FINISHED, done.state(), done.steps()::toString);
            assertTrue(started.progress().eta().compareTo(Duration.ofMillis(1400)) >= 0,
                    "four calls at one per 500 ms take 1.5 s or more: " + started.progress().eta());
            List<CallLog.Entry> resets = h.sim.calls().entries(ProviderKind.SLACK).stream()
                    .filter(e -> e.path().endsWith("admin.users.session.reset")).toList();
            assertEquals(4, resets.size());
            for (int i = 1; i < resets.size(); i++) {
                Duration gap = Duration.between(resets.get(i - 1).at(), resets.get(i).at());
                assertTrue(gap.compareTo(Duration.ofMillis(400)) >= 0, "calls spaced under the budget: " + gap);
            }
        }
    }
}
