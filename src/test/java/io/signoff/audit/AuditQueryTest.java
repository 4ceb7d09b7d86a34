package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditQueryTest {
    private static final int ROWS = 700;
    private static final Duration SPACING = Duration.ofHours(1);

    @TempDir
    Path dir;
    SqliteAuditStore store;
    List<AuditEvent> events;

    @BeforeEach
    void fill() {
        store = SqliteAuditStore.open(dir.resolve("audit.db"));
        events = AuditFixtures.events(0, ROWS, SPACING);
        store.appendAll(events);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachFilterSelectsExactlyTheMatchingRows() {
        check(AuditFilter.ALL.withProvider(ProviderKind.SLACK), e -> e.provider() == ProviderKind.SLACK);
        check(AuditFilter.ALL.withTenant("E0ACME"), e -> "E0ACME".equals(e.tenant()));
        check(AuditFilter.ALL.withOperator("asmith"), e -> "asmith".equals(e.operator()));
        check(AuditFilter.ALL.withAction("reset_mfa"), e -> "reset_mfa".equals(e.action()));
        check(AuditFilter.ALL.withOutcome(Outcome.FAILED), e -> e.outcome() == Outcome.FAILED);
        Instant from = AuditFixtures.T0.plus(Duration.ofHours(100));
        Instant to = AuditFixtures.T0.plus(Duration.ofHours(200));
        check(AuditFilter.ALL.withRange(from, to), e -> !e.timestamp().isBefore(from) && e.timestamp().isBefore(to));
        check(AuditFilter.ALL.withOutcome(Outcome.FAILED).withProvider(ProviderKind.CIPP).withRange(from, null),
                e -> e.outcome() == Outcome.FAILED && e.provider() == ProviderKind.CIPP && !e.timestamp().isBefore(from));
    }

    @Test
    void freeTextSearchesTargetMessageAndParametersIgnoringCase() {
        check(AuditFilter.ALL.withText("USER42@contoso"), e -> e.targetEmail().equals("user42@contoso.com"));
        check(AuditFilter.ALL.withText("U100042"), e -> e.targetUserId().equals("U100042"));
        check(AuditFilter.ALL.withText("\"admin\" scope"), e -> e.message().contains("\"admin\" scope"));
        check(AuditFilter.ALL.withText("HD-4123"), e -> e.parameters().get("reason").contains("HD-4123"));
        // LIKE wildcards in the text are taken literally
        assertEquals(0, store.count(AuditFilter.ALL.withText("user%@")));
        assertEquals(0, store.count(AuditFilter.ALL.withText("user_2@")));
    }

    @Test
    void keysetPagesWalkEveryRowOnceInBothOrders() {
        AuditFilter failed = AuditFilter.ALL.withOutcome(Outcome.FAILED);
        for (SortOrder order : SortOrder.values()) {
            List<Long> seen = new ArrayList<>();
            Long cursor = null;
            do {
                AuditPage page = store.page(failed, order, cursor, 17);
                page.rows().forEach(r -> seen.add(r.sequence()));
                cursor = page.nextCursor();
            } while (cursor != null);
            List<Long> expected = IntStream.range(0, ROWS).filter(i -> events.get(i).outcome() == Outcome.FAILED)
                    .mapToObj(i -> (long) i + 1).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            if (order == SortOrder.NEWEST_FIRST) java.util.Collections.reverse(expected);
            assertEquals(expected, seen, order.name());
        }
    }

    @Test
    void pagesRoundTripEveryField() {
        AuditRecord r = store.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 1).rows().get(0);
        assertEquals(1, r.sequence());
        AuditEvent stored = r.event();
        AuditEvent original = events.get(0);
        assertEquals(original, stored);
        assertNull(r.attemptSequence());
        assertEquals("{\"reason\":\"Leaver ticket HD-4000\",\"scope\":\"all\"}", r.parametersJson());
        assertEquals(AuditCanonical.GENESIS_HASH, r.prevHash());
    }

    @Test
    void lastPageHasNoCursor() {
        AuditPage page = store.page(AuditFilter.ALL.withTenant("E0ACME"), SortOrder.NEWEST_FIRST, null, ROWS);
        assertFalse(page.hasMore());
        assertEquals(ROWS / 4, page.rows().size());
        assertTrue(store.page(AuditFilter.ALL, SortOrder.NEWEST_FIRST, null, 5).hasMore());
    }

    @Test
    void filterChoicesListTheDistinctStoredValues() {
        FilterChoices choices = store.filterChoices();
        assertEquals(List.of("cipp", "cloudflare", "scim", "slack"), choices.providers());
        assertEquals(List.of("E0ACME", "acme-account", "contoso.onmicrosoft.com", "fabrikam.onmicrosoft.com"), choices.tenants());
        assertEquals(List.of("asmith", "jdoe (Jane Helpdesk)", "root (Night shift)"), choices.operators());
        assertEquals(5, choices.actions().size());
        assertEquals(List.of("attempted", "attested", "failed", "succeeded", "unknown", "verified"), choices.outcomes());
    }

    @Test
    void dailyCountsAddUpPerDayAndOutcome() {
        List<DailyCount> counts = store.dailyCounts(AuditFilter.ALL);
        assertEquals(ROWS, counts.stream().mapToLong(DailyCount::count).sum());
        LocalDate firstDay = LocalDate.of(2026, 11, 2);
        long failedOnFirstDay = IntStream.range(0, 16) // 08:00 to 23:00 on the first day
                .filter(i -> events.get(i).outcome() == Outcome.FAILED).count();
        assertEquals(failedOnFirstDay, counts.stream()
                .filter(c -> c.day().equals(firstDay) && c.outcome() == Outcome.FAILED).mapToLong(DailyCount::count).sum());
        assertEquals(firstDay, counts.get(0).day());
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        Instant t = AuditFixtures.T0;
        assertThrows(IllegalArgumentException.class, () -> AuditFilter.ALL.withRange(t, t.minusSeconds(1)));
    }

    private void check(AuditFilter filter, Predicate<AuditEvent> expected) {
        long want = events.stream().filter(expected).count();
        assertTrue(want > 0, "the fixture should contain matching rows for " + filter);
        assertEquals(want, store.count(filter), filter.toString());
        List<AuditRecord> rows = store.page(filter, SortOrder.NEWEST_FIRST, null, ROWS).rows();
        assertEquals(want, rows.size());
        rows.forEach(r -> assertTrue(expected.test(r.event()), r.toString()));
    }
}
