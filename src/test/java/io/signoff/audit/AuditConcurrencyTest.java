package io.signoff.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditConcurrencyTest {
    private static final int PER_WRITER = 150;

    @TempDir
    Path dir;

    @Test
    void twoThreadsOnOneStoreKeepTheChainValid() throws Exception {
        try (SqliteAuditStore store = SqliteAuditStore.open(dir.resolve("audit.db"))) {
            List<Long> sequences = runWriters(List.of(store, store));
            assertContiguous(sequences, 2 * PER_WRITER);
            assertEquals(new ChainStatus.Intact(2 * PER_WRITER, store.head().hash()), store.verify());
        }
    }

    @Test
    void twoStoresOnOneFileKeepTheChainValid() throws Exception {
        Path db = dir.resolve("audit.db");
        try (SqliteAuditStore a = SqliteAuditStore.open(db); SqliteAuditStore b = SqliteAuditStore.open(db)) {
            List<Long> sequences = runWriters(List.of(a, b));
            assertContiguous(sequences, 2 * PER_WRITER);
            ChainStatus status = a.verify();
            assertInstanceOf(ChainStatus.Intact.class, status, status.toString());
            assertEquals(2L * PER_WRITER, ((ChainStatus.Intact) status).rowCount());
        }
    }

    /** Each writer alternates single appends and small batches, starting together. */
    private static List<Long> runWriters(List<SqliteAuditStore> stores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(stores.size());
        CyclicBarrier start = new CyclicBarrier(stores.size());
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < stores.size(); w++) {
                SqliteAuditStore store = stores.get(w);
                int base = w * 100_000;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    int i = 0;
                    while (i < PER_WRITER) {
                        if (i % 20 == 0) {
                            for (long s : store.appendAll(AuditFixtures.events(base + i, base + i + 10, Duration.ofSeconds(1)))) {
                                mine.add(s);
                            }
                            i += 10;
                        } else {
                            mine.add(store.append(AuditFixtures.event(base + i, Duration.ofSeconds(1))));
                            i++;
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) all.addAll(f.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertContiguous(List<Long> sequences, int expected) {
        TreeSet<Long> distinct = new TreeSet<>(sequences);
        assertEquals(expected, sequences.size());
        assertEquals(expected, distinct.size(), "a sequence was handed out twice");
        assertEquals(1L, distinct.first());
        assertEquals((long) expected, distinct.last());
    }
}
