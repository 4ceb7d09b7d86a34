package io.signoff.offboarding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker per run across every Signoff on this computer: a console, a second console, the command line and a
 * console's scheduler all share one journal, and two of them working the same run would call the same destructive
 * steps twice. A run is worked on only under an operating-system lock on a file of its own; the system drops the lock
 * when the holder ends, however it ends (kill -9 included), so a crashed run can be resumed at once.
 *
 * <p>A take is not re-entrant: whoever took a run's lock lets it go, and a second take, from this process too, is
 * refused. The holder writes who it is into the file, so the one refused can say where the run is open.
 *
 * <p>Within one JVM every open of a lock file goes through one registry under one monitor: on some systems (Linux)
 * closing any channel on a file drops every lock this JVM holds on it, so a file held here is never opened again.
 */
final class RunLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLocks.class);
    /** Locked past the holder's note, so the note stays readable where locks are mandatory (Windows). */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int PROBE_RETRIES = 4;
    private static final long PROBE_PAUSE_MS = 25;
    /** Every lock file held in this JVM, by absolute path, with the RunLocks that holds it. Guarded by the class. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private record Held(RunLocks owner, FileLock lock, String note) { }

    private final Path dir;
    private final String holder;

    /**
     * @param dir    the folder of the lock files (beside the journal)
     * @param holder who this process is, for the note ("a console of jdoe")
     */
    RunLocks(Path dir, String holder) {
        this.dir = dir.toAbsolutePath().normalize();
        this.holder = holder;
    }

    /** Lock files beside the journal's database file. */
    static Path beside(Path journalFile) {
        return journalFile.resolveSibling(journalFile.getFileName() + ".run-locks");
    }

    /**
     * Takes the run's lock.
     *
     * @throws RunBusyException when anyone holds it already: another Signoff, another runner in this process, or this
     *                          one (the run is being worked on here)
     */
    void acquire(String runId) {
        Path file = file(runId);
        synchronized (RunLocks.class) {
            Held here = HELD.get(file);
            if (here != null && here.owner() == this) {
                throw new RunBusyException("Run " + runId + " is being started or changed here already: wait a moment and"
                        + " try again. Nothing was done.");
            }
            if (here != null) throw RunBusyException.elsewhere(runId, here.note());
            FileChannel channel = null;
            try {
                Files.createDirectories(dir);
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock(LOCK_POSITION, 1, false);
                // Another console's look at the runs list takes the lock for an instant: not a reason to refuse.
                for (int retry = 0; lock == null && retry < PROBE_RETRIES; retry++) {
                    Thread.sleep(PROBE_PAUSE_MS);
                    lock = channel.tryLock(LOCK_POSITION, 1, false);
                }
                if (lock == null) {
                    String note = readNote(file);
                    channel.close(); // nothing of ours is locked on this file: closing drops nothing
                    throw RunBusyException.elsewhere(runId, note);
                }
                String note = holder + ", process " + ProcessHandle.current().pid() + ", since " + Instant.now();
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(false);
                HELD.put(file, new Held(this, lock, note));
            } catch (IOException e) {
                closeQuietly(channel);
                throw new JournalException("Cannot take the lock of run " + runId + " in " + dir + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                closeQuietly(channel);
                Thread.currentThread().interrupt();
                throw new RunBusyException("Taking run " + runId + " was interrupted. Nothing was done.");
            }
        }
    }

    /** True when someone other than this RunLocks holds the run's lock now: another process, or another runner here. */
    boolean heldElsewhere(String runId) {
        Path file = file(runId);
        synchronized (RunLocks.class) {
            Held here = HELD.get(file);
            if (here != null) return here.owner() != this;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                FileLock probe = channel.tryLock(LOCK_POSITION, 1, false);
                if (probe == null) return true;
                probe.release();
                return false;
            } catch (NoSuchFileException never) {
                return false;
            } catch (IOException e) {
                LOG.debug("Cannot probe the lock of run {}: {}", runId, e.toString());
                return false;
            }
        }
    }

    /**
     * Lets a run go that this RunLocks took. The lock file of a run that is over (finished, cancelled) is removed: one
     * who opened the old file just before may still lock it, but then finds the run over and does nothing.
     */
    void release(String runId, boolean over) {
        Path file = file(runId);
        synchronized (RunLocks.class) {
            Held here = HELD.get(file);
            if (here == null || here.owner() != this) return;
            HELD.remove(file);
            try {
                if (over) Files.deleteIfExists(file);
                here.lock().channel().close(); // drops the lock
            } catch (IOException e) {
                LOG.warn("Could not let go of the lock of run {} ({}): the operating system drops it when Signoff ends",
                        runId, e.toString());
            }
        }
    }

    @Override
    public void close() {
        synchronized (RunLocks.class) {
            HELD.entrySet().removeIf(e -> {
                if (e.getValue().owner() != this) return false;
                try {
                    e.getValue().lock().channel().close();
                } catch (IOException ex) {
                    LOG.warn("Could not let go of a run lock ({}): the operating system drops it when Signoff ends", ex.toString());
                }
                return true;
            });
        }
    }

    private Path file(String runId) {
        if (!RUN_ID.matcher(runId).matches()) throw new IllegalArgumentException("Not a run id: " + runId);
        return dir.resolve(runId + ".lock");
    }

    private static String readNote(Path file) {
        try {
            String note = Files.readString(file, StandardCharsets.UTF_8).strip();
            return note.isEmpty() ? null : note;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one reported
        }
    }

    /** The run is being worked on elsewhere; the message says where and what to do. */
    static final class RunBusyException extends IllegalStateException {
        RunBusyException(String message) {
            super(message);
        }

        static RunBusyException elsewhere(String runId, String holderNote) {
            return new RunBusyException("Run " + runId + " is open in another Signoff on this computer"
                    + (holderNote == null ? "" : " (" + holderNote + ")")
                    + ": act on it there, or close that one first. Nothing was done here.");
        }
    }
}
