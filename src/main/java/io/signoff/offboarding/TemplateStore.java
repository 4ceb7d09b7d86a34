package io.signoff.offboarding;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named option templates as JSON files in {@code <config>/templates/}, one file per template, written atomically
 * (temporary file + move). Names are unique regardless of case. A template names its tenant or applies everywhere.
 */
public final class TemplateStore {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);
    private final Path directory;
    private final Clock clock;

    /** @param configDirectory the app's config directory ({@code AppDirectories.config()}) */
    public TemplateStore(Path configDirectory) {
        this(configDirectory, Clock.systemUTC());
    }

    public TemplateStore(Path configDirectory, Clock clock) {
        this.directory = configDirectory.resolve("templates");
        this.clock = clock;
    }

    public Path directory() { return directory; }

    /** Saves (or replaces) the template of that name and returns it as stored. */
    public OptionsTemplate save(OptionsTemplate template) throws IOException {
        OptionsTemplate stored = new OptionsTemplate(template.name(), template.tenant(), template.options(), clock.instant());
        AtomicFiles.write(fileFor(stored.name()), out -> OffboardingJson.PRETTY.toJson(stored, out));
        return stored;
    }

    /** Every template, sorted by name. Unreadable files are skipped and logged. */
    public List<OptionsTemplate> list() throws IOException {
        List<OptionsTemplate> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                read(file).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The templates for a tenant: its own and those that apply everywhere. */
    public List<OptionsTemplate> list(String tenant) throws IOException {
        return list().stream().filter(t -> t.appliesTo(tenant)).toList();
    }

    public Optional<OptionsTemplate> load(String name) throws IOException {
        return read(fileFor(name)).filter(t -> t.name().equalsIgnoreCase(name.strip()));
    }

    /** @return true when a template of that name existed */
    public boolean delete(String name) throws IOException {
        return Files.deleteIfExists(fileFor(name));
    }

    private Optional<OptionsTemplate> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            OptionsTemplate t = OffboardingJson.GSON.fromJson(in, OptionsTemplate.class);
            return Optional.ofNullable(t);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipping unreadable offboarding template {}: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A readable slug plus a hash of the lower-cased name: any name maps to one safe file name. */
    private Path fileFor(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        String slug = key.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) slug = slug.substring(0, 40);
        return directory.resolve((slug.isEmpty() ? "template" : slug) + "-" + hash(key) + ".json");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
