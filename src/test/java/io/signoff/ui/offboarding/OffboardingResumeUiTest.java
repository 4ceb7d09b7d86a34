package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.CustomStep;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.testing.SimulatedConnections;
import io.signoff.ui.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * A run left waiting when the console closed is offered when the wizard opens again, resumed from the banner, and
 * finished there: the manual step is attested with the operator's note.
 */
@ExtendWith(ApplicationExtension.class)
class OffboardingResumeUiTest {
    @TempDir
    static Path dir;

    private WizardTestbed bed;
    private OffboardingView view;
    private String runId;

    @Start
    void start(Stage stage) throws Exception {
        // The console before: a run whose only step is manual, left waiting for its attestation; then it closes.
        try (WizardTestbed before = WizardTestbed.start(dir)) {
            OffboardingTarget jane = before.controller().findTarget("jane.doe@contoso.com", Set.of(SimulatedConnections.LUCID))
                    .get(10, TimeUnit.SECONDS);
            OffboardingOptions options = OffboardingOptions.empty()
                    .withCustomSteps(List.of(new CustomStep("Collect laptop", "From the front desk")));
            OffboardingPlan plan = before.controller().preview(List.of(jane), options);
            CompletableFuture<RunSnapshot> settled = new CompletableFuture<>();
            RunListener whenSettled = (snapshot, changed) -> {
                if (snapshot.state() == RunState.NEEDS_ATTENTION || snapshot.state() == RunState.FINISHED) settled.complete(snapshot);
            };
            runId = before.controller().run(plan, whenSettled).get(10, TimeUnit.SECONDS).runId();
            assertEquals(RunState.NEEDS_ATTENTION, settled.get(10, TimeUnit.SECONDS).state());
        }
        // The console opens again on the same journal.
        bed = WizardTestbed.start(dir);
        view = bed.view(dir.resolve("unused.csv"));
        Scene scene = new Scene((Parent) view.node(), 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (bed != null) bed.close();
    }

    @Test
    void offersTheWaitingRunAndFinishesItFromTheBanner(FxRobot robot) throws Exception {
        view.loaded().toCompletableFuture().get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#offboard-offers").query().isVisible(), "the waiting run is offered");
        Label offer = robot.lookup("#offboard-offers .label").queryAs(Label.class);
        assertTrue(offer.getText().contains("jane.doe@contoso.com") && offer.getText().contains("waiting for you"),
                offer.getText());

        robot.clickOn("#offer-resume-" + runId);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.currentPage() == OffboardingView.Page.RUN);
        @SuppressWarnings("unchecked")
        TableView<RunModel.Row> run = robot.lookup("#run-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.getItems().size() == 1 && run.getItems().get(0).canAttest());
        robot.interact(() -> run.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#run-note").queryAs(javafx.scene.control.TextArea.class)
                .setText("Laptop SN 4711 handed in at the front desk"));
        robot.clickOn("#run-attest");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> run.getItems().get(0).status() == StepStatus.ATTESTED);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> bed.controller().snapshot(runId).orElseThrow().state() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#run-state").queryAs(Label.class).getText().contains("Finished"));
        assertTrue(bed.auditRows(runId) > 0, "the attestation is audited");
        assertTrue(bed.auditChainIntact(), "the audit chain verifies");
    }
}
