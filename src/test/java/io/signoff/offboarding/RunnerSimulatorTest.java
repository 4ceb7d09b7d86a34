package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.model.StepStatus;
import io.signoff.simulator.Fault;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against the simulated providers over real HTTP, with a real journal file. */
class RunnerSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir Path dir;
    private SimHarness h;
    private final PlanBuilder builder = new PlanBuilder(Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        h = SimHarness.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static StepState state(RunSnapshot run, PlanStep step) {
        return run.step(step.id()).orElseThrow();
    }

    private static PlanStep step(OffboardingPlan plan, String connectionId, StepAction action) {
        return plan.steps().stream().filter(s -> s.connectionId().equals(connectionId) && s.action() == action).findFirst().orElseThrow();
    }

    @Test
    void janeIsOffboardedEverywhereAndEveryStepEndsVerifiedSucceededOrAttested() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE);
        assertEquals(4, jane.found().size(), () -> "jane in all four: " + jane.accounts());
        assertEquals(Set.of(ProviderKind.values()).size(),
                jane.found().stream().map(a -> a.connection().kind()).collect(Collectors.toSet()).size());
        OffboardingOptions options = PlanBuilder.suggestedOptions(List.of(jane)).withReference("HR-7")
                .withCustomSteps(List.of(new CustomStep("Collect laptop", "From the manager")));
        OffboardingPlan plan = builder.build(List.of(jane), options);
        assertTrue(plan.runnable(), () -> plan.guardrails().toString());
        List<RunSnapshot> updates = new CopyOnWriteArrayList<>();
        OffboardingRunner runner = h.runner();

        RunSnapshot started = runner.start(plan, (snapshot, changed) -> updates.add(snapshot));
        RunSnapshot waiting = runner.awaitSettled(started.runId(), WAIT);

        assertEquals(RunState.NEEDS_ATTENTION, waiting.state(), () -> "manual steps wait: " + waiting.steps());
        List<PlanStep> manual = plan.steps().stream().filter(PlanStep::manual).toList();
        assertEquals(2, manual.size(), "Lucid's log-out and the laptop");
        for (PlanStep m : manual) {
            assertEquals(StepStatus.AWAITING_ATTESTATION, state(waiting, m).status());
            runner.attest(started.runId(), m.id(), "Done by tester at the desk");
        }
        RunSnapshot done = runner.awaitSettled(started.runId(), WAIT);

        assertEquals(RunState.FINISHED, done.state(), () -> done.steps().toString());
        for (PlanStep s : plan.steps()) {
            StepStatus st = state(done, s).status();
            Set<StepStatus> expected = s.manual() ? Set.of(StepStatus.ATTESTED)
                    : s.action() == StepAction.OFFBOARD_BUNDLE ? Set.of(StepStatus.SUCCEEDED) : Set.of(StepStatus.VERIFIED);
            assertTrue(expected.contains(st), () -> s.id() + " " + s.title() + " on " + s.connectionName() + " is " + state(done, s));
        }
        Map<String, Long> effects = h.sim.calls().effectCounts();
        assertFalse(effects.isEmpty());
        effects.forEach((effect, n) -> assertEquals(1L, n, () -> "effect applied more than once: " + effect));
        // Journal: each automatic step was written RUNNING before its call and again after it.
        List<String> transitions = h.journal.transitions(started.runId());
        for (PlanStep s : plan.steps().stream().filter(PlanStep::automatic).toList()) {
            int before = transitions.indexOf(s.id() + " PENDING>RUNNING before-call");
            assertTrue(before >= 0, () -> s.id() + " journalled before its call: " + transitions);
            assertTrue(transitions.subList(before, transitions.size()).stream().anyMatch(t -> t.startsWith(s.id() + " RUNNING>")
                    && t.endsWith("after-call")), () -> s.id() + " journalled after its call");
        }
        // Audit: an attempt and an outcome per automatic step, attestations with the note; run and step ids on each.
        for (PlanStep s : plan.steps()) {
            List<AuditEvent> rows = h.audit.events.stream().filter(e -> s.id().equals(e.stepId())).toList();
            assertTrue(rows.stream().allMatch(e -> started.runId().equals(e.runId()) && "ui".equals(e.channel())));
            if (s.automatic()) {
                assertTrue(rows.stream().anyMatch(e -> e.outcome() == Outcome.ATTEMPTED), s.id());
                assertTrue(rows.stream().anyMatch(e -> e.outcome() == Outcome.SUCCEEDED), s.id());
            } else {
                assertTrue(rows.stream().anyMatch(e -> e.outcome() == Outcome.ATTESTED
                        && e.message().equals("Done by tester at the desk")), s.id());
            }
        }
        h.assertAuditChainIntact();
        RunSnapshot last = updates.get(updates.size() - 1);
        assertEquals(last.progress().total(), last.progress().done());
        assertEquals(Duration.ZERO, last.progress().eta());
        RunReport report = RunReports.report(done, java.time.Instant.now());
        assertEquals("Done", report.people().get(0).outcome());
        StringWriter csv = new StringWriter();
        RunReports.writeCsv(report, csv);
        assertEquals(plan.steps().size() + 1, csv.toString().split("\r\n").length);
    }

    @Test
    void aFailedStepIsCheckedByReadingThenRetried() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "lucid");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(
                Map.of("lucid", ProviderOptions.none().withDeactivate(true)), List.of(), ""));
        PlanStep deactivate = step(plan, "lucid", StepAction.DEACTIVATE);
        OffboardingRunner runner = h.runner();
        h.sim.faults(ProviderKind.SCIM).forceNext(Fault.SERVER_ERROR, 1);

        RunSnapshot run = runner.awaitSettled(runner.start(plan, null).runId(), WAIT);

        StepState failed = state(run, deactivate);
        assertEquals(StepStatus.FAILED, failed.status(), failed::toString);
        assertTrue(failed.detail().contains("checked by reading"), failed.detail());
        assertEquals(RunState.NEEDS_ATTENTION, run.state());
        assertTrue(h.sim.calls().effectCounts().isEmpty(), "the 500 did nothing");
        assertTrue(h.audit.events.stream().anyMatch(e -> e.outcome() == Outcome.UNKNOWN && deactivate.id().equals(e.stepId())));

        runner.retry(run.runId(), deactivate.id());
        RunSnapshot after = runner.awaitSettled(run.runId(), WAIT);

        assertEquals(StepStatus.VERIFIED, state(after, deactivate).status(), () -> state(after, deactivate).toString());
        assertEquals(2, state(after, deactivate).attempts());
        assertEquals(RunState.FINISHED, after.state());
        assertEquals(List.of(1L), List.copyOf(h.sim.calls().effectCounts().values()));
    }

    @Test
    void aFailedStepCanBeSkippedWithAReasonAndTheStepsAfterItGoAhead() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "slack");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of("slack", ProviderOptions.none()
                .withRevokeSessions(true, io.signoff.model.RevokeOptions.all()).withDeactivate(true)), List.of(), ""));
        PlanStep revoke = step(plan, "slack", StepAction.REVOKE_SESSIONS);
        PlanStep deactivate = step(plan, "slack", StepAction.DEACTIVATE);
        OffboardingRunner runner = h.runner();
        h.sim.faults(ProviderKind.SLACK).forceNext(Fault.SERVER_ERROR, 1);

        RunSnapshot run = runner.awaitSettled(runner.start(plan, null).runId(), WAIT);
        assertEquals(StepStatus.FAILED, state(run, revoke).status(), "Slack said service_unavailable: nothing happened");
        assertEquals(StepStatus.PENDING, state(run, deactivate).status(), "waits behind the failed revoke");
        assertEquals(RunState.NEEDS_ATTENTION, run.state());

        runner.skip(run.runId(), revoke.id(), "Checked in Slack admin: no session left");
        RunSnapshot after = runner.awaitSettled(run.runId(), WAIT);
        assertEquals(StepStatus.SKIPPED, state(after, revoke).status());
        assertEquals("Checked in Slack admin: no session left", state(after, revoke).detail());
        assertEquals(StepStatus.VERIFIED, state(after, deactivate).status());
        assertEquals(RunState.FINISHED, after.state());
        assertTrue(h.audit.events.stream().anyMatch(e -> "offboarding.skip".equals(e.action()) && revoke.id().equals(e.stepId())));
    }

    @Test
    void anUnknownOutcomeIsSettledByReadingAndNeverRepeatedBlindly() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "lucid", "cloudflare");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of(
                "lucid", ProviderOptions.none().withDeactivate(true),
                "cloudflare", ProviderOptions.none().withRevokeSessions(true, io.signoff.model.RevokeOptions.all())), List.of(), ""));
        OffboardingRunner runner = h.runner();
        h.sim.faults(ProviderKind.SCIM).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        h.sim.faults(ProviderKind.CLOUDFLARE).forceNext(Fault.DROP_AFTER_EFFECT, 1);

        RunSnapshot run = runner.awaitSettled(runner.start(plan, null).runId(), WAIT);

        assertEquals(RunState.FINISHED, run.state(), () -> run.steps().toString());
        for (PlanStep s : plan.steps()) {
            StepState st = state(run, s);
            assertEquals(StepStatus.VERIFIED, st.status(), st::toString);
            assertTrue(st.detail().startsWith("Settled by reading, not called again"), st.detail());
            assertEquals(1, st.attempts());
        }
        assertEquals(2, h.sim.calls().effectCounts().size());
        h.sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n, effect));
        assertEquals(1, h.sim.calls().entries(ProviderKind.SCIM).stream().filter(e -> e.method().equals("PATCH")).count());
        assertEquals(1, h.sim.calls().count(ProviderKind.CLOUDFLARE, "/revoke_user"));
    }

    @Test
    void aWriteThatTimesOutIsReadBackBeforeTheRetryCallsAgain() throws Exception {
        h.close();
        h = SimHarness.start(dir.resolve("timeout"), io.signoff.model.RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(5)));
        h.sim.faults(ProviderKind.SCIM).timeoutHang(Duration.ofMillis(1500));
        OffboardingTarget jane = h.find(SimHarness.JANE, "lucid");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(
                Map.of("lucid", ProviderOptions.none().withDeactivate(true)), List.of(), ""));
        PlanStep deactivate = plan.steps().get(0);
        OffboardingRunner runner = h.runner();
        h.sim.faults(ProviderKind.SCIM).forceNext(Fault.TIMEOUT, 1);

        RunSnapshot run = runner.awaitSettled(runner.start(plan, null).runId(), WAIT);
        StepState first = state(run, deactivate);
        assertTrue(h.journal.transitions(run.runId()).contains(deactivate.id() + " RUNNING>UNKNOWN_OUTCOME after-call"));
        assertEquals(StepStatus.FAILED, first.status(), "the timed-out request did nothing, and the read says so: " + first);

        runner.retry(run.runId(), deactivate.id());
        RunSnapshot after = runner.awaitSettled(run.runId(), WAIT);
        assertEquals(StepStatus.VERIFIED, state(after, deactivate).status());
        assertEquals(List.of(1L), List.copyOf(h.sim.calls().effectCounts().values()));
    }

    @Test
    void aReadThatFailsWhileSettlingAnUnknownOutcomeIsMadeAgainBeforeTheStepIsLeftUnknown() throws Exception {
        OffboardingPlan plan = h.janesCippJob("HR-10");
        PlanStep job = plan.steps().get(0);
        OffboardingRunner runner = h.runner();
        // The queue call is applied but its answer lost; then every attempt of the first settling read (the transport's
        // retries included) loses its answer too. Only a second read can tell that the job is there.
        int readAttempts = 1 + io.signoff.model.RequestOptions.defaults().maxRetries();
        h.sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP_AFTER_EFFECT, 1 + readAttempts);

        RunSnapshot run = runner.awaitSettled(runner.start(plan, null).runId(), WAIT);

        StepState st = state(run, job);
        assertTrue(h.journal.transitions(run.runId()).contains(job.id() + " RUNNING>UNKNOWN_OUTCOME after-call"),
                () -> h.journal.transitions(run.runId()).toString());
        assertEquals(StepStatus.SUCCEEDED, st.status(), st::toString);
        assertEquals(1, st.attempts(), "queued once, never called again");
        assertEquals(1, h.sim.calls().count(ProviderKind.CIPP, "/ExecOffboardUser"));
        assertEquals(RunState.FINISHED, run.state());
    }

    @Test
    void aJobWhoseStateCannotBeReadIsLeftQueuedForTheOperatorOnceThePollLimitPassesAndRetryPollsAgain() throws Exception {
        OffboardingPlan plan = h.janesCippJob("HR-11");
        PlanStep job = plan.steps().get(0);
        OffboardingRunner runner = h.runner(SimHarness.fastSettings().withJobPolling(Duration.ofMillis(100), Duration.ofSeconds(1)),
                Clock.systemUTC());
        // Once the job is queued, CIPP answers every read with a 5xx: the polls fail, and must not go on for ever.
        RunSnapshot run = runner.awaitSettled(runner.start(plan, (snapshot, changed) -> {
            if (changed != null && changed.status() == StepStatus.QUEUED) {
                h.sim.faults(ProviderKind.CIPP).enabledFaults(EnumSet.of(Fault.SERVER_ERROR)).faultRate(1.0);
            }
        }).runId(), WAIT);

        StepState stopped = state(run, job);
        assertEquals(StepStatus.QUEUED, stopped.status(), stopped::toString);
        assertTrue(stopped.detail().contains("could not be read") && stopped.detail().contains("Retry polls again"), stopped.detail());
        assertEquals(RunState.NEEDS_ATTENTION, run.state(), "nothing moves on its own any more");

        h.sim.resetFaults();
        runner.retry(run.runId(), job.id());
        RunSnapshot after = runner.awaitSettled(run.runId(), WAIT);
        assertEquals(StepStatus.SUCCEEDED, state(after, job).status(), () -> state(after, job).toString());
        assertEquals(RunState.FINISHED, after.state());
    }

    @Test
    void anOlderCippJobOfTheSamePersonIsNotTakenForOneWhoseQueueCallNeverArrived() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        OffboardingOptions options = new OffboardingOptions(Map.of("cipp", ProviderOptions.none()
                .withBundleOption(BundleOptions.HIDE_FROM_GAL, true)), List.of(), "HR-12");
        OffboardingRunner runner = h.runner();
        RunSnapshot earlier = runner.awaitSettled(runner.start(builder.build(List.of(jane), options), null).runId(), WAIT);
        assertEquals(RunState.FINISHED, earlier.state(), "an earlier offboarding of Jane, its job completed in CIPP");

        OffboardingPlan again = builder.build(List.of(jane), options);
        PlanStep job = again.steps().get(0);
        h.sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP, 1); // the new queue call never reaches CIPP
        RunSnapshot run = runner.awaitSettled(runner.start(again, null).runId(), WAIT);

        StepState st = state(run, job);
        assertEquals(StepStatus.FAILED, st.status(), () -> "the completed job is the earlier run's, not this one's: " + st);
        assertTrue(st.detail().contains("checked by reading") && st.detail().contains("retry is safe"), st.detail());

        runner.retry(run.runId(), job.id());
        RunSnapshot after = runner.awaitSettled(run.runId(), WAIT);
        assertEquals(StepStatus.SUCCEEDED, state(after, job).status(), () -> state(after, job).toString());
        assertEquals(2, h.sim.calls().entries(ProviderKind.CIPP).stream()
                .filter(e -> e.path().endsWith("/ExecOffboardUser") && e.fault() == null).count(), "one job per run");
    }

    @Test
    void aCippJobCompletedWithFailureSentencesIsPartlyFailed() throws Exception {
        h.cipp().failOffboardingStep("HideFromGAL", "The operation couldn't be performed because the mailbox is on hold.");
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of("cipp", ProviderOptions.none()
                .withBundleOption(BundleOptions.HIDE_FROM_GAL, true).withBundleOption(BundleOptions.REMOVE_RULES, true)),
                List.of(), "HR-9"));
        PlanStep job = plan.steps().get(0);
        List<StepStatus> seen = new CopyOnWriteArrayList<>();
        OffboardingRunner runner = h.runner();

        RunSnapshot run = runner.awaitSettled(runner.start(plan, (s, changed) -> {
            if (changed != null) seen.add(changed.status());
        }).runId(), WAIT);

        StepState st = state(run, job);
        assertTrue(seen.contains(StepStatus.QUEUED), "queued first: " + seen);
        assertEquals(StepStatus.PARTLY_FAILED, st.status(), st::toString);
        assertEquals(1, st.failures().size(), st.failures()::toString);
        assertTrue(st.failures().get(0).contains("mailbox is on hold"), st.failures().get(0));
        assertTrue(st.reference().startsWith("Offboarding: "), st.reference());
        assertEquals(RunState.FINISHED, run.state(), "partly failed is final");
        assertEquals("Done with failures", RunReports.report(run, java.time.Instant.now()).people().get(0).outcome());
    }

    @Test
    void theJobAsksCippToReportThroughTheChosenChannelsAndThePreviewAndAuditSaySo() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of("cipp", ProviderOptions.none()
                .withBundleOption(BundleOptions.HIDE_FROM_GAL, true)
                .withBundleOption(BundleOptions.POST_EXECUTION, List.of("PSA", "email"))), List.of(), "HR-12"));
        PlanStep job = plan.steps().get(0);
        assertEquals(List.of("email", "psa"), job.bundleOptions().get(BundleOptions.POST_EXECUTION), "known channels, fixed order");
        assertTrue(job.call().contains("HideFromGAL, postExecution: email + psa"), job.call());

        OffboardingRunner runner = h.runner();
        RunSnapshot run = runner.awaitSettled(runner.start(plan, (s, changed) -> { }).runId(), WAIT);

        assertEquals(StepStatus.SUCCEEDED, state(run, job).status(), () -> state(run, job).toString());
        List<Map<String, Object>> tasks = h.cipp().scheduledTasks();
        assertEquals(1, tasks.size(), tasks::toString);
        assertEquals("Email,PSA", tasks.get(0).get("PostExecution"), "CIPP stored the notifications: " + tasks.get(0));
        AuditEvent queued = h.audit.events.stream().filter(e -> job.id().equals(e.stepId())).findFirst().orElseThrow();
        assertEquals("email,psa", queued.parameters().get("notify"), queued::toString);
        assertEquals("HideFromGAL", queued.parameters().get("options"), "a notification is no action of its own");
    }

    @Test
    void aJobThatDeletesTheUserStillAsksForItsReport() throws Exception {
        OffboardingTarget jane = h.find(SimHarness.JANE, "cipp");
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of("cipp", ProviderOptions.none()
                .withBundleOption(BundleOptions.POST_EXECUTION, List.of("webhook"))
                .withBundleOption(BundleOptions.DELETE_USER, true)), List.of(), "HR-13"));
        PlanStep job = step(plan, "cipp", StepAction.OFFBOARD_BUNDLE);
        assertEquals(Map.of(BundleOptions.DELETE_USER, true, BundleOptions.POST_EXECUTION, List.of("webhook")), job.bundleOptions());

        OffboardingRunner runner = h.runner();
        RunSnapshot run = runner.awaitSettled(runner.start(plan, (s, changed) -> { }).runId(), WAIT);

        assertEquals(StepStatus.SUCCEEDED, state(run, job).status(), () -> state(run, job).toString());
        assertEquals("Webhook", h.cipp().scheduledTasks().get(0).get("PostExecution"));
    }

    @Test
    void aRateLimitStormSlowsTheRunDownButEveryStepSucceeds() throws Exception {
        h.close();
        h = SimHarness.start(dir.resolve("storm"), io.signoff.model.RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withRateBudgetPerMinute(6000).withMaxRetries(0));
        List<OffboardingTarget> people = h.sim.seed().peopleIn(ProviderKind.SLACK).stream()
                .filter(p -> !p.primaryOwner() && !p.bot() && !p.disabled()).limit(4)
                .map(p -> h.find(p.email(), "slack")).toList();
        assertTrue(people.stream().allMatch(p -> p.found().size() == 1), people::toString);
        OffboardingPlan plan = builder.build(people, new OffboardingOptions(Map.of("slack", ProviderOptions.none()
                .withRevokeSessions(true, io.signoff.model.RevokeOptions.all()).withDeactivate(true)), List.of(), ""));
        OffboardingRunner runner = h.runner(SimHarness.fastSettings().withPacing(Pacing.none()
                .with(ProviderKind.SLACK, Pacing.Rate.perMinute(600))), Clock.systemUTC());
        // A storm: the first calls are all refused, then a third of them at random.
        h.sim.faults(ProviderKind.SLACK).enabledFaults(EnumSet.of(Fault.RATE_LIMIT)).faultRate(0.3).retryAfter(Duration.ofSeconds(1))
                .forceNext(Fault.RATE_LIMIT, 4);

        RunSnapshot started = runner.start(plan, null);
        assertNotNull(started.progress().eta(), "a bulk run shows an ETA");
        RunSnapshot run = runner.awaitSettled(started.runId(), Duration.ofSeconds(60));

        assertEquals(RunState.FINISHED, run.state(), () -> run.steps().toString());
        run.steps().forEach(s -> assertTrue(s.status() == StepStatus.SUCCEEDED || s.status() == StepStatus.VERIFIED, s::toString));
        assertTrue(h.journal.transitions(run.runId()).stream().anyMatch(t -> t.contains("RUNNING>PENDING after-call")),
                () -> "at least one 429 reached the runner and was requeued: " + h.journal.transitions(run.runId())
                        + h.sim.calls().entries(ProviderKind.SLACK).stream().map(e -> e.path() + " " + e.status() + " " + e.fault()).toList());
        h.sim.calls().effectCounts().forEach((effect, n) -> assertEquals(1L, n, effect));
        assertEquals(plan.steps().size(), h.sim.calls().effectCounts().size());
    }
}
