package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming after the console stopped at each point of a step's life, set up deterministically: the journal is left
 * exactly as a crash would leave it, with or without the provider call having landed.
 */
class ResumeTest {
    @TempDir Path dir;
    private SimHarness h;

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static PlanStep step(OffboardingPlan plan, String connectionId, StepAction action) {
        return plan.steps().stream().filter(s -> s.connectionId().equals(connectionId) && s.action() == action).findFirst().orElseThrow();
    }

    /** What the runner writes before a call: RUNNING, with the time the call starts. */
    private void crashedDuringCall(String runId, PlanStep step) {
        Instant at = Instant.now();
        h.journal.transition(runId, StepStatus.PENDING, new StepState(step.id(), StepStatus.RUNNING, "Calling", List.of(), 1, at, ""),
                "before-call", at, null);
    }

    @Test
    void stepsCutOffMidCallAreSettledByReadingAndOnlyCalledWhenTheyDidNotHappen() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "lucid", "cloudflare", "slack", "cipp");
        OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), new OffboardingOptions(Map.of(
                "lucid", ProviderOptions.none().withDeactivate(true),
                "cloudflare", ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()),
                "slack", ProviderOptions.none().withDeactivate(true),
                "cipp", ProviderOptions.none().withDisableSignIn(true).withBundleOption(BundleOptions.HIDE_FROM_GAL, true)),
                List.of(), "HR-21"));
        String runId = "run-crashed";
        h.journal.createRun(runId, plan, RunState.RUNNING, SimHarness.OPERATOR, "ui", Instant.now(), null);
        PlanStep disable = step(plan, "cipp", StepAction.DISABLE_SIGN_IN);
        PlanStep job = step(plan, "cipp", StepAction.OFFBOARD_BUNDLE);
        PlanStep lucid = step(plan, "lucid", StepAction.DEACTIVATE);
        PlanStep cloudflare = step(plan, "cloudflare", StepAction.REVOKE_SESSIONS);
        PlanStep slack = step(plan, "slack", StepAction.DEACTIVATE);

        // CIPP block: called and answered, the answer journalled. Lucid: the call landed, the answer was lost.
        // Cloudflare: killed before the request left. Slack: an unknown outcome that had in fact happened.
        // CIPP job: queued on CIPP, the answer lost.
        h.providers.provider("cipp").disableSignIn(disable.account());
        h.journal.transition(runId, StepStatus.PENDING, new StepState(disable.id(), StepStatus.SUCCEEDED, "ok", List.of(), 1,
                Instant.now(), ""), "after-call", Instant.now(), null);
        crashedDuringCall(runId, lucid);
        h.providers.provider("lucid").deactivate(lucid.account());
        crashedDuringCall(runId, cloudflare);
        crashedDuringCall(runId, slack);
        h.providers.provider("slack").deactivate(slack.account());
        h.journal.transition(runId, StepStatus.RUNNING, new StepState(slack.id(), StepStatus.UNKNOWN_OUTCOME, "connection dropped",
                List.of(), 1, Instant.now(), ""), "after-call", null, null);
        crashedDuringCall(runId, job);
        // Queued as a Signoff before job markers sent it (the bare ticket): the run was cut off mid-call across an
        // upgrade. The job is still planned on CIPP, the one unfinished task of that name, so it is found, not re-queued.
        BundleJob queued = h.providers.provider("cipp").queueOffboarding(job.account(),
                new BundleRequest(job.bundleOptions(), "HR-21", null, null));
        Map<String, Long> before = h.sim.calls().effectCounts();

        OffboardingRunner runner = h.runner();
        runner.resume(runId, null);
        RunSnapshot run = runner.awaitSettled(runId, Duration.ofSeconds(30));

        assertEquals(RunState.FINISHED, run.state(), run.steps()::toString);
        for (PlanStep s : List.of(lucid, slack)) {
            StepState st = run.step(s.id()).orElseThrow();
            assertEquals(StepStatus.VERIFIED, st.status(), st::toString);
            assertTrue(st.detail().startsWith("Settled by reading, not called again"), st.detail());
        }
        StepState cf = run.step(cloudflare.id()).orElseThrow();
        assertEquals(StepStatus.VERIFIED, cf.status(), cf::toString);
        assertEquals(2, cf.attempts(), "the read showed it had not happened, so it was called");
        assertEquals(StepStatus.SUCCEEDED, run.step(job.id()).orElseThrow().status(), "the job was found and polled, not queued again");
        assertEquals(queued.jobName(), run.step(job.id()).orElseThrow().reference());
        BundleJob followed = h.journal.loadRun(runId).orElseThrow().steps().stream()
                .filter(s -> s.state().stepId().equals(job.id())).findFirst().orElseThrow().job();
        assertEquals(null, followed.reference(), "found without a marker, so followed by its name: " + followed);
        assertEquals(1, h.sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"));
        assertEquals(1, h.sim.calls().entries(ProviderKind.SCIM).stream().filter(e -> e.method().equals("PATCH")).count());
        assertEquals(1, h.sim.calls().count(ProviderKind.SLACK, "/admin.users.deactivate"));
        assertEquals(1, h.sim.calls().count(ProviderKind.CLOUDFLARE, "/revoke_user"));
        h.sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n, effect));
        assertTrue(h.sim.calls().effectCounts().size() > before.size(), "the Cloudflare revoke and the job's steps happened");
        assertEquals(AccountStatus.DEACTIVATED, h.providers.provider("lucid").getUser(
                new Tenant("lucid", ProviderKind.SCIM, lucid.tenantId(), null, null, null), lucid.account().id()).status());
        assertTrue(h.audit.events.stream().anyMatch(e -> "offboarding.run_resumed".equals(e.action()) && runId.equals(e.runId())));
        h.assertAuditChainIntact();
    }
}
