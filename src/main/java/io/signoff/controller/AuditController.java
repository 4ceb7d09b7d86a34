package io.signoff.controller;

import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditPage;
import io.signoff.audit.ChainStatus;
import io.signoff.audit.DailyCount;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.ExportResult;
import io.signoff.audit.FilterChoices;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What the audit view does, off the UI thread: every method runs on the injected executor and returns at once.
 * Results and failures arrive through the returned futures (failures as AuditStoreException / AuditExportException,
 * whose messages are meant for the operator).
 */
public final class AuditController {
    /** Rows per page: enough to fill a tall table, small enough to arrive in milliseconds from a 1,000,000-row file. */
    public static final int PAGE_SIZE = 200;
    /** The chart shows at most this many days: the most recent ones of the filter's range. */
    public static final int CHART_DAYS = 31;

    private final SqliteAuditStore store;
    private final AuditCsvExporter exporter;
    private final Supplier<OperatorIdentity> operator;
    private final Executor executor;
    private final Clock clock;

    /** @param operator who acts, for the row an export leaves in the trail */
    public AuditController(SqliteAuditStore store, AuditCsvExporter exporter, Supplier<OperatorIdentity> operator,
                           Executor executor, Clock clock) {
        this.store = store;
        this.exporter = exporter;
        this.operator = operator;
        this.executor = executor;
        this.clock = clock;
    }

    /** A page of rows after {@code cursor} (null: the first page). */
    public CompletableFuture<AuditPage> page(AuditFilter filter, SortOrder order, Long cursor) {
        return async(() -> store.page(filter, order, cursor, PAGE_SIZE));
    }

    public CompletableFuture<Long> count(AuditFilter filter) {
        return async(() -> store.count(filter));
    }

    public CompletableFuture<FilterChoices> filterChoices() {
        return async(store::filterChoices);
    }

    /** Rows per day and outcome for the chart; pass the filter through {@link #chartRange(AuditFilter)} first. */
    public CompletableFuture<List<DailyCount>> dailyCounts(AuditFilter chartRange) {
        return async(() -> store.dailyCounts(chartRange));
    }

    /** The days the chart shows for {@code filter}, as of now: {@link #chartFilter(AuditFilter, Instant)}. */
    public AuditFilter chartRange(AuditFilter filter) {
        return chartFilter(filter, clock.instant());
    }

    public CompletableFuture<ChainStatus> verify() {
        return async(store::verify);
    }

    /** Exports in the background, recorded in the trail; {@code progress} is called on the exporting thread. */
    public CompletableFuture<ExportResult> export(AuditFilter filter, Path file, boolean bom, ExportProgress progress) {
        return async(() -> exporter.exportRecorded(filter, file, bom, progress,
                operator.get().event("ui", AuditCsvExporter.EXPORT_ACTION)));
    }

    /**
     * The filter narrowed to at most {@link #CHART_DAYS} whole UTC days: those ending with the filter's end (or today)
     * — a chart of a year of days would be unreadable and slow on a large trail.
     */
    public static AuditFilter chartFilter(AuditFilter filter, Instant now) {
        Instant end = filter.to() != null ? filter.to()
                : now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
        Instant earliest = end.minus(Duration.ofDays(CHART_DAYS));
        Instant start = filter.from() == null || filter.from().isBefore(earliest) ? earliest : filter.from();
        return filter.withRange(start, end);
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }
}
