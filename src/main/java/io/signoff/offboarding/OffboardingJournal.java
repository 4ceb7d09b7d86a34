package io.signoff.offboarding;

import com.google.gson.reflect.TypeToken;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.StepStatus;
import io.signoff.provider.BundleJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * The durable record of offboarding runs, in the same SQLite file as the audit trail (own tables, own schema version).
 * Each step's state is written before a provider call (RUNNING, with the time the call starts) and after it, each
 * write committed (WAL, synchronous FULL) before the call is made or the next step starts, so a run can be resumed
 * after a crash or kill without repeating a call blindly. One connection, used under this object's lock.
 */
public final class OffboardingJournal implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 30_000;
    private static final java.lang.reflect.Type FAILURES = new TypeToken<List<String>>() { }.getType();

    private final Path file;
    private final Connection db;

    private OffboardingJournal(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens the journal in the audit store's own database file (one file holds the audit trail and the journal). */
    public static OffboardingJournal openBeside(SqliteAuditStore audit) {
        return open(audit.file());
    }

    /** Opens (creating or migrating) the journal tables in {@code databaseFile}, the audit store's file. */
    public static OffboardingJournal open(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath();
        Connection c = null;
        try {
            Files.createDirectories(file.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.enforceForeignKeys(true);
            c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            JournalSchema.migrate(c);
            return new OffboardingJournal(file, c);
        } catch (SQLException | java.io.IOException e) {
            closeQuietly(c);
            throw new JournalException("Cannot open the offboarding journal in " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    /** Every run, newest first. */
    public synchronized List<RunSummary> runs() {
        return summaries("SELECT r.run_id FROM offboarding_runs r ORDER BY r.created_utc DESC, r.run_id");
    }

    /** Runs in one of {@code states}, newest first. */
    public synchronized List<RunSummary> runs(Set<RunState> states) {
        if (states.isEmpty()) return List.of();
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return summaries("SELECT r.run_id FROM offboarding_runs r WHERE r.state IN (" + in + ")"
                + " ORDER BY r.created_utc DESC, r.run_id");
    }

    /** The run with its plan and the last state of each step. */
    public Optional<RunSnapshot> load(String runId) {
        return loadRun(runId).map(r -> Progress.snapshot(r, r.state(), null));
    }

    /** How many step transitions were journalled for a run (tests and the crash harness watch it grow). */
    public synchronized long transitionCount(String runId) {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM offboarding_transitions WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("count the transitions of run " + runId, e);
        }
    }

    /** The transitions of a run as "stepId FROM>TO phase", oldest first; for tests and diagnostics. */
    public synchronized List<String> transitions(String runId) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT step_id, from_status, to_status, phase FROM offboarding_transitions"
                + " WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + ">" + rs.getString(3) + " " + rs.getString(4));
            }
        } catch (SQLException e) {
            throw failure("read the transitions of run " + runId, e);
        }
        return out;
    }

    synchronized Optional<JournalRun> loadRun(String runId) {
        try {
            String plan;
            JournalRun header;
            try (PreparedStatement ps = db.prepareStatement("SELECT state, plan_json, created_utc, scheduled_utc, operator,"
                    + " machine, channel, note FROM offboarding_runs WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    plan = rs.getString(2);
                    header = new JournalRun(runId, RunState.valueOf(rs.getString(1)), null, List.of(),
                            Instant.parse(rs.getString(3)), instant(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8));
                }
            }
            List<JournalStep> steps = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT step_id, status, detail, failures_json, attempts,"
                    + " updated_utc, reference, call_started_utc, job_json FROM offboarding_steps WHERE run_id = ? ORDER BY position")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> failures = OffboardingJson.GSON.fromJson(rs.getString(4), FAILURES);
                        StepState state = new StepState(rs.getString(1), StepStatus.valueOf(rs.getString(2)), rs.getString(3),
                                failures, rs.getInt(5), Instant.parse(rs.getString(6)), rs.getString(7));
                        String job = rs.getString(9);
                        steps.add(new JournalStep(state, instant(rs.getString(8)),
                                job == null ? null : OffboardingJson.GSON.fromJson(job, BundleJob.class)));
                    }
                }
            }
            OffboardingPlan parsed = OffboardingJson.GSON.fromJson(plan, OffboardingPlan.class);
            return Optional.of(new JournalRun(runId, header.state(), parsed, steps, header.createdAt(), header.scheduledAt(),
                    header.operator(), header.machine(), header.channel(), header.note()));
        } catch (SQLException | RuntimeException e) {
            throw failure("read run " + runId, e);
        }
    }

    /** Journals a new run and all its steps as PENDING, in one transaction. */
    synchronized void createRun(String runId, OffboardingPlan plan, RunState state, Operator operator, String channel,
                                Instant now, Instant scheduledAt) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement run = db.prepareStatement("INSERT INTO offboarding_runs (run_id, state, plan_json, people,"
                    + " reference, operator, machine, channel, created_utc, scheduled_utc, updated_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement step = db.prepareStatement("INSERT INTO offboarding_steps (run_id, step_id, position, status,"
                         + " detail, failures_json, attempts, updated_utc, reference) VALUES (?,?,?,?,?,?,?,?,?)")) {
                run.setString(1, runId);
                run.setString(2, state.name());
                run.setString(3, OffboardingJson.GSON.toJson(plan));
                run.setString(4, plan.people().stream().map(PlanPerson::email).collect(Collectors.joining("\n")));
                run.setString(5, plan.reference());
                run.setString(6, operator.name());
                run.setString(7, operator.machine());
                run.setString(8, channel);
                run.setString(9, now.toString());
                run.setString(10, scheduledAt == null ? null : scheduledAt.toString());
                run.setString(11, now.toString());
                run.executeUpdate();
                int position = 0;
                for (PlanStep s : plan.steps()) {
                    step.setString(1, runId);
                    step.setString(2, s.id());
                    step.setInt(3, position++);
                    step.setString(4, StepStatus.PENDING.name());
                    step.setString(5, "");
                    step.setString(6, "[]");
                    step.setInt(7, 0);
                    step.setString(8, now.toString());
                    step.setString(9, "");
                    step.addBatch();
                }
                step.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("journal the new run " + runId, e);
        } finally {
            autoCommit();
        }
    }

    /**
     * Records a step's new state and the transition that led to it, in one transaction, durable on return.
     *
     * @param phase         why it changed: before-call, after-call, verify, poll, operator, resume
     * @param callStartedAt the start of the call being made (kept when null)
     * @param job           the queued provider job (kept when null)
     */
    synchronized void transition(String runId, StepStatus from, StepState to, String phase, Instant callStartedAt, BundleJob job) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement up = db.prepareStatement("UPDATE offboarding_steps SET status = ?, detail = ?, failures_json = ?,"
                    + " attempts = ?, updated_utc = ?, reference = ?, call_started_utc = COALESCE(?, call_started_utc),"
                    + " job_json = COALESCE(?, job_json) WHERE run_id = ? AND step_id = ?");
                 PreparedStatement tr = db.prepareStatement("INSERT INTO offboarding_transitions (run_id, step_id, phase,"
                         + " from_status, to_status, detail, at_utc) VALUES (?,?,?,?,?,?,?)")) {
                up.setString(1, to.status().name());
                up.setString(2, to.detail());
                up.setString(3, OffboardingJson.GSON.toJson(to.failures()));
                up.setInt(4, to.attempts());
                up.setString(5, to.updatedAt().toString());
                up.setString(6, to.reference());
                up.setString(7, callStartedAt == null ? null : callStartedAt.toString());
                up.setString(8, job == null ? null : OffboardingJson.GSON.toJson(job));
                up.setString(9, runId);
                up.setString(10, to.stepId());
                if (up.executeUpdate() != 1) throw new SQLException("no step " + to.stepId() + " in run " + runId);
                tr.setString(1, runId);
                tr.setString(2, to.stepId());
                tr.setString(3, phase);
                tr.setString(4, from.name());
                tr.setString(5, to.status().name());
                tr.setString(6, to.detail());
                tr.setString(7, to.updatedAt().toString());
                tr.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("journal step " + to.stepId() + " of run " + runId, e);
        } finally {
            autoCommit();
        }
    }

    synchronized void setRunState(String runId, RunState state, String note, Instant now) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE offboarding_runs SET state = ?, updated_utc = ?,"
                + " note = COALESCE(?, note) WHERE run_id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, now.toString());
            ps.setString(3, note);
            ps.setString(4, runId);
            if (ps.executeUpdate() != 1) throw new SQLException("no run " + runId);
        } catch (SQLException e) {
            throw failure("journal the state of run " + runId, e);
        }
    }

    private List<RunSummary> summaries(String idQuery) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(idQuery); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getString(1));
        } catch (SQLException e) {
            throw failure("list the runs", e);
        }
        List<RunSummary> out = new ArrayList<>();
        for (String id : ids) {
            loadRun(id).ifPresent(r -> out.add(Progress.summary(r)));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // The failure that led here is the one reported.
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Next use reports it.
        }
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }

    private JournalException failure(String what, Exception e) {
        return new JournalException("Could not " + what + " in " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // Closing; nothing left to protect.
        }
    }

    static final Set<RunState> OPEN = EnumSet.of(RunState.RUNNING, RunState.NEEDS_ATTENTION, RunState.INTERRUPTED);
}
