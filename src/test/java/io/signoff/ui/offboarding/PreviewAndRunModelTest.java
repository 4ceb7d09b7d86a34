package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.PlanPerson;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunProgress;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.StepAction;
import io.signoff.offboarding.StepState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewAndRunModelTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String JANE = "jane.doe@contoso.com";

    private static OffboardingPlan plan() {
        var jane = Fixtures.jane();
        var cipp = jane.accounts().get(0).account();
        var slack = jane.accounts().get(1).account();
        var lucid = jane.accounts().get(3).account();
        List<PlanStep> steps = List.of(
                new PlanStep("s01", JANE, StepAction.DISABLE_SIGN_IN, null, "cipp", cipp.kind(), "Demo MSP",
                        "contoso.onmicrosoft.com", cipp, "ExecDisableUser ID=g-1 Enable=false", "ListUsers accountEnabled",
                        null, null, null, List.of()),
                new PlanStep("s02", JANE, StepAction.REVOKE_SESSIONS, null, "slack", slack.kind(), "Contoso Grid", "E1", slack,
                        "admin.users.session.reset user_id=W1", "admin.users.session.list", RevokeOptions.all(), null, null,
                        List.of("s01")),
                new PlanStep("s03", JANE, StepAction.MANUAL, "Log out user", "lucid", lucid.kind(), "Lucid", "", lucid,
                        "", "", null, Map.of(), "Lucid admin panel → Users → Log out user", List.of("s01", "s02")),
                new PlanStep("s04", JANE, StepAction.MANUAL, "Collect laptop", "", null, "", "", null, "", "", null, null,
                        "", List.of()));
        List<Guardrail> guardrails = List.of(
                new Guardrail(Guardrail.Severity.INFO, Guardrail.Kind.MANUAL_ONLY, JANE, "lucid", "s03", "Lucid has no API to log out"),
                new Guardrail(Guardrail.Severity.WARNING, Guardrail.Kind.PRIVILEGED_TARGET, JANE, "slack", "", "Jane is a Slack admin"));
        return new OffboardingPlan(List.of(new PlanPerson(JANE, "Jane Doe", List.of("Demo MSP"), List.of())), steps, guardrails,
                OffboardingOptions.empty(), "INC-7", NOW);
    }

    @Test
    void previewNumbersTheStepsNamesDependenciesAndPutsWarningsFirst() {
        PreviewModel preview = new PreviewModel(plan());
        assertEquals(4, preview.rows().size());
        PreviewModel.Row slack = preview.rows().get(1);
        assertEquals(2, slack.number());
        assertEquals("Contoso Grid · E1", slack.where());
        assertEquals("admin.users.session.reset user_id=W1", slack.call());
        assertEquals("1", slack.after());
        PreviewModel.Row logout = preview.rows().get(2);
        assertTrue(logout.manual());
        assertEquals("MANUAL — Lucid admin panel → Users → Log out user", logout.call());
        assertEquals("1, 2", logout.after());
        assertEquals("you", preview.rows().get(3).where());
        assertEquals(Guardrail.Kind.PRIVILEGED_TARGET, preview.guardrails().get(0).kind(), "the warning comes before the info");
        assertTrue(preview.hasWarnings());
        assertTrue(preview.runnable());

        String question = preview.confirmation(null, ZONE);
        assertTrue(question.startsWith("Offboard Jane Doe (jane.doe@contoso.com) now?"), question);
        assertTrue(question.contains("2 automatic steps on 3 connections and 2 manual steps"), question);
        assertTrue(question.contains("Reference: INC-7"), question);
    }

    @Test
    void aPlanWithABlockerOrNoStepsCannotRunAndSaysWhy() {
        OffboardingPlan base = plan();
        OffboardingPlan blocked = new OffboardingPlan(base.people(), base.steps(),
                List.of(new Guardrail(Guardrail.Severity.BLOCKER, Guardrail.Kind.NOTHING_TO_DO, JANE, "", "", "Nothing would be done")),
                base.options(), "", NOW);
        assertFalse(new PreviewModel(blocked).runnable());
        assertEquals("Nothing would be done", new PreviewModel(blocked).notRunnableReason());
        OffboardingPlan empty = new OffboardingPlan(base.people(), List.of(), List.of(), base.options(), "", NOW);
        assertTrue(new PreviewModel(empty).notRunnableReason().startsWith("Nothing to do"));
    }

    @Test
    void runAtMustBeAValidTimeInTheFuture() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        PreviewModel.Schedule ok = PreviewModel.schedule(today, "17:30", ZONE, NOW);
        assertTrue(ok.valid());
        assertEquals(Instant.parse("2026-11-21T16:30:00Z"), ok.at());
        assertEquals("Type the time as HH:MM, e.g. 17:30.", PreviewModel.schedule(today, "5pm", ZONE, NOW).problem());
        assertTrue(PreviewModel.schedule(today, "09:00", ZONE, NOW).problem().startsWith("That time has passed"));
        assertFalse(PreviewModel.schedule(null, "17:30", ZONE, NOW).valid());
        String question = new PreviewModel(plan()).confirmation(ok, ZONE);
        assertTrue(question.startsWith("Offboard Jane Doe (jane.doe@contoso.com) at Sat 21 Nov 2026, 17:30?"), question);
        assertTrue(PreviewModel.SCHEDULE_EXPLANATION.contains("only if this console is open"));
    }

    @Test
    void runRowsOfferOnlyTheActionsTheirStatusAllows() {
        OffboardingPlan plan = plan();
        List<StepState> states = List.of(
                new StepState("s01", StepStatus.VERIFIED, "accountEnabled=false", List.of(), 1, NOW, "req-1"),
                new StepState("s02", StepStatus.FAILED, "user_session_reset_failed", List.of(), 1, NOW, ""),
                new StepState("s03", StepStatus.AWAITING_ATTESTATION, "", List.of(), 0, NOW, ""),
                new StepState("s04", StepStatus.PARTLY_FAILED, "Completed", List.of("Could not remove licence"), 1, NOW, ""));
        RunSnapshot snapshot = new RunSnapshot("R1", RunState.NEEDS_ATTENTION, plan, states,
                new RunProgress(4, 2, 0, 0, 2, 1, Duration.ofSeconds(95)), NOW, null, "op", "ui");
        RunModel run = new RunModel(snapshot);

        RunModel.Row verified = run.row("s01");
        assertEquals("✔ verified", verified.look().text());
        assertFalse(verified.canRetry() || verified.canSkip() || verified.canAttest());
        RunModel.Row failed = run.row("s02");
        assertTrue(failed.canRetry() && failed.canSkip());
        assertFalse(failed.canAttest());
        RunModel.Row manual = run.row("s03");
        assertTrue(manual.canAttest() && manual.canSkip());
        assertFalse(manual.canRetry());
        assertEquals("Lucid admin panel → Users → Log out user", manual.instruction());
        assertEquals("Completed — Could not remove licence", run.row("s04").detail());
        assertEquals("step-partly-failed", run.row("s04").look().styleClass());
        assertEquals("2 of 4 steps done · 2 waiting for you · 1 failed", run.progressLine(),
                "no ETA when only the operator can move the run");
        RunSnapshot moving = new RunSnapshot("R1", RunState.RUNNING, plan, states,
                new RunProgress(4, 1, 1, 1, 1, 0, Duration.ofSeconds(95)), NOW, null, "op", "ui");
        assertEquals("1 of 4 steps done · 1 running · 1 queued at the provider · 1 waiting for you · about 2 min left",
                new RunModel(moving).progressLine());
        assertEquals(0.5, run.fraction());
        assertFalse(run.over());
        assertTrue(run.stateLine().startsWith("Waiting for you"));
    }

    @Test
    void etaReadsLikeAPerson() {
        assertEquals("", RunModel.eta(null));
        assertEquals("about 40 s left", RunModel.eta(Duration.ofSeconds(40)));
        assertEquals("about 3 min left", RunModel.eta(Duration.ofSeconds(150)));
        assertEquals("about 2 h 5 min left", RunModel.eta(Duration.ofMinutes(125)));
    }

    @Test
    void everyStatusHasItsOwnLook() {
        java.util.Set<String> classes = new java.util.HashSet<>();
        for (StepStatus s : StepStatus.values()) {
            StatusLook look = StatusLook.of(s);
            assertTrue(look.text().contains(look.word()));
            classes.add(look.styleClass());
        }
        assertEquals(StepStatus.values().length, classes.size());
        assertEquals("3 verified, 1 attested", ReportModel.counts(Map.of(StepStatus.ATTESTED, 1, StepStatus.VERIFIED, 3)));
    }
}
