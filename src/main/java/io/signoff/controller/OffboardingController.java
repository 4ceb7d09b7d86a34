package io.signoff.controller;

import io.signoff.offboarding.BundleOption;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.EmailCsv;
import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingRunner;
import io.signoff.offboarding.OffboardingScheduler;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.PlanBuilder;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunReport;
import io.signoff.offboarding.RunReports;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.RunSummary;
import io.signoff.offboarding.StepState;
import io.signoff.offboarding.TargetFinder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The offboarding use cases the wizard and the CLI drive: find the people, suggest options, preview the plan, run,
 * resume, retry, skip, attest, schedule, list runs, templates and the report. Plain Java: every call that touches a
 * provider, the journal or a file returns a {@link CompletableFuture} completed on the injected executor; run updates
 * arrive through {@link RunListener}s on the runner's threads. Failures complete the future exceptionally with a
 * message meant for the operator (IllegalArgumentException / IllegalStateException / UncheckedIOException).
 */
public final class OffboardingController implements AutoCloseable {
    private final OffboardingServices services;
    private final Executor executor;
    private final TargetFinder finder;
    private final PlanBuilder planBuilder;
    private final OffboardingRunner runner;
    private final OffboardingScheduler scheduler;
    private final EmailCsv csv = new EmailCsv();
    private final LookupTargets lookupTargets;

    /**
     * @param executor where searches, file and journal work run (never the caller's UI thread)
     * @param channel  "ui" or "cli": written to every audit row and journalled with the run
     */
    public OffboardingController(OffboardingServices services, Executor executor, String channel) {
        this(services, null, executor, channel);
    }

    /**
     * With the console's person lookup: people are found by its parallel fan-out (aliases followed up), as the Users
     * view finds them.
     *
     * @param lookup issue 5's person search; null = the engine's own {@link TargetFinder}
     */
    public OffboardingController(OffboardingServices services, LookupController lookup, Executor executor, String channel) {
        this.services = Objects.requireNonNull(services, "services");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.finder = new TargetFinder(services.connections(), services.providers());
        this.planBuilder = new PlanBuilder(services.clock());
        this.runner = new OffboardingRunner(services.journal(), services.providers(), services.audit(), services.operator(),
                Objects.requireNonNull(channel, "channel"), services.settings(), services.clock(), services.timer());
        this.scheduler = new OffboardingScheduler(services.journal(), runner, services.settings(), services.clock(),
                services.timer());
        this.lookupTargets = lookup == null ? null : new LookupTargets(lookup, services.providers(), executor);
    }

    // ---- people ----

    /** Searches every connection in scope (all when {@code connectionIds} is empty) for one address. */
    public CompletableFuture<OffboardingTarget> findTarget(String email, Set<String> connectionIds) {
        if (lookupTargets != null) return lookupTargets.find(List.of(email), connectionIds, null).thenApply(list -> list.get(0));
        return async(() -> finder.find(email, connectionIds));
    }

    /** Bulk: searches each address in turn; {@code eachFound} is told as each person is done (for a progress view). */
    public CompletableFuture<List<OffboardingTarget>> findTargets(List<String> emails, Set<String> connectionIds,
                                                                  Consumer<OffboardingTarget> eachFound) {
        if (lookupTargets != null) return lookupTargets.find(emails, connectionIds, eachFound);
        return async(() -> finder.findAll(emails, connectionIds, eachFound));
    }

