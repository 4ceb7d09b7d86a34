package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.model.StepStatus;
import io.signoff.provider.BundleJob;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir Path dir;

    private static OffboardingPlan plan() {
        OffboardingTarget jane = PlanFixtures.jane();
        return new PlanBuilder(Clock.systemUTC()).build(List.of(jane), PlanBuilder.suggestedOptions(List.of(jane)).withReference("HR-1"));
    }

    @Test
    void aRunAndItsStepsSurviveReopeningTheFile() {
        Path file = dir.resolve("audit.db");
        OffboardingPlan plan = plan();
        PlanStep first = plan.steps().get(0);
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        BundleJob job = new BundleJob("cipp", "contoso.onmicrosoft.com", "jane@contoso.com", "Offboarding: jane@contoso.com", "queued");
        try (OffboardingJournal journal = OffboardingJournal.open(file)) {
            journal.createRun("run-1", plan, RunState.RUNNING, SimHarness.OPERATOR, "ui", at, null);
            journal.transition("run-1", StepStatus.PENDING, new StepState(first.id(), StepStatus.RUNNING, "Calling", List.of(), 1, at, ""),
                    "before-call", at, null);
            journal.transition("run-1", StepStatus.RUNNING, new StepState(first.id(), StepStatus.PARTLY_FAILED, "2 of 3",
                    List.of("Failed to hide", "Failed to remove"), 1, at.plusSeconds(5), "job-1"), "poll", null, job);
            journal.setRunState("run-1", RunState.NEEDS_ATTENTION, "waiting", at.plusSeconds(6));
        }
        try (OffboardingJournal journal = OffboardingJournal.open(file)) {
            JournalRun run = journal.loadRun("run-1").orElseThrow();
            assertEquals(plan, run.plan(), "the plan is stored exactly as built");
            assertEquals(RunState.NEEDS_ATTENTION, run.state());
            JournalStep step = run.steps().get(0);
            assertEquals(new StepState(first.id(), StepStatus.PARTLY_FAILED, "2 of 3", List.of("Failed to hide", "Failed to remove"), 1,
                    at.plusSeconds(5), "job-1"), step.state());
            assertEquals(at, step.callStartedAt(), "kept from the before-call write");
            assertEquals(job, step.job());
            assertTrue(run.steps().stream().skip(1).allMatch(s -> s.state().status() == StepStatus.PENDING));
            assertEquals(List.of(first.id() + " PENDING>RUNNING before-call", first.id() + " RUNNING>PARTLY_FAILED poll"),
                    journal.transitions("run-1"));
            assertEquals(List.of("run-1"), journal.runs(Set.of(RunState.NEEDS_ATTENTION)).stream().map(RunSummary::runId).toList());
            assertEquals(List.of(), journal.runs(Set.of(RunState.SCHEDULED)));
            RunSummary summary = journal.runs().get(0);
            assertEquals(List.of("jane.doe@contoso.com"), summary.people());
            assertEquals(1, summary.stepsDone());
            assertEquals("HR-1", summary.reference());
        }
    }

    @Test
    void theJournalSharesTheAuditFileWithItsOwnSchemaVersionAndANewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("audit.db");
        int auditVersion;
        try (SqliteAuditStore audit = SqliteAuditStore.open(file)) {
            try (OffboardingJournal journal = OffboardingJournal.openBeside(audit)) {
                assertEquals(audit.file(), journal.file());
                journal.createRun("run-1", plan(), RunState.RUNNING, SimHarness.OPERATOR, "ui", Instant.now(), null);
                AuditWriter writer = AuditWriter.of(audit);
                long attempt = writer.append(new AuditEvent(Instant.now(), "tester", "host", "ui", "lucid", ProviderKind.SCIM, null,
                        "jane.doe@contoso.com", "lucid-1", "offboarding.deactivate", Map.of(), Outcome.ATTEMPTED, null, "PATCH",
                        "run-1", "s01"));
                writer.appendOutcome(attempt, new AuditEvent(Instant.now(), "tester", "host", "ui", "lucid", ProviderKind.SCIM, null,
                        "jane.doe@contoso.com", "lucid-1", "offboarding.deactivate", Map.of(), Outcome.SUCCEEDED, null, "ok",
                        "run-1", "s01"));
            }
            assertTrue(audit.verify().ok(), () -> "chain: " + audit.verify());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                auditVersion = rs.getInt(1);
            }
        }
        OffboardingJournal.open(file).close();
        try (SqliteAuditStore audit = SqliteAuditStore.open(file)) {
            assertTrue(audit.verify().ok(), "reopening does not disturb the audit tables");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(version) FROM offboarding_schema_version")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "migrated once");
                assertEquals(JournalSchema.LATEST, rs.getInt(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                assertEquals(auditVersion, rs.getInt(1), "the audit store's version row is untouched");
            }
            st.execute("INSERT INTO offboarding_schema_version VALUES (99, 'from the future', '2030-01-01')");
        }
        JournalException e = assertThrows(JournalException.class, () -> OffboardingJournal.open(file));
        assertTrue(e.getMessage().contains("newer than this Signoff"), e.getMessage());
    }
}
