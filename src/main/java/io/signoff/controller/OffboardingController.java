package io.signoff.controller;

import io.signoff.offboarding.BundleOption;
import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.RunListener;
import io.signoff.offboarding.RunReport;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunSummary;
import io.signoff.offboarding.StepState;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The offboarding use cases the wizard and the CLI drive: find the people, suggest options, preview the plan, run,
 * resume, retry, skip, attest, schedule, list runs, templates and the report. Plain Java: every call that touches a
 * provider, the journal or a file returns a {@link CompletableFuture} completed on the injected executor; run updates
 * arrive through {@link RunListener}s on the runner's threads.
 */
public final class OffboardingController implements AutoCloseable {

    /**
     * @param executor where searches, file and journal work run (never the caller's UI thread)
     * @param channel  "ui" or "cli": written to every audit row and journalled with the run
     */
    public OffboardingController(OffboardingServices services, Executor executor, String channel) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- people ----

    /** Searches every connection in scope (all when {@code connectionIds} is empty) for one address. */
    public CompletableFuture<OffboardingTarget> findTarget(String email, Set<String> connectionIds) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bulk: searches each address in turn; {@code eachFound} is told as each person is done (for a progress view). */
    public CompletableFuture<List<OffboardingTarget>> findTargets(List<String> emails, Set<String> connectionIds,
                                                                  Consumer<OffboardingTarget> eachFound) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Reads a CSV of addresses (one per row); bad rows come back with their reasons. */
    public CompletableFuture<EmailImport> importCsv(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    /** As {@link #importCsv(Path)}, from text already in hand (paste, tests). */
    public EmailImport importCsv(Reader reader) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- options and plan ----

    /** Pre-selected options for the people found, from each connection's capabilities and tenant defaults. */
    public OffboardingOptions suggestedOptions(List<OffboardingTarget> targets) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The options a provider job (CIPP ExecOffboardUser) offers, in run order, for the options page. */
    public List<BundleOption> bundleOptions() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The ordered checklist and guardrails; nothing is called. */
    public OffboardingPlan preview(List<OffboardingTarget> targets, OffboardingOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- runs ----

    /** Starts the plan now. Completes once the run is journalled and started (not when it finishes). */
    public CompletableFuture<RunSnapshot> run(OffboardingPlan plan, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Continues an interrupted / unfinished run; unknown outcomes are verified by a read first. */
    public CompletableFuture<RunSnapshot> resume(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<StepState> retry(String runId, String stepId) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<StepState> skip(String runId, String stepId, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<StepState> attest(String runId, String stepId, String note) {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<RunSnapshot> snapshot(String runId) {
        throw new UnsupportedOperationException("not yet");
    }

    public void addListener(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    public void removeListener(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every journalled run, newest first. */
    public CompletableFuture<List<RunSummary>> runs() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs to offer on start: interrupted by a crash, or needing the operator. */
    public CompletableFuture<List<RunSummary>> resumableRuns() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- scheduling ----

    /**
     * Arms the scheduler (call once when the console opens) and returns the runs missed while it was closed, to offer
     * to the operator.
     */
    public CompletableFuture<List<RunSummary>> startScheduler() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs the plan at {@code runAt}: CIPP jobs are scheduled on the CIPP server now; the rest waits in the journal. */
    public CompletableFuture<RunSnapshot> schedule(OffboardingPlan plan, Instant runAt, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<List<RunSummary>> upcomingRuns() {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<List<RunSummary>> missedRuns() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The operator chose to run a missed (or upcoming) run now. */
    public CompletableFuture<RunSnapshot> runScheduledNow(String runId, RunListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The operator dropped a missed or upcoming run. */
    public CompletableFuture<Void> cancelScheduled(String runId, String reason) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- templates ----

    public CompletableFuture<OptionsTemplate> saveTemplate(String name, String tenant, OffboardingOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Templates for a tenant (its own and the general ones); null tenant = all templates. */
    public CompletableFuture<List<OptionsTemplate>> templates(String tenant) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<Optional<OptionsTemplate>> loadTemplate(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    public CompletableFuture<Boolean> deleteTemplate(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- report ----

    public CompletableFuture<RunReport> report(String runId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Writes the run's report as CSV to {@code file} (atomically) and completes with the file. */
    public CompletableFuture<Path> exportReport(String runId, Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops the scheduler and the runner; journalled runs stay resumable. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
