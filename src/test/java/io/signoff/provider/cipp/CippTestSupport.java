package io.signoff.provider.cipp;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.SecretSource;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared pieces of the CIPP tests: fixtures, connections, a scripted CIPP for MockWebServer, a clock tests move. */
final class CippTestSupport {
    static final String TENANT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String CLIENT_ID = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e";
    static final String CLIENT_SECRET = "fixture-client-secret-Zq81";

    private CippTestSupport() { }

    static String fixture(String name) {
        try (InputStream in = CippTestSupport.class.getResourceAsStream("/fixtures/cipp/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    static MockResponse text(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "text/plain; charset=utf-8").setBody(body);
    }

    /** Fast options for tests: short timeouts, one retry. */
    static RequestOptions fastOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withMaxRetries(1);
    }

    static Connection connection(String apiUrl, String tokenUrl, RequestOptions options) {
        return new Connection("cipp-test", ProviderKind.CIPP, "Test CIPP", apiUrl,
                Map.of(CippProvider.SETTING_TENANT_ID, TENANT_ID, CippProvider.SETTING_CLIENT_ID, CLIENT_ID,
                        CippProvider.SETTING_TOKEN_URL, tokenUrl), options);
    }

    /** A connection to the simulator's CIPP, with its token endpoint. */
    static Connection simConnection(SimulatorServer sim, RequestOptions options) {
        SimCredentials c = sim.credentials();
        String base = sim.baseUrl(ProviderKind.CIPP).toString();
        return new Connection("cipp-sim", ProviderKind.CIPP, "Sim CIPP", base,
                Map.of(CippProvider.SETTING_TENANT_ID, c.cippTenantId(), CippProvider.SETTING_CLIENT_ID, c.cippClientId(),
                        CippProvider.SETTING_TOKEN_URL, CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP))), options);
    }

    /**
     * The simulator records a call (and its effect) after the answer is sent, so the client can be done first: wait a
     * bounded time for the count to be reached, then return it for an exact assertion (a retried write shows as more).
     */
    static long awaitEffect(SimulatorServer sim, String effect, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (sim.calls().effectCounts().getOrDefault(effect, 0L) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return sim.calls().effectCounts().getOrDefault(effect, 0L);
    }

    static long awaitCalls(SimulatorServer sim, String pathSuffix, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (sim.calls().count(ProviderKind.CIPP, pathSuffix) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return sim.calls().count(ProviderKind.CIPP, pathSuffix);
    }

    /** Hands out a fresh copy each time (the provider wipes it), and counts how often it was asked. */
    static final class CountingSecrets implements SecretSource {
        private final String secret;
        private int asked;

        CountingSecrets(String secret) { this.secret = secret; }

        @Override
        public synchronized char[] secret(String connectionId, String secretName) {
            asked++;
            return secretName.equals(CippProvider.SECRET_CLIENT_SECRET) ? secret.toCharArray() : new char[0];
        }

        synchronized int asked() { return asked; }
    }

    /** A clock the test moves by hand (token expiry, job timing). */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) { this.now = start; }

        void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    /**
     * Answers by endpoint name from per-endpoint queues of recorded CIPP answers; the token endpoint answers with
     * token.json unless scripted otherwise. Every request is kept for assertions.
     */
    static final class ScriptedCipp extends Dispatcher {
        private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
        private final List<RecordedRequest> requests = new ArrayList<>();

        ScriptedCipp on(String endpoint, MockResponse... responses) {
            Deque<MockResponse> queue = answers.computeIfAbsent(endpoint.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
            synchronized (queue) {
                queue.addAll(List.of(responses));
            }
            return this;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            synchronized (requests) {
                requests.add(request);
            }
            String path = request.getRequestUrl().encodedPath();
            boolean token = path.endsWith("/token");
            String endpoint = token ? "token" : path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            Deque<MockResponse> queue = answers.get(endpoint);
            MockResponse next = null;
            if (queue != null) {
                synchronized (queue) {
                    next = queue.size() > 1 ? queue.poll() : queue.peek(); // the last answer repeats
                }
            }
            if (next != null) return next;
            if (token) return json(200, fixture("token.json"));
            return text(404, "Endpoint not found");
        }

        List<RecordedRequest> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        List<RecordedRequest> requestsTo(String endpoint) {
            return requests().stream().filter(r -> r.getRequestUrl().encodedPath().toLowerCase(Locale.ROOT)
                    .endsWith("/" + endpoint.toLowerCase(Locale.ROOT))).toList();
        }

        long tokenRequests() {
            return requests().stream().filter(r -> r.getRequestUrl().encodedPath().endsWith("/token")).count();
        }
    }
}
