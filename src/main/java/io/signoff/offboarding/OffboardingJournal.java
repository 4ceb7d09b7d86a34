package io.signoff.offboarding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of offboarding runs, in the same SQLite file as the audit trail (own tables, own schema version).
 * Each step's state is written before a provider call (RUNNING, with the time the call starts) and after it, each
 * write committed before the call is made or the next step starts, so a run can be resumed after a crash or kill
 * without repeating a call blindly.
 */
public final class OffboardingJournal implements AutoCloseable {

    private OffboardingJournal() { }

    /** Opens (creating or migrating) the journal tables in {@code databaseFile}, the audit store's file. */
    public static OffboardingJournal open(Path databaseFile) {
        throw new UnsupportedOperationException("not yet");
    }

    public Path file() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every run, newest first. */
    public List<RunSummary> runs() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The run with its plan and the last state of each step. */
    public Optional<RunSnapshot> load(String runId) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
