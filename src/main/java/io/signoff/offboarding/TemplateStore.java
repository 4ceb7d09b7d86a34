package io.signoff.offboarding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Named option templates as JSON files in {@code <config>/templates/}, one file per template, written atomically
 * (temporary file + move). A template names its tenant or applies everywhere.
 */
public final class TemplateStore {
    private final Path directory;

    /** @param configDirectory the app's config directory ({@code AppDirectories.config()}) */
    public TemplateStore(Path configDirectory) {
        this.directory = configDirectory.resolve("templates");
    }

    public Path directory() { return directory; }

    /** Saves (or replaces) the template of that name and returns it as stored. */
    public OptionsTemplate save(OptionsTemplate template) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every template, sorted by name. Unreadable files are skipped and logged. */
    public List<OptionsTemplate> list() throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The templates for a tenant: its own and those that apply everywhere. */
    public List<OptionsTemplate> list(String tenant) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<OptionsTemplate> load(String name) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** @return true when a template of that name existed */
    public boolean delete(String name) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
