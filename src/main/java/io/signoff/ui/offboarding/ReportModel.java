package io.signoff.ui.offboarding;

import io.signoff.model.StepStatus;
import io.signoff.offboarding.PersonReport;
import io.signoff.offboarding.RunReport;
import io.signoff.offboarding.StepReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Page 6's state: the run's summary per person and per step, and where the full record lives. Plain Java. */
final class ReportModel {

    record PersonRow(String person, String outcome, String counts, String missingOn) { }

    record StepRow(String person, String title, String where, String account, StatusLook look, String detail,
                   int attempts, String reference) { }

    private final RunReport report;

    ReportModel(RunReport report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    RunReport report() { return report; }

    String runId() { return report.runId(); }

    List<PersonRow> people() {
        List<PersonRow> out = new ArrayList<>();
        for (PersonReport p : report.people()) {
            String who = p.displayName().equalsIgnoreCase(p.email()) ? p.email() : p.displayName() + " (" + p.email() + ")";
            out.add(new PersonRow(who, p.outcome(), counts(p.counts()), String.join("; ", p.missingOn())));
        }
        return out;
    }

    List<StepRow> steps() {
        List<StepRow> out = new ArrayList<>();
        for (StepReport s : report.steps()) {
            String where = s.connection() == null || s.connection().isBlank() ? "you"
                    : s.connection() + (s.tenant() == null || s.tenant().isBlank() ? "" : " · " + s.tenant());
            String detail = s.failures().isEmpty() ? s.detail()
                    : (s.detail().isBlank() ? "" : s.detail() + " — ") + String.join("; ", s.failures());
            out.add(new StepRow(s.personEmail(), s.title(), where, s.account(), StatusLook.of(s.status()), detail,
                    s.attempts(), s.reference()));
        }
        return out;
    }

    /** "3 verified, 1 attested, 1 failed", in the status order of the model. */
    static String counts(Map<StepStatus, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (StepStatus status : StepStatus.values()) {
            Integer n = counts.get(status);
            if (n != null && n > 0) parts.add(n + " " + StatusLook.of(status).word());
        }
        return String.join(", ", parts);
    }

    /** Where the full, tamper-evident record of the run lives. */
    String auditNote() {
        return "Every call, outcome, skip and attestation of this run is also in the audit trail (Audit view), "
                + "under run id " + report.runId() + ".";
    }

    /** A default file name for the CSV export. */
    String suggestedFileName() {
        return "offboarding-" + report.runId().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }
}
