package io.signoff.cli;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.ProviderKind;
import io.signoff.settings.AppDirectories;
import io.signoff.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** What the audit commands share: finding the audit file, and provider names on the command line. */
final class AuditCommandSupport {
    private AuditCommandSupport() { }

    /**
     * The audit file: the command's own --data-dir, else the one given before the command
     * ({@code signoff --data-dir X verify-audit}), else the OS data directory.
     */
    static Path auditFile(CommandSpec spec, Path ownDataDir) {
        Path dataDir = ownDataDir != null ? ownDataDir : beforeTheCommand(spec, "--data-dir");
        return SqliteAuditStore.fileIn(AppDirectories.resolve(null, dataDir).data());
    }

    /**
     * The operator name set in the console's settings (the command's own --config-dir, else one given before the
     * command, else the OS config directory), or null when none is set. The settings are only read: no keychain, and
     * nothing written or moved, whoever runs the cron job.
     */
    static String operatorName(CommandSpec spec, Path ownConfigDir) {
        Path configDir = ownConfigDir != null ? ownConfigDir : beforeTheCommand(spec, "--config-dir");
        return SettingsStore.readPreferences(AppDirectories.resolve(configDir, null).config()).operatorName();
    }

    private static Path beforeTheCommand(CommandSpec spec, String option) {
        for (CommandSpec p = spec.parent(); p != null; p = p.parent()) {
            OptionSpec given = p.findOption(option);
            if (given != null && given.getValue() != null) return given.getValue();
        }
        return null;
    }

    /** Null when the file exists; otherwise the message to print. */
    static String missingFileMessage(Path file) {
        if (Files.isRegularFile(file)) return null;
        return "No audit trail at " + file + ": nothing has been recorded on this machine yet,"
                + " or --data-dir points elsewhere";
    }

    /** Accepts cipp, slack, cloudflare, scim (any case) with picocli's error format for anything else. */
    static final class ProviderConverter implements ITypeConverter<ProviderKind> {
        @Override
        public ProviderKind convert(String value) {
            try {
                return ProviderKind.fromSlug(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
