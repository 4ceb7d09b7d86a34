package io.signoff.offboarding;

import io.signoff.audit.CsvCells;
import io.signoff.model.StepStatus;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Builds the per-person / per-step report of a run and exports it to CSV (formula-neutralised cells). */
public final class RunReports {
    static final String[] HEADER = {"run_id", "person", "person_name", "step_id", "step", "action", "provider", "connection",
            "tenant", "account", "call", "status", "detail", "failures", "attempts", "updated_utc", "reference"};

    private RunReports() { }

    public static RunReport report(RunSnapshot run, Instant generatedAt) {
        List<PersonReport> people = new ArrayList<>();
        for (PlanPerson person : run.plan().people()) {
            List<StepReport> rows = new ArrayList<>();
            Map<StepStatus, Integer> counts = new EnumMap<>(StepStatus.class);
            for (PlanStep step : run.plan().stepsOf(person.email())) {
                StepState state = run.step(step.id()).orElse(StepState.pending(step.id(), run.createdAt()));
                counts.merge(state.status(), 1, Integer::sum);
                rows.add(new StepReport(step.id(), person.email(), step.title(), step.action(),
                        step.provider() == null ? "" : step.provider().displayName(), step.connectionName(), step.tenantId(),
                        step.accountLabel(), step.call().isBlank() ? step.instruction() : step.call(), state.status(),
                        state.detail(), state.failures(), state.attempts(), state.updatedAt(), state.reference()));
            }
            people.add(new PersonReport(person.email(), person.displayName(), counts, outcome(rows), person.missingOn(), rows));
        }
        return new RunReport(run.runId(), run.state(), run.plan().reference(), run.operator(), run.channel(),
                run.createdAt(), generatedAt, people, run.plan().guardrails());
    }

    /** One line for a person: done, done with failures, needs attention, in progress. */
    static String outcome(List<StepReport> steps) {
        if (steps.isEmpty()) return "Nothing to do";
        boolean open = steps.stream().anyMatch(s -> !s.status().terminal() || s.status() == StepStatus.FAILED);
        boolean operator = steps.stream().anyMatch(s -> s.status() == StepStatus.FAILED || s.status() == StepStatus.UNKNOWN_OUTCOME
                || s.status() == StepStatus.AWAITING_ATTESTATION);
        if (open) return operator ? "Needs attention" : "In progress";
        if (steps.stream().anyMatch(s -> s.status() == StepStatus.PARTLY_FAILED)) {
            return "Done with failures";
        }
        if (steps.stream().anyMatch(s -> s.status() == StepStatus.SKIPPED)) return "Done, some steps skipped";
        return "Done";
    }

    /** Writes the report as CSV to {@code file}, atomically (a reader never sees half a report). */
    public static void writeCsv(RunReport report, java.nio.file.Path file) throws IOException {
        AtomicFiles.write(file, out -> writeCsv(report, out));
    }

    /** One row per step with the person, provider, connection, account, call, status, detail and attempts. */
    public static void writeCsv(RunReport report, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        for (PersonReport person : report.people()) {
            for (StepReport s : person.steps()) {
                csv.printRecord(List.of(report.runId(), person.email(), person.displayName(), s.stepId(), s.title(),
                        s.action().name().toLowerCase(java.util.Locale.ROOT), s.provider(), s.connection(), s.tenant(), s.account(),
                        s.call(), s.status().name().toLowerCase(java.util.Locale.ROOT), s.detail(), String.join(" | ", s.failures()),
                        Integer.toString(s.attempts()), s.updatedAt() == null ? "" : s.updatedAt().toString(), s.reference())
                        .stream().map(CsvCells::neutralise).toList());
            }
        }
        csv.flush();
    }
}
