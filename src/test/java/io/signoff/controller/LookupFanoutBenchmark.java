package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.provider.slack.SlackLimits;
import io.signoff.simulator.slack.SlackSimulator;
import io.signoff.testing.SimulatedConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out person search with simulator latencies of 50/150/400/900 ms for the four providers: the whole search should
 * take barely longer than the slowest provider alone (sequential calls would take their sum, ≈ 1.67 × the slowest).
 * Both are measured in the same run, interleaved, so machine load affects them alike.
 */
@Tag("benchmark")
class LookupFanoutBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(LookupFanoutBenchmark.class);
    private static final int RUNS = 21;
    private static final Map<ProviderKind, Duration> LATENCY = Map.of(
            ProviderKind.CIPP, Duration.ofMillis(50), ProviderKind.SLACK, Duration.ofMillis(150),
            ProviderKind.CLOUDFLARE, Duration.ofMillis(400), ProviderKind.SCIM, Duration.ofMillis(900));

    @Test
    void fanOutTakesAboutAsLongAsTheSlowestProvider() throws Exception {
        // Lift Slack's Tier 3 budget on both sides: this measures latency hiding, not rate limiting.
        try (SimulatedConnections sim = SimulatedConnections.start(c -> c.kind() != ProviderKind.SLACK ? c
                : new Connection(c.id(), c.kind(), c.displayName(), c.baseUrl(), withSetting(c, SlackLimits.TIER_3_SETTING, "100000"), c.requestOptions()))) {
            ((SlackSimulator) sim.simulator().api(ProviderKind.SLACK)).tierLimit(SlackSimulator.Tier.TIER_3, 100_000, Duration.ofMinutes(1));
            TenantsController tenants = new TenantsController(new ProviderPool(sim::connections, sim.providers(), sim.secrets()), sim.executor());
            tenants.load(s -> { }).get(30, TimeUnit.SECONDS); // tenants are listed once, as the Tenants view does
            LookupController lookup = new LookupController(tenants, sim.executor());
            SearchQuery jane = SearchQuery.parse("jane.doe@contoso.com");
            Connection slowest = sim.connection(SimulatedConnections.LUCID);
            LookupScope slowestOnly = new LookupScope(Set.copyOf(tenants.tenants(slowest).get()));
            for (int i = 0; i < 3; i++) { // warm up: tokens, connections, JIT
                lookup.search(jane, LookupScope.everywhere(), s -> { }).done().get(30, TimeUnit.SECONDS);
            }
            LATENCY.forEach((kind, latency) -> sim.simulator().faults(kind).latency(latency));

            List<Double> total = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long t0 = System.nanoTime();
                LookupSnapshot all = lookup.search(jane, LookupScope.everywhere(), s -> { }).done().get(30, TimeUnit.SECONDS);
                total.add((System.nanoTime() - t0) / 1e6);
                assertTrue(all.connections().stream().allMatch(c -> c.state() == SearchState.FOUND), all.connections().toString());
                long t1 = System.nanoTime();
                LookupSnapshot one = lookup.search(jane, slowestOnly, s -> { }).done().get(30, TimeUnit.SECONDS);
                alone.add((System.nanoTime() - t1) / 1e6);
                assertEquals(1, one.people().get(0).accounts().size());
            }
            double ratio = median(total) / median(alone);
            String line = String.format(Locale.ROOT, "lookup.fanout.ratio: %.3f (target ≤ 1.15; median of %d runs: all four %.0f ms,"
                    + " slowest alone %.0f ms; sequential would be ≈ 1.67)", ratio, RUNS, median(total), median(alone));
            LOG.info(line);
            System.out.println(line);
            assertTrue(ratio <= 1.15, line);
        }
    }

    private static Map<String, String> withSetting(Connection c, String key, String value) {
        Map<String, String> settings = new HashMap<>(c.settings());
        settings.put(key, value);
        return settings;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
