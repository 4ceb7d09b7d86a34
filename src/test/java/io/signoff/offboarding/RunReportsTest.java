package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.signoff.model.StepStatus;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class RunReportsTest {
    @Test
    void theReportSummarisesPerPersonAndTheCsvCannotRunFormulas() throws Exception {
        OffboardingTarget jane = PlanFixtures.jane();
        OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), PlanBuilder.suggestedOptions(List.of(jane)));
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        List<StepState> states = new ArrayList<>();
        for (PlanStep s : plan.steps()) {
            states.add(new StepState(s.id(), s.manual() ? StepStatus.ATTESTED : StepStatus.VERIFIED, "ok", List.of(), 1, at, ""));
        }
        PlanStep job = plan.steps().stream().filter(s -> s.action() == StepAction.OFFBOARD_BUNDLE).findFirst().orElseThrow();
        states.set(plan.steps().indexOf(job), new StepState(job.id(), StepStatus.PARTLY_FAILED, "=HYPERLINK(\"http://evil\")",
                List.of("-Failed to hide", "@SUM(1)"), 1, at, "+job"));
        RunSnapshot run = new RunSnapshot("run-9", RunState.FINISHED, plan, states, Progress.of(states, null), at, null, "tester", "ui");

        RunReport report = RunReports.report(run, at);
        assertEquals("Done with failures", report.people().get(0).outcome());
        assertEquals(1, report.people().get(0).counts().get(StepStatus.PARTLY_FAILED));
        StringWriter out = new StringWriter();
        RunReports.writeCsv(report, out);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(plan.steps().size(), rows.size());
        CSVRecord row = rows.stream().filter(r -> r.get("step_id").equals(job.id())).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://evil\")", row.get("detail"));
        assertEquals("'-Failed to hide | @SUM(1)", row.get("failures"));
        assertEquals("'+job", row.get("reference"));
        assertEquals("partly_failed", row.get("status"));
    }
}
