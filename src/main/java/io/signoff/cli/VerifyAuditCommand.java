package io.signoff.cli;

import io.signoff.audit.AuditStoreException;
import io.signoff.audit.ChainStatus;
import io.signoff.audit.SqliteAuditStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signoff verify-audit}: walks the hash chain and says whether any row was changed, removed or reordered. */
@Command(name = "verify-audit",
        mixinStandardHelpOptions = true,
        description = "Check the audit trail's hash chain: report the first row that does not match, or OK with"
                + " the row count and head hash.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the chain is intact", "1:the chain is broken, or the trail could not be read",
            "2:bad command line"})
public final class VerifyAuditCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyAuditCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Audit directory (default: the OS data directory).")
    Path dataDir;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path file = AuditCommandSupport.auditFile(spec, dataDir);
        String missing = AuditCommandSupport.missingFileMessage(file);
        if (missing != null) {
            stderr.println("verify-audit: " + missing);
            return 1;
        }
        try (SqliteAuditStore store = SqliteAuditStore.open(file)) {
            ChainStatus status = store.verify();
            if (status instanceof ChainStatus.Intact ok) {
                stdout.println("Audit chain OK: " + ok.rowCount() + " rows, head hash " + ok.headHash() + " (" + file + ")");
                return 0;
            }
            ChainStatus.Broken broken = (ChainStatus.Broken) status;
            stderr.println("Audit chain BROKEN at sequence " + broken.sequence() + ": " + broken.reason() + " (" + file + ")");
            return 1;
        } catch (AuditStoreException e) {
            LOG.debug("verify-audit failed", e);
            stderr.println("verify-audit: " + e.getMessage());
            return 1;
        }
    }
}