    /** Reads a CSV of addresses (one per row); bad rows come back with their reasons. */
    public CompletableFuture<EmailImport> importCsv(Path file) {
        return async(() -> {
            try {
                return csv.read(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }

    /** As {@link #importCsv(Path)}, from text already in hand (paste, tests). */
    public EmailImport importCsv(Reader reader) {
        try {
            return csv.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    // ---- options and plan ----

    /** Pre-selected options for the people found, from each connection's capabilities and tenant defaults. */
    public OffboardingOptions suggestedOptions(List<OffboardingTarget> targets) {
        return PlanBuilder.suggestedOptions(targets);
    }

    /** The options a provider job (CIPP ExecOffboardUser) offers, in run order, for the options page. */
    public List<BundleOption> bundleOptions() {
        return BundleOptions.ALL;
    }

    /** The ordered checklist and guardrails; nothing is called. */
    public OffboardingPlan preview(List<OffboardingTarget> targets, OffboardingOptions options) {
        return planBuilder.build(targets, options);
    }

    // ---- runs ----

    /** Starts the plan now. Completes once the run is journalled and started (not when it finishes). */
    public CompletableFuture<RunSnapshot> run(OffboardingPlan plan, RunListener listener) {
        return async(() -> runner.start(plan, listener));
    }

    /** Continues an interrupted / unfinished run; unknown outcomes are verified by a read first. */
    public CompletableFuture<RunSnapshot> resume(String runId, RunListener listener) {
        return async(() -> runner.resume(runId, listener));
    }

    public CompletableFuture<StepState> retry(String runId, String stepId) {
        return async(() -> runner.retry(runId, stepId));
    }

    public CompletableFuture<StepState> skip(String runId, String stepId, String reason) {
        return async(() -> runner.skip(runId, stepId, reason));
    }

    public CompletableFuture<StepState> attest(String runId, String stepId, String note) {
        return async(() -> runner.attest(runId, stepId, note));
    }

    public Optional<RunSnapshot> snapshot(String runId) {
        return runner.snapshot(runId);
    }

    /**
     * Blocks until the run has nothing left to do on its own (finished, or waiting for the operator with nothing in
     * flight) or {@code timeout} passes, and returns the run as it then stands. For the command line, which has no
     * window to keep the run on screen.
     */
    public RunSnapshot awaitSettled(String runId, java.time.Duration timeout) throws InterruptedException {
        return runner.awaitSettled(runId, timeout);
    }

    public void addListener(String runId, RunListener listener) {
        runner.addListener(runId, listener);
    }

    public void removeListener(String runId, RunListener listener) {
        runner.removeListener(runId, listener);
    }

    /** Every journalled run, newest first; an open run not active in this console shows as INTERRUPTED. */
    public CompletableFuture<List<RunSummary>> runs() {
        return async(() -> services.journal().runs().stream().map(this::asSeenHere).toList());
    }

    /**
     * Runs to offer on start: interrupted by a crash or a close, or needing the operator; not those being worked on in
     * another Signoff on this computer (resuming them here would be refused).
     */
    public CompletableFuture<List<RunSummary>> resumableRuns() {
        return async(() -> services.journal().runs(Set.of(RunState.RUNNING, RunState.NEEDS_ATTENTION, RunState.INTERRUPTED))
                .stream().filter(r -> !runner.activeRuns().contains(r.runId()) && !runner.openElsewhere(r.runId()))
                .map(r -> r.state() == RunState.RUNNING ? interrupted(r) : r).toList()); // nobody works on these
    }

    // ---- scheduling ----

    /**
     * Arms the scheduler (call once when the console opens) and returns the runs missed while it was closed, to offer
     * to the operator.
     */
    public CompletableFuture<List<RunSummary>> startScheduler() {
        return async(scheduler::start);
    }

    /** Runs the plan at {@code runAt}: CIPP jobs are scheduled on the CIPP server now; the rest waits in the journal. */
    public CompletableFuture<RunSnapshot> schedule(OffboardingPlan plan, Instant runAt, RunListener listener) {
        return async(() -> scheduler.schedule(plan, runAt, listener));
    }

    public CompletableFuture<List<RunSummary>> upcomingRuns() {
        return async(scheduler::upcoming);
    }

    public CompletableFuture<List<RunSummary>> missedRuns() {
        return async(scheduler::missed);
    }

    /** The operator chose to run a missed (or upcoming) run now. */
    public CompletableFuture<RunSnapshot> runScheduledNow(String runId, RunListener listener) {
        return async(() -> scheduler.runNow(runId, listener));
    }

    /** The operator dropped a missed or upcoming run. */
    public CompletableFuture<Void> cancelScheduled(String runId, String reason) {
        return async(() -> {
            scheduler.cancel(runId, reason);
            return null;
        });
    }

    // ---- templates ----

    public CompletableFuture<OptionsTemplate> saveTemplate(String name, String tenant, OffboardingOptions options) {
        return async(() -> io(() -> services.templates().save(new OptionsTemplate(name, tenant, options, null))));
    }

    /** Templates for a tenant (its own and the general ones); null tenant = all templates. */
    public CompletableFuture<List<OptionsTemplate>> templates(String tenant) {
        return async(() -> io(() -> tenant == null ? services.templates().list() : services.templates().list(tenant)));
    }

    public CompletableFuture<Optional<OptionsTemplate>> loadTemplate(String name) {
        return async(() -> io(() -> services.templates().load(name)));
    }

    public CompletableFuture<Boolean> deleteTemplate(String name) {
        return async(() -> io(() -> services.templates().delete(name)));
    }

    // ---- report ----

    public CompletableFuture<RunReport> report(String runId) {
        return async(() -> RunReports.report(runner.snapshot(runId)
                .orElseThrow(() -> new IllegalArgumentException("No run " + runId)), services.clock().instant()));
    }

    /** Writes the run's report as CSV to {@code file} (atomically) and completes with the file. */
    public CompletableFuture<Path> exportReport(String runId, Path file) {
        return report(runId).thenApplyAsync(report -> io(() -> {
            RunReports.writeCsv(report, file);
            return file;
        }), executor);
    }

    /** Stops the scheduler and the runner; journalled runs stay resumable. */
    @Override
    public void close() {
        scheduler.close();
        runner.close();
    }

    /** A run journalled as RUNNING that nobody works on any more (its console crashed or was closed) is INTERRUPTED. */
    private RunSummary asSeenHere(RunSummary r) {
        boolean orphan = r.state() == RunState.RUNNING && !runner.activeRuns().contains(r.runId())
                && !runner.openElsewhere(r.runId());
        return orphan ? interrupted(r) : r;
    }

    private static RunSummary interrupted(RunSummary r) {
        return new RunSummary(r.runId(), RunState.INTERRUPTED, r.people(), r.reference(), r.createdAt(), r.scheduledAt(),
                r.stepsTotal(), r.stepsDone(), r.operator(), r.channel());
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    @FunctionalInterface
    private interface IoWork<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoWork<T> work) {
        try {
            return work.get();
        } catch (IOException e) {
            throw new CompletionException(new UncheckedIOException(e.getMessage(), e));
        }
    }
}
