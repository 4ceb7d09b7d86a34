package io.signoff.reliability;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.slack.SlackLimits;
import io.signoff.reliability.ProviderCalls.Urls;
import io.signoff.reliability.RecordingSimulator.Exchange;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.simulator.cloudflare.CloudflareSimulator;
import io.signoff.simulator.slack.SlackSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk revoke: 500 people × 4 providers against the simulator with rate limits, through the real clients: CIPP
 * ExecRevokeSessions, Slack admin.users.session.reset, Cloudflare revoke_user, SCIM deactivation. The figure is the
 * achieved throughput over the best the limits allow, in the same run; and the simulator's own records must show no
 * lost call, no duplicated effect, and no call sent after a 429 before its Retry-After.
 *
 * <p>Slack's Tier 2 runs at 600/min, enforced as 10 calls per sliding 1-second window: with a one-minute window 500
 * calls would fit in it and the limit would not bind at all. Cloudflare runs at 1,200/min as its simulator budget
 * (one-minute window); for 500 calls that budget does not bind, so Slack sets the bound. Each provider gets one worker
 * (as an offboarding runner works through its queue), the four side by side.
 */
@Tag("benchmark")
class BulkRevokeBenchmark {
    private static final int PEOPLE = 500;
    private static final int SLACK_TIER_2_PER_MINUTE = 600;
    private static final int SLACK_WINDOW_CALLS = SLACK_TIER_2_PER_MINUTE / 60;
    private static final Duration SLACK_WINDOW = Duration.ofSeconds(1);
    private static final int CLOUDFLARE_PER_MINUTE = 1200;

    @Test
    void bulkRevokeRunsAtTheLimitsWithNothingLostOrRepeated() throws Exception {
        Figures figures = new Figures();
        try (SimulatorServer sim = RecordingSimulator.start(TestSeeds.withPeopleEverywhere(3, PEOPLE))) {
            SlackSimulator slack = RecordingSimulator.recorder(sim, ProviderKind.SLACK).delegate();
            CloudflareSimulator cloudflare = RecordingSimulator.recorder(sim, ProviderKind.CLOUDFLARE).delegate();
            // Finding the 2,000 accounts first is not what is measured: no limits while the lookups run.
            slack.tierLimit(SlackSimulator.Tier.TIER_3, 1_000_000, Duration.ofMinutes(1));
            cloudflare.budget(1_000_000, Duration.ofMinutes(1));
            Map<ProviderKind, Provider> providers = providers(sim);
            Map<ProviderKind, List<DirectoryUser>> people = resolve(providers);

            slack.tierLimit(SlackSimulator.Tier.TIER_2, SLACK_WINDOW_CALLS, SLACK_WINDOW);
            cloudflare.budget(CLOUDFLARE_PER_MINUTE, Duration.ofMinutes(1));
            sim.calls().clear();
            for (ProviderKind kind : ProviderKind.values()) RecordingSimulator.recorder(sim, kind).clear();

            AtomicInteger rateLimited = new AtomicInteger();
            Map<ProviderKind, List<String>> failures = new EnumMap<>(ProviderKind.class);
            long started = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                Map<ProviderKind, Future<List<String>>> runs = new EnumMap<>(ProviderKind.class);
                for (ProviderKind kind : ProviderKind.values()) {
                    runs.put(kind, workers.submit(() -> revokeAll(providers.get(kind), people.get(kind), rateLimited)));
                }
                for (Map.Entry<ProviderKind, Future<List<String>>> run : runs.entrySet()) {
                    failures.put(run.getKey(), run.getValue().get());
                }
            } finally {
                workers.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            double bound = Math.max(windowBound(PEOPLE, SLACK_WINDOW_CALLS, SLACK_WINDOW),
                    windowBound(PEOPLE, CLOUDFLARE_PER_MINUTE, Duration.ofMinutes(1)));
            double ratio = bound / seconds;
            Map<String, Long> effects = sim.calls().effectCounts();
            long lost = 0;
            for (ProviderKind kind : ProviderKind.values()) {
                for (DirectoryUser u : people.get(kind)) {
                    if (effects.getOrDefault(effectOf(kind, u), 0L) == 0) lost++;
                }
            }
            long duplicated = effects.values().stream().filter(n -> n > 1).count();
            long tooSoon = 0;
            long answered429 = 0;
            for (ProviderKind kind : ProviderKind.values()) {
                List<Exchange> exchanges = new ArrayList<>(RecordingSimulator.recorder(sim, kind).exchanges());
                exchanges.sort(Comparator.comparingLong(Exchange::arrivedNanos));
                answered429 += exchanges.stream().filter(e -> e.response().status() == 429).count();
                tooSoon += callsBeforeRetryAfter(exchanges);
            }
            figures.report(String.format(Locale.ROOT, "bulk_revoke.throughput_ratio: %.3f (target ≥ 0.95; %,d revokes, %d people"
                            + " × 4 providers, in %.1f s; the limits allow %.1f s at best: Slack Tier 2 at %d/min as %d per"
                            + " 1 s window, Cloudflare %,d/min; %d answers were 429)", ratio, 4 * PEOPLE, PEOPLE, seconds, bound,
                    SLACK_TIER_2_PER_MINUTE, SLACK_WINDOW_CALLS, CLOUDFLARE_PER_MINUTE, answered429), ratio >= 0.95);
            figures.report("bulk_revoke.lost_calls: " + lost + " (target 0; failures " + failures + ")", lost == 0);
            figures.report("bulk_revoke.duplicated_calls: " + duplicated + " (target 0; effects counted by the simulator)",
                    duplicated == 0);
            figures.report("bulk_revoke.calls_before_retry_after: " + tooSoon + " (target 0; " + answered429
                    + " answers were 429, " + rateLimited.get() + " reached the runner)", tooSoon == 0);
        }
        figures.assertAllMet();
    }

