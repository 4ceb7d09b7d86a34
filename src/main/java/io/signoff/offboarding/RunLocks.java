package io.signoff.offboarding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker per run across every Signoff on this computer: a console, a second console, the command line and a
 * console's scheduler all share one journal, and two of them working the same run would call the same destructive
 * steps twice. A run is worked on only under an operating-system lock on a file of its own; the system drops the lock
 * when the holder ends, however it ends (kill -9 included), so a crashed run can be resumed at once.
 *
 * <p>The holder writes who it is into the file, so the one refused can say where the run is open.
 */
final class RunLocks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLocks.class);
    /** Locked past the holder's note, so the note stays readable where locks are mandatory (Windows). */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path dir;
    private final String holder;
    /** Synchronized on this: two threads of one runner taking the same run must not see each other as another holder. */
    private final Map<String, FileLock> held = new ConcurrentHashMap<>();

    /**
     * @param dir    the folder of the lock files (beside the journal)
     * @param holder who this process is, for the note ("the console", "the command line")
     */
    RunLocks(Path dir, String holder) {
        this.dir = dir;
        this.holder = holder;
    }

    /** Lock files beside the journal's database file. */
    static Path beside(Path journalFile) {
        return journalFile.resolveSibling(journalFile.getFileName() + ".run-locks");
    }

    /**
     * Takes the run's lock, or confirms this process holds it already.
     *
     * @throws RunBusyException when another Signoff (or another runner in this process) holds it
     */
    synchronized void acquire(String runId) {
        if (held.containsKey(runId)) return;
        if (!RUN_ID.matcher(runId).matches()) throw new IllegalArgumentException("Not a run id: " + runId);
        Path file = dir.resolve(runId + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String note = readNote(file);
                channel.close();
                throw new RunBusyException(runId, note);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + ", process " + ProcessHandle.current().pid() + ", since "
                    + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            held.put(runId, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException("Cannot take the lock of run " + runId + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when another process (or another runner in this one) holds the run's lock now. */
    boolean heldElsewhere(String runId) {
        if (held.containsKey(runId) || !RUN_ID.matcher(runId).matches()) return false;
        try (FileChannel channel = FileChannel.open(dir.resolve(runId + ".lock"), StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock(LOCK_POSITION, 1, false);
            if (probe == null) return true;
            probe.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        } catch (java.nio.file.NoSuchFileException never) {
            return false;
        } catch (IOException e) {
            LOG.debug("Cannot probe the lock of run {}: {}", runId, e.toString());
            return false;
        }
    }

    /**
     * Lets the run go. The lock file of a run that is over (finished, cancelled) is removed: one who opened the old file
     * just before may still lock it, but then finds the run over and does nothing.
     */
    synchronized void release(String runId, boolean finished) {
        FileLock lock = held.remove(runId);
        if (lock == null) return;
        Path file = dir.resolve(runId + ".lock");
        try {
            if (finished) Files.deleteIfExists(file);
            lock.channel().close(); // drops the lock
        } catch (IOException e) {
            LOG.warn("Could not let go of the lock of run {} ({}): the operating system drops it when Signoff ends",
                    runId, e.toString());
        }
    }

    @Override
    public void close() {
        for (String runId : held.keySet()) release(runId, false);
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
        RunBusyException(String runId, String holderNote) {
            super("Run " + runId + " is open in another Signoff on this computer"
                    + (holderNote == null ? "" : " (" + holderNote + ")")
                    + ": act on it there, or close that one first. Nothing was done here.");
        }
    }
}
