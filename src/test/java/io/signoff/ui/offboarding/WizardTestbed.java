package io.signoff.ui.offboarding;

import io.signoff.audit.SqliteAuditStore;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.TenantsController;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.Operator;
import io.signoff.offboarding.Pacing;
import io.signoff.offboarding.RunnerSettings;
import io.signoff.offboarding.SimHarness;
import io.signoff.offboarding.TemplateStore;
import io.signoff.provider.ProviderException;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.testing.SimulatedConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The wizard's real collaborators on the demo simulator over loopback HTTP: provider clients, the Users view's lookup
 * controller, the offboarding controller with its journal in the audit store's SQLite file, templates on disk. Short
 * polling so a run takes seconds.
 */
final class WizardTestbed implements AutoCloseable {
    private final SimulatedConnections sim;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "wizard-test-timer");
        t.setDaemon(true);
        return t;
    });
    private final SqliteAuditStore auditStore;
    private final OffboardingJournal journal;
    private final OffboardingController controller;
    private final LookupController lookup;
    private final SimHarness.RecordingAudit audit;

    private WizardTestbed(Path dir) throws IOException {
        sim = SimulatedConnections.start();
        ((CippSimulator) sim.simulator().api(ProviderKind.CIPP)).jobTiming(Duration.ZERO, Duration.ofMillis(200));
        ProviderPool pool = new ProviderPool(sim::connections, sim.providers(), sim.secrets());
        lookup = new LookupController(new TenantsController(pool, sim.executor()), sim.executor());
        auditStore = SqliteAuditStore.open(SqliteAuditStore.fileIn(dir));
        journal = OffboardingJournal.openBeside(auditStore);
        audit = new SimHarness.RecordingAudit(AuditWriter.of(auditStore));
        RunnerSettings settings = RunnerSettings.defaults().withPacing(Pacing.none())
                .withJobPolling(Duration.ofMillis(150), Duration.ofMinutes(1))
                .withVerification(5, Duration.ofMillis(150));
        OffboardingServices services = new OffboardingServices(sim::connections, id -> {
            try {
                return pool.provider(sim.connection(id));
            } catch (ProviderPool.NotConnectedException | java.util.NoSuchElementException e) {
                throw ProviderException.of(ErrorKind.UNSUPPORTED, "no usable connection " + id).build();
            }
        }, journal, audit, new TemplateStore(dir.resolve("config")), new Operator("tester", "test-host"), settings, Clock.systemUTC(), timer);
        controller = new OffboardingController(services, sim.executor(), "ui");
    }

    static WizardTestbed start(Path dir) throws IOException {
        return new WizardTestbed(dir);
    }

    /** The wizard with a fixed file for CSV export (and no CSV to import). */
    OffboardingView view(Path exportTo) {
        FileDialogs files = new FileDialogs() {
            @Override public Optional<Path> openCsv(javafx.scene.Node owner) { return Optional.empty(); }

            @Override public Optional<Path> saveCsv(javafx.scene.Node owner, String suggestedName) { return Optional.of(exportTo); }
        };
        return new OffboardingView(controller, lookup, sim::connections, files, Clock.systemDefaultZone());
    }

    OffboardingController controller() { return controller; }

    /** State changes the simulated providers made so far. */
    long simulatorWrites() {
        return sim.simulator().calls().effectCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Audit rows this testbed wrote for the run. */
    long auditRows(String runId) {
        return audit.events.stream().filter(e -> runId.equals(e.runId())).count();
    }

    /** Whether the audit store's hash chain still verifies. */
    boolean auditChainIntact() {
        return auditStore.verify().ok();
    }

    @Override
    public void close() {
        controller.close();
        journal.close();
        auditStore.close();
        timer.shutdownNow();
        sim.close();
    }
}
