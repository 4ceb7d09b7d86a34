package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.StepAction;
import io.signoff.offboarding.StepState;
import io.signoff.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard end to end on the simulator, for a person present in all four providers: search, scope, options,
 * preview (a guardrail, the ordered steps), run, attest the Lucid manual step, every step ends done, the report.
 */
@ExtendWith(ApplicationExtension.class)
class OffboardingWizardUiTest {
    private static final String JANE = "jane.doe@contoso.com";

    @TempDir
    static Path dir;

    private WizardTestbed bed;
    private OffboardingView view;

    @Start
    void start(Stage stage) throws Exception {
        bed = WizardTestbed.start(dir.resolve("e2e"));
        view = bed.view(dir.resolve("report.csv"));
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.onShow();
    }

    @AfterEach
    void stop() {
        if (bed != null) bed.close();
    }

    @Test
    void offboardsJaneEverywhereWithTheLucidLogoutAttested(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // 1. Person: the Users view's search finds Jane; add her.
        type(robot, "#offboard-search", JANE);
        robot.clickOn("#offboard-search-button");
        TableView<?> results = robot.lookup("#offboard-results").queryAs(TableView.class);
        waitUntil(() -> results.getItems().size() == 1, "Jane found by the search");
        robot.clickOn("#offboard-add");
        assertEquals(1, robot.lookup("#offboard-chosen").queryAs(ListView.class).getItems().size());
        next(robot);

        // 2. Scope: an account on each of the four connections.
        waitUntil(() -> !nextButton(robot).isDisabled(), "accounts looked up");
        TableView<ScopeModel.Row> scope = table(robot, "#scope-table");
        assertEquals(4, scope.getItems().stream().filter(ScopeModel.Row::found).count(), scope.getItems().toString());
        next(robot);

        // 3. Options: pre-filled from capabilities; Lucid's logout offered as a manual step; a ticket reference.
        assertTrue(robot.lookup("#option-sim-lucid-manual-logout").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#option-sim-cipp-block").queryAs(CheckBox.class).isSelected());
        assertTrue(robot.lookup("#option-sim-cipp-ConvertToShared").queryAs(CheckBox.class).isSelected());
        CheckBox notifyByEmail = robot.lookup("#option-sim-cipp-postExecution-email").queryAs(CheckBox.class);
        assertFalse(notifyByEmail.isSelected(), "no notification unless asked for");
        robot.interact(notifyByEmail::fire);
        type(robot, "#options-reference", "INC-4711");
        next(robot);

        // 4. Preview: a guardrail is shown; sign-in is blocked before any session is revoked.
        Node guardrails = robot.lookup("#preview-guardrails").query();
        assertTrue(guardrails.isVisible());
        assertFalse(robot.lookup(".guardrail").queryAll().isEmpty());
        PreviewModel preview = WaitForAsyncUtils.asyncFx(() -> previewModel()).get(5, TimeUnit.SECONDS);
        assertTrue(preview.plan().guardrails().stream().anyMatch(g -> g.kind() == Guardrail.Kind.MANUAL_ONLY),
                preview.plan().guardrails().toString());
        List<StepAction> actions = preview.plan().steps().stream().map(s -> s.action()).toList();
        int firstDisable = actions.indexOf(StepAction.DISABLE_SIGN_IN);
        int firstRevoke = actions.indexOf(StepAction.REVOKE_SESSIONS);
        assertTrue(firstDisable >= 0 && firstDisable < firstRevoke, "block sign-in before any revoke: " + actions);
        assertEquals(preview.rows().size(), table(robot, "#preview-steps").getItems().size());
        PlanStep job = preview.plan().steps().stream().filter(s -> s.action() == StepAction.OFFBOARD_BUNDLE).findFirst().orElseThrow();
        assertEquals(List.of("email"), job.bundleOptions().get(BundleOptions.POST_EXECUTION), job.bundleOptions().toString());
        assertTrue(job.call().contains("postExecution: email"), job.call());
        assertTrue(bed.simulatorWrites() == 0, "nothing is called before the operator confirms");

        robot.clickOn("#preview-run");
        Label question = robot.lookup("#confirm-dialog .content").queryAs(Label.class);
        assertTrue(question.getText().contains("Jane Doe (" + JANE + ")"), question.getText());
        robot.clickOn("#confirm-yes");

        // 5. Run: the Lucid logout waits for the operator; attest it with a note.
        waitUntil(() -> view.currentPage() == OffboardingView.Page.RUN, "run page shown");
        TableView<RunModel.Row> run = table(robot, "#run-table");
        waitUntil(() -> run.getItems().stream().anyMatch(r -> r.canAttest() && r.instruction().contains("Log out")),
                "the Lucid logout awaits attestation");
        RunModel.Row logout = run.getItems().stream().filter(r -> r.canAttest() && r.instruction().contains("Log out"))
                .findFirst().orElseThrow();
        robot.interact(() -> run.getSelectionModel().select(logout));
        type(robot, "#run-note", "Logged Jane out in the Lucid admin panel at 10:02 (helpdesk)");
        robot.clickOn("#run-attest");

        Set<StepStatus> done = EnumSet.of(StepStatus.SUCCEEDED, StepStatus.VERIFIED, StepStatus.ATTESTED);
        waitUntil(() -> run.getItems().stream().allMatch(r -> done.contains(r.status())), () -> "steps: "
                + run.getItems().stream().map(r -> r.title() + "=" + r.status() + " " + r.detail()).toList());
        String runId = view.runIdShown();
        StepState attested = bed.controller().snapshot(runId).orElseThrow().step(logout.stepId()).orElseThrow();
        assertEquals(StepStatus.ATTESTED, attested.status());
        assertTrue(attested.detail().contains("Lucid admin panel"), attested.detail());
        waitUntil(() -> bed.controller().snapshot(runId).orElseThrow().state() == RunState.FINISHED, "run finished");
        assertTrue(bed.auditRows(runId) > 0, "the run is in the audit trail");
        assertTrue(bed.auditChainIntact(), "the audit chain verifies");

        // 6. Report: per person and per step, export to CSV in the background.
        next(robot);
        TableView<ReportModel.PersonRow> people = table(robot, "#report-people");
        waitUntil(() -> people.getItems().size() == 1, "report loaded");
        assertEquals(run.getItems().size(), table(robot, "#report-steps").getItems().size());
        assertTrue(robot.lookup("#report-audit-note").queryAs(Label.class).getText().contains(runId));
        robot.clickOn("#report-export");
        Path csv = dir.resolve("report.csv");
        waitUntil(() -> robot.lookup("#report-export-result").queryAs(Label.class).getText().startsWith("Exported"),
                "report exported");
        String exported = Files.readString(csv);
        assertTrue(exported.contains(runId) && exported.contains(JANE) && exported.contains("attested"), exported);
    }

    private PreviewModel previewModel() {
        return view.previewModel();
    }

    /** Focuses a text field by clicking it, then fills it (typing key by key costs ~100 ms a character headless). */
    private static void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class).setText(text));
    }

    private static void next(FxRobot robot) {
        robot.clickOn("#offboard-next");
    }

    private static Button nextButton(FxRobot robot) {
        return robot.lookup("#offboard-next").queryAs(Button.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, String what) throws TimeoutException {
        waitUntil(condition, () -> what);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, java.util.function.Supplier<String> what)
            throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("Timed out waiting for: " + what.get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
