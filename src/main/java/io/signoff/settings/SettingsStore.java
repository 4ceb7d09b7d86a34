package io.signoff.settings;

import com.google.gson.JsonObject;
import io.signoff.model.Connection;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.SecretNames;
import io.signoff.vault.VaultException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections (never a secret) and preferences in {@code settings.json} in the config directory.
 *
 * <p>Every change is written at once and atomically (a temp file in the same directory, flushed, then moved over the
 * old one), so a crash leaves the old or the new file, never half of one. A file that is not valid settings is moved
 * aside to {@code settings.json.corrupt-<UTC timestamp>} and reported; a file that cannot be read is reported and
 * never written over. Keys and connections of a newer version are kept on rewrite. Thread-safe.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Path file;
    private final ConnectionSecrets secrets;
    private final List<String> loadProblems = new ArrayList<>();
    private List<Connection> connections = List.of();
    private List<JsonObject> keptAsIs = List.of();
    private Preferences preferences = Preferences.defaults();
    private JsonObject lastTree;
    /** Non-null when the file on disk could not be read: then nothing is written over it. */
    private String readOnlyReason;

    /** What removing a connection did. */
    public record Removal(Connection connection, List<String> secretsNotReached) {
        public Removal {
            secretsNotReached = List.copyOf(secretsNotReached);
        }
    }

    private SettingsStore(Path directory, ConnectionSecrets secrets) {
        this.directory = directory.toAbsolutePath();
        this.file = this.directory.resolve(FILE_NAME);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Reads the settings of {@code configDirectory} (see {@link AppDirectories#config()}); never throws for a bad file. */
    public static SettingsStore open(Path configDirectory, ConnectionSecrets secrets) {
        return open(configDirectory, secrets, Clock.systemUTC());
    }

    static SettingsStore open(Path configDirectory, ConnectionSecrets secrets, Clock clock) {
        SettingsStore store = new SettingsStore(configDirectory, secrets);
        store.load(clock);
        return store;
    }

    /**
     * The preferences of {@code configDirectory}, for a command that only needs to know them: nothing is written or
     * moved (a corrupt file is left for the console to set aside), and any problem gives the defaults.
     */
    public static Preferences readPreferences(Path configDirectory) {
        Path file = configDirectory.resolve(FILE_NAME);
        try {
            return SettingsCodec.decode(readText(file)).preferences();
        } catch (NoSuchFileException e) {
            return Preferences.defaults();
        } catch (IOException | SettingsCodec.CorruptSettings e) {
            LOG.warn("The settings file {} could not be read ({}): its preferences are not used", file, e.getMessage());
            return Preferences.defaults();
        }
    }

    public Path file() { return file; }

    /** What went wrong reading the file, in sentences for the operator; empty when all was well. */
    public synchronized List<String> loadProblems() { return List.copyOf(loadProblems); }

    /** True when the file could not be read and Signoff therefore refuses to write over it. */
    public synchronized boolean isReadOnly() { return readOnlyReason != null; }

    public synchronized List<Connection> connections() { return connections; }

    public synchronized Optional<Connection> connection(String id) {
        return connections.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether an id is in use, also by a connection of a kind this version does not know. */
    public synchronized boolean isIdTaken(String id) {
        return connection(id).isPresent()
                || keptAsIs.stream().anyMatch(o -> o.has("id") && id.equals(o.get("id").getAsString()));
    }

    /** Adds the connection, or replaces the one with the same id (a rename keeps the id, so its secrets stay). */
    public synchronized void saveConnection(Connection connection) throws SettingsException {
        List<Connection> next = new ArrayList<>(connections);
        int index = indexOf(connection.id());
        if (index >= 0) next.set(index, connection); else next.add(connection);
        write(List.copyOf(next), preferences);
    }

    /**
     * Deletes the connection's secrets (every secret name of its kind) from the keychain and the session, then the
     * connection itself.
     *
     * @return null when no such connection exists
     * @throws VaultException LOCKED_OR_DENIED: the keychain refused, the connection is kept so nothing is orphaned
     */
    public synchronized Removal removeConnection(String id) throws SettingsException, VaultException {
        int index = indexOf(id);
        if (index < 0) return null;
        requireWritable();
        Connection gone = connections.get(index);
        List<String> notReached = secrets.deleteAll(id, SecretNames.allOf(gone.kind()));
        if (!notReached.isEmpty()) {
            LOG.warn("Connection '{}' removed while the keychain was unreachable; its entries {} may remain under service "
                    + "'Signoff'", id, notReached);
        }
        List<Connection> next = new ArrayList<>(connections);
        next.remove(index);
        write(List.copyOf(next), preferences);
        return new Removal(gone, notReached);
    }

    public synchronized Preferences preferences() { return preferences; }

    public synchronized void updatePreferences(UnaryOperator<Preferences> change) throws SettingsException {
        write(connections, Objects.requireNonNull(change.apply(preferences)));
    }

    private int indexOf(String id) {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).id().equals(id)) return i;
        }
        return -1;
    }

    private void load(Clock clock) {
        String text;
        try {
            text = readText(file);
        } catch (NoSuchFileException e) {
            return; // first start
        } catch (CharacterCodingException e) {
            setAside(clock, "it is not UTF-8 text");
            return;
        } catch (IOException e) {
            readOnlyReason = "The settings file " + file + " could not be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Signoff will not write over it: fix the file's permissions and restart.";
            loadProblems.add(readOnlyReason);
            LOG.warn("{}", readOnlyReason);
            return;
        }
        try {
            SettingsCodec.Decoded decoded = SettingsCodec.decode(text);
            connections = List.copyOf(decoded.connections());
            keptAsIs = List.copyOf(decoded.keptAsIs());
            preferences = decoded.preferences();
            lastTree = decoded.raw();
            loadProblems.addAll(decoded.problems());
            decoded.problems().forEach(p -> LOG.warn("{}: {}", file, p));
        } catch (SettingsCodec.CorruptSettings e) {
            setAside(clock, e.getMessage());
        }
    }

    /** The file as strict UTF-8: a byte that is not UTF-8 is a CharacterCodingException, not a replacement character. */
    private static String readText(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    /** Moves a corrupt file to a timestamped backup so the next write cannot destroy what the operator may need. */
    private void setAside(Clock clock, String why) {
        Path backup = directory.resolve(FILE_NAME + ".corrupt-" + BACKUP_STAMP.format(clock.instant()));
        for (int n = 1; Files.exists(backup); n++) {
            backup = directory.resolve(FILE_NAME + ".corrupt-" + BACKUP_STAMP.format(clock.instant()) + "-" + n);
        }
        try {
            Files.move(file, backup);
            String problem = "The settings file " + file + " was unreadable: " + why + ". It was moved to " + backup
                    + " and Signoff started without connections. Copy what you need back from that file.";
            loadProblems.add(problem);
            LOG.warn("{}", problem);
        } catch (IOException e) {
            readOnlyReason = "The settings file " + file + " is unreadable (" + why + ") and could not be moved aside ("
                    + e.getMessage() + "). Signoff will not write over it: move or fix it, then restart.";
            loadProblems.add(readOnlyReason);
            LOG.warn("{}", readOnlyReason);
        }
    }

    private void requireWritable() throws SettingsException {
        if (readOnlyReason != null) throw new SettingsException(readOnlyReason, null);
    }

    private void write(List<Connection> nextConnections, Preferences nextPreferences) throws SettingsException {
        requireWritable();
        JsonObject tree = SettingsCodec.encode(nextConnections, keptAsIs, nextPreferences, lastTree);
        byte[] bytes = SettingsCodec.toText(tree).getBytes(StandardCharsets.UTF_8);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, FILE_NAME + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true); // on disk before the rename makes it the settings file
            }
            moveIntoPlace(temp);
            temp = null;
        } catch (IOException e) {
            throw new SettingsException("Could not save the settings to " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "). Nothing was changed.", e);
        } finally {
            deleteQuietly(temp);
        }
        connections = nextConnections;
        preferences = nextPreferences;
        lastTree = tree;
    }

    private void moveIntoPlace(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("The file system of {} cannot replace files atomically; replacing it directly", directory);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) return;
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.debug("Could not delete the temp file {}: {}", temp, e.toString());
        }
    }
}
