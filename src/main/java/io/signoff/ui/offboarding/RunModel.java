package io.signoff.ui.offboarding;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.RunProgress;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.StepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Page 5's state, rebuilt from each run snapshot: one row per step with its status look and the actions the operator
 * may take on it (retry, skip, attest), and the progress line with the ETA. Plain Java.
 */
final class RunModel {

    /**
     * One step of the run.
     *
     * @param detail what the step's state says: the reason, the verification read, the note, the job's failure sentences
     */
    record Row(int number, String stepId, String person, String title, String where, String account, String call,
               StepStatus status, StatusLook look, String detail, int attempts, boolean manual, String instruction) {

        /** A FAILED step, or one whose outcome is unknown (the runner reads before calling again). */
        boolean canRetry() { return status == StepStatus.FAILED || status == StepStatus.UNKNOWN_OUTCOME; }

        /** Anything the runner is not working on and that is not done can be skipped, with a reason. */
        boolean canSkip() {
            return switch (status) {
                case PENDING, FAILED, UNKNOWN_OUTCOME, AWAITING_ATTESTATION -> true;
                default -> false;
            };
        }

        boolean canAttest() { return manual && status == StepStatus.AWAITING_ATTESTATION; }
    }

    private final RunSnapshot snapshot;
    private final List<Row> rows;

    RunModel(RunSnapshot snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        List<Row> out = new ArrayList<>();
        int n = 0;
        for (PlanStep s : snapshot.plan().steps()) {
            n++;
            StepState st = snapshot.step(s.id()).orElse(StepState.pending(s.id(), snapshot.createdAt()));
            out.add(new Row(n, s.id(), s.personEmail(), s.title(),
                    s.connectionName().isBlank() ? "you" : s.connectionName() + (s.tenantId().isBlank() ? "" : " · " + s.tenantId()),
                    s.accountLabel(), s.manual() ? "MANUAL" : s.call(), st.status(), StatusLook.of(st.status()),
                    detail(st), st.attempts(), s.manual(), s.instruction().isBlank() ? s.title() : s.instruction()));
        }
        rows = List.copyOf(out);
    }

    RunSnapshot snapshot() { return snapshot; }

    String runId() { return snapshot.runId(); }

    RunState state() { return snapshot.state(); }

    List<Row> rows() { return rows; }

    Row row(String stepId) {
        return rows.stream().filter(r -> r.stepId().equals(stepId)).findFirst().orElse(null);
    }

    double fraction() {
        RunProgress p = snapshot.progress();
        return p == null ? 0 : p.fraction();
    }

    /** True when the run has ended on its own terms (finished or cancelled): the report is final. */
    boolean over() {
        return snapshot.state() == RunState.FINISHED || snapshot.state() == RunState.CANCELLED;
    }

    /** "7 of 12 steps done · 1 running · 2 waiting for you · about 3 min left" */
    String progressLine() {
        RunProgress p = snapshot.progress();
        if (p == null) return "";
        StringBuilder s = new StringBuilder();
        s.append(p.done()).append(" of ").append(p.total()).append(p.total() == 1 ? " step" : " steps").append(" done");
        if (p.running() > 0) s.append(" · ").append(p.running()).append(" running");
        if (p.queued() > 0) s.append(" · ").append(p.queued()).append(" queued at the provider");
        if (p.waiting() > 0) s.append(" · ").append(p.waiting()).append(" waiting for you");
        if (p.failed() > 0) s.append(" · ").append(p.failed()).append(" failed");
        String eta = eta(p.eta());
        // The ETA covers the runner's own work; steps waiting for the operator take as long as the operator takes.
        if (!eta.isEmpty() && p.total() - p.done() - p.waiting() > 0) s.append(" · ").append(eta);
        return s.toString();
    }

    /** What the run as a whole is doing, in a sentence. */
    String stateLine() {
        return switch (snapshot.state()) {
            case SCHEDULED -> "Scheduled" + (snapshot.scheduledAt() == null ? "" : " for " + PreviewModel.WHEN.format(snapshot.scheduledAt().atZone(java.time.ZoneId.systemDefault())))
                    + ": waiting for its time.";
            case RUNNING -> "Running.";
            case NEEDS_ATTENTION -> "Waiting for you: attest the manual steps, or retry or skip the failed ones.";
            case FINISHED -> "Finished. Open the report for the summary.";
            case INTERRUPTED -> "Interrupted: the console stopped during this run. Resume it to continue.";
            case MISSED -> "Missed: its scheduled time passed while the console was closed.";
            case CANCELLED -> "Cancelled.";
        };
    }

    /** "about 40 s left", "about 3 min left", "about 2 h 5 min left"; "" when unknown. */
    static String eta(Duration eta) {
        if (eta == null || eta.isNegative()) return "";
        long seconds = eta.toSeconds();
        if (seconds < 60) return "about " + Math.max(1, seconds) + " s left";
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) return "about " + minutes + " min left";
        return "about " + minutes / 60 + " h " + minutes % 60 + " min left";
    }

    private static String detail(StepState st) {
        if (st.failures().isEmpty()) return st.detail();
        String failures = String.join("; ", st.failures());
        return st.detail().isBlank() ? failures : st.detail() + " — " + failures;
    }
}
