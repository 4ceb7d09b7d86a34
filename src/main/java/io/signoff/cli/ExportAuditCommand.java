package io.signoff.cli;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditExportException;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditStoreException;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.ExportResult;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code signoff export-audit}: the audit trail, or the part a filter selects, as CSV plus a manifest. For cron jobs. */
@Command(name = "export-audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Export audit rows as CSV (RFC 4180, UTF-8, oldest first).",
            "Beside it, FILE.manifest.json records the filter, row count, sequence range, chain head hash",
            "and the SHA-256 of the CSV. Nothing is left behind if the export fails."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported (also when no row matched: the file then has the header only)",
            "1:failed (the message says why)", "2:bad command line"})
public final class ExportAuditCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportAuditCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write (replaced if it exists).")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", converter = AuditDates.From.class,
            description = "Rows at or after DATE: yyyy-MM-dd (UTC day) or an ISO-8601 instant.")
    Instant from;

    @Option(names = "--to", paramLabel = "DATE", converter = AuditDates.To.class,
            description = "Rows before DATE; a yyyy-MM-dd day is included whole.")
    Instant to;

    @Option(names = "--provider", paramLabel = "P", converter = AuditCommandSupport.ProviderConverter.class,
            description = "cipp, slack, cloudflare or scim.")
    ProviderKind provider;

    @Option(names = "--tenant", paramLabel = "T", description = "Tenant as recorded (e.g. contoso.onmicrosoft.com).")
    String tenant;

    @Option(names = "--outcome", paramLabel = "O",
            description = "attempted, succeeded, failed, unknown, verified or attested.")
    Outcome outcome;

    @Option(names = "--bom", description = "Start the file with a UTF-8 byte order mark (for Excel).")
    boolean bom;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Audit directory (default: the OS data directory).")
    Path dataDir;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Settings directory whose operator name the export's own audit row records"
                    + " (default: the OS config directory).")
    Path configDir;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ParameterException(spec.commandLine(), "--to (" + to + ") must be after --from (" + from + ")");
        }
        Path file = AuditCommandSupport.auditFile(spec, dataDir);
        String missing = AuditCommandSupport.missingFileMessage(file);
        if (missing != null) {
            stderr.println("export-audit: " + missing);
            return 1;
        }
        AuditFilter filter = new AuditFilter(from, to, provider, tenant, null, null, outcome, null);
        try (SqliteAuditStore store = SqliteAuditStore.open(file)) {
            AuditCsvExporter exporter = new AuditCsvExporter(store, "Signoff " + BuildInfo.load().version(), Clock.systemUTC());
            ExportResult r = exporter.exportRecorded(filter, out, bom, ExportProgress.NONE,
                    OperatorIdentity.current(AuditCommandSupport.operatorName(spec, configDir))
                            .event("cli", AuditCsvExporter.EXPORT_ACTION));
            if (r.empty()) {
                stdout.println("No audit rows match the filter: wrote " + r.csv() + " with the header row only.");
            } else {
                stdout.println("Exported " + r.rowCount() + " rows (sequence " + r.firstSequence() + " to "
                        + r.lastSequence() + ") to " + r.csv());
            }
            stdout.println("Manifest: " + r.manifest() + " (CSV SHA-256 " + r.sha256() + ")");
            return 0;
        } catch (AuditExportException | AuditStoreException e) {
            LOG.debug("export-audit failed", e);
            stderr.println("export-audit: " + e.getMessage());
            return 1;
        }
    }
}