    /**
     * The least time {@code calls} calls need under "{@code perWindow} per sliding or fixed window": a full window
     * goes at once, the next one a window later.
     */
    private static double windowBound(int calls, int perWindow, Duration window) {
        return ((calls - 1) / perWindow) * (window.toNanos() / 1e9);
    }

    /** One worker working through one provider's people: the provider's revoke, again after a RATE_LIMITED wait. */
    private static List<String> revokeAll(Provider p, List<DirectoryUser> users, AtomicInteger rateLimited) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (DirectoryUser u : users) {
            while (true) {
                try {
                    if (p.connection().kind() == ProviderKind.SCIM) p.deactivate(u);
                    else p.revokeAllSessions(u, RevokeOptions.all());
                    break;
                } catch (ProviderException e) {
                    if (e.kind() != ErrorKind.RATE_LIMITED) {
                        failures.add(u.email() + ": " + e.kind() + " " + e.getMessage());
                        break;
                    }
                    rateLimited.incrementAndGet();
                    Thread.sleep(e.retryAfter() == null ? 1000 : Math.max(1, e.retryAfter().toMillis()));
                }
            }
        }
        return failures;
    }

    /** Calls that reached the API after a 429 and before the Retry-After it named had passed. */
    private static long callsBeforeRetryAfter(List<Exchange> inOrder) {
        long tooSoon = 0;
        for (int i = 0; i < inOrder.size(); i++) {
            Exchange e = inOrder.get(i);
            String retryAfter = e.response().headers().get("Retry-After");
            if (e.response().status() != 429 || retryAfter == null) continue;
            long notBefore = e.arrivedNanos() + Duration.ofSeconds(Long.parseLong(retryAfter.trim())).toNanos();
            for (int j = i + 1; j < inOrder.size() && inOrder.get(j).arrivedNanos() < notBefore; j++) {
                if (sameLimit(e, inOrder.get(j))) tooSoon++;
            }
        }
        return tooSoon;
    }

    /** Slack counts per method; the others per token. */
    private static boolean sameLimit(Exchange a, Exchange b) {
        return !a.request().path().contains("admin.") || a.request().path().equals(b.request().path());
    }

    private static String effectOf(ProviderKind kind, DirectoryUser u) {
        return switch (kind) {
            case CIPP -> "cipp:revoke:" + u.id();
            case SLACK -> "slack:reset:" + u.id();
            case CLOUDFLARE -> "cloudflare:revoke:" + u.email();
            case SCIM -> "scim:deactivate:" + u.id();
        };
    }

    private static Map<ProviderKind, Provider> providers(SimulatorServer sim) {
        SimCredentials c = sim.credentials();
        Urls urls = new Urls(sim.baseUrl(ProviderKind.CIPP).toString(),
                CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP)), sim.baseUrl(ProviderKind.SLACK).toString(),
                sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), sim.baseUrl(ProviderKind.SCIM).toString());
        List<Connection> connections = new ArrayList<>();
        for (Connection conn : ProviderCalls.connections(urls, RequestOptions.defaults(), sim.seed().cloudflare().accountId())) {
            if (conn.kind() == ProviderKind.SLACK) {
                // The client's own Tier 2 budget follows the connection's rate budget; Tier 3 (the lookups) is lifted.
                Map<String, String> settings = new HashMap<>(conn.settings());
                settings.put(SlackLimits.TIER_3_SETTING, "1000000");
                conn = new Connection(conn.id(), conn.kind(), conn.displayName(), conn.baseUrl(), settings,
                        conn.requestOptions().withRateBudgetPerMinute(SLACK_TIER_2_PER_MINUTE));
            }
            connections.add(conn);
        }
        Map<ProviderKind, Provider> out = new EnumMap<>(ProviderKind.class);
        for (Provider p : ProviderCalls.providers(connections, ProviderCalls.secrets(c.cippClientSecret(), c.slackToken(),
                c.cloudflareToken(), c.scimToken()))) {
            out.put(p.connection().kind(), p);
        }
        return out;
    }

    /** Every bench person's account in each provider, found through the client as an operator would find it. */
    private static Map<ProviderKind, List<DirectoryUser>> resolve(Map<ProviderKind, Provider> providers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<ProviderKind, Future<List<DirectoryUser>>> found = new EnumMap<>(ProviderKind.class);
            for (ProviderKind kind : ProviderKind.values()) {
                Provider p = providers.get(kind);
                found.put(kind, pool.submit(() -> {
                    Tenant tenant = p.listTenants().stream().filter(t -> kind != ProviderKind.CIPP || t.id().startsWith("contoso"))
                            .findFirst().orElseThrow();
                    List<DirectoryUser> users = new ArrayList<>();
                    for (int i = 1; i <= PEOPLE; i++) {
                        String email = String.format("bench.%04d@contoso.com", i);
                        List<DirectoryUser> hits = p.findUsers(tenant, email);
                        if (hits.size() != 1) throw new AssertionError(kind + " found " + hits.size() + " for " + email);
                        users.add(hits.get(0));
                    }
                    return users;
                }));
            }
            Map<ProviderKind, List<DirectoryUser>> out = new EnumMap<>(ProviderKind.class);
            for (Map.Entry<ProviderKind, Future<List<DirectoryUser>>> f : found.entrySet()) out.put(f.getKey(), f.getValue().get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
