package io.signoff.offboarding;

import java.time.Duration;

/** After a crash: resume a run, attest the manual steps it waits for (as an operator would), wait until it settles. */
public final class ResumeToEnd {
    private ResumeToEnd() { }

    public static RunSnapshot resume(OffboardingRunner runner, String runId, String attestation, Duration timeout)
            throws InterruptedException {
        runner.resume(runId, null);
        RunSnapshot settled = runner.awaitSettled(runId, timeout);
        for (PlanStep step : settled.plan().steps()) {
            if (settled.step(step.id()).orElseThrow().status() == io.signoff.model.StepStatus.AWAITING_ATTESTATION) {
                runner.attest(runId, step.id(), attestation);
            }
        }
        return runner.awaitSettled(runId, timeout);
    }
}
