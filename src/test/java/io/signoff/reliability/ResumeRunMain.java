package io.signoff.reliability;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.Connection;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingRunner;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.RunSummary;
import io.signoff.simulator.SimCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Resumes the one journalled run in a process of its own, so that the crash soak can kill a resume too: the console
 * restarted after a crash and crashing again. Uses the same connections as issue 7's CrashRunMain.
 *
 * <p>Arguments: simulator root URL, Cloudflare account id, database file.
 */
public final class ResumeRunMain {
    private ResumeRunMain() { }

    public static void main(String[] args) throws Exception {
        URI root = URI.create(args[0]);
        List<Connection> connections = OffboardingRig.connections(root, SimCredentials.demo(), args[1],
                CrashSoakTest.childOptions());
        ProviderLookup providers = OffboardingRig.lookup(connections, SimCredentials.demo());
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (SqliteAuditStore store = SqliteAuditStore.open(Path.of(args[2]));
             OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
            OffboardingRunner runner = new OffboardingRunner(journal, providers, AuditWriter.of(store), OffboardingRig.OPERATOR,
                    "ui", OffboardingRig.quickSettings(4), Clock.systemUTC(), timer);
            RunSummary run = journal.runs().get(0);
            runner.resume(run.runId(), null);
            runner.awaitSettled(run.runId(), Duration.ofMinutes(2));
            runner.close();
        } finally {
            timer.shutdownNow();
        }
    }
}
