package io.signoff.offboarding;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.Connection;
import io.signoff.model.RequestOptions;
import io.signoff.simulator.SimCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The console's offboarding engine in a process of its own, for the crash test: finds Jane on a simulator running in
 * the test's JVM, builds the standard plan and runs it, auditing and journalling to the given database file. The test kills this
 * process (kill -9) at a moment of its choosing.
 *
 * <p>Arguments: simulator root URL, Cloudflare account id, database file, and optionally {@code hold}: then, once the
 * run has settled (it waits for an attestation), the process prints {@link #HOLDING} and the run id and keeps the run
 * open, as a console left open does, until it is killed.
 */
public final class CrashRunMain {
    static final String HOLDING = "holding run ";

    private CrashRunMain() { }

    public static void main(String[] args) throws Exception {
        URI root = URI.create(args[0]);
        String cloudflareAccount = args[1];
        Path database = Path.of(args[2]);
        List<Connection> connections = SimHarness.connections(root, SimCredentials.demo(), cloudflareAccount, options());
        ProviderLookup providers = SimHarness.lookup(connections, SimCredentials.demo());
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        try (SqliteAuditStore store = SqliteAuditStore.open(database);
             OffboardingJournal journal = OffboardingJournal.openBeside(store)) {
            AuditWriter audit = AuditWriter.of(store);
            OffboardingTarget jane = new TargetFinder(() -> connections, providers).find(SimHarness.JANE, Set.of());
            OffboardingPlan plan = new PlanBuilder(Clock.systemUTC()).build(List.of(jane), CrashTest.options(jane));
            OffboardingRunner runner = new OffboardingRunner(journal, providers, audit, SimHarness.OPERATOR, "cli",
                    CrashTest.settings(), Clock.systemUTC(), timer);
            RunSnapshot run = runner.start(plan, null);
            runner.awaitSettled(run.runId(), Duration.ofMinutes(2));
            if (args.length > 3 && args[3].equals("hold")) {
                System.out.println(HOLDING + run.runId());
                Thread.sleep(Long.MAX_VALUE);
            }
            runner.close();
        } finally {
            timer.shutdownNow();
        }
    }

    static RequestOptions options() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20))
                .withRateBudgetPerMinute(6000);
    }
}
