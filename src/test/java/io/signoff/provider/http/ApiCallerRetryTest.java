package io.signoff.provider.http;

import static io.signoff.provider.http.TestCalls.caller;
import static io.signoff.provider.http.TestCalls.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ErrorKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiCallerRetryTest {
    private final MockWebServer server = new MockWebServer();
    private final TestCalls.TimedQueue queue = new TestCalls.TimedQueue();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(queue);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Request get() {
        return new Request.Builder().url(server.url("/api/users")).build();
    }

    private Request post() {
        return new Request.Builder().url(server.url("/api/revoke"))
                .post(RequestBody.create("{\"user\":\"u1\"}", MediaType.get("application/json"))).build();
    }

    @Test
    void waitsOutRetryAfterOn429ThenSucceeds() throws Exception {
        queue.enqueueResponse(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
        queue.enqueueResponse(new MockResponse().setBody("{\"ok\":true}"));

        HttpReply reply = caller(fastOptions()).send(post(), Idempotency.NON_IDEMPOTENT);

        assertEquals(200, reply.status());
        assertEquals(2, server.getRequestCount());
        assertTrue(queue.gap(0, 1).compareTo(Duration.ofSeconds(1)) >= 0, "waited only " + queue.gap(0, 1));
        assertEquals(TestCalls.USER_AGENT, server.takeRequest().getHeader("User-Agent"));
    }

    @Test
    void retryAfterBeyondTheCapEndsAtOnceWithRateLimited() {
        queue.enqueueResponse(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
                .setHeader("x-request-id", "req-42"));
        queue.enqueueResponse(new MockResponse().setBody("{}"));
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> caller(fastOptions()).send(get(), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(3600), e.retryAfter());
        assertEquals(429, e.httpStatus());
        assertEquals("req-42", e.requestId());
        assertTrue(e.getMessage().contains("3600 s"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    void rateLimitedWhenRetriesRunOut() {
        for (int i = 0; i < 3; i++) {
            queue.enqueueResponse(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
        }
        queue.enqueueResponse(new MockResponse().setBody("{}"));

        ProviderException e = assertThrows(ProviderException.class,
                () -> caller(fastOptions().withMaxRetries(2)).send(get(), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ZERO, e.retryAfter());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        Duration fromDate = RetryTiming.retryAfter(reply429(inTwoMinutes)).orElseThrow();
        assertTrue(fromDate.compareTo(Duration.ofSeconds(115)) > 0 && fromDate.compareTo(Duration.ofSeconds(121)) < 0, fromDate.toString());
        assertEquals(Duration.ofSeconds(7), RetryTiming.retryAfter(reply429(" 7 ")).orElseThrow());
        assertEquals(Duration.ZERO, RetryTiming.retryAfter(reply429("Wed, 21 Oct 2015 07:28:00 GMT")).orElseThrow());
        assertEquals(Duration.ofDays(1), RetryTiming.retryAfter(reply429("99999999999999999999999")).orElseThrow());
        assertTrue(RetryTiming.retryAfter(reply429("soon")).isEmpty());
    }

    private static HttpReply reply429(String retryAfter) {
        return new HttpReply(429, Map.of("retry-after", List.of(retryAfter)), "", "", null);
    }

    @Test
    void backoffGrowsWithJitterAndIsCapped() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long expected = Math.min(250L << Math.min(attempt - 1, 10), 8000);
            long ms = RetryTiming.backoff(attempt).toMillis();
            assertTrue(ms >= expected / 2 && ms <= expected, "attempt " + attempt + ": " + ms + " ms");
        }
    }

    @Test
    void getIsRetriedOn503ThenSucceeds() throws Exception {
        queue.enqueueResponse(new MockResponse().setResponseCode(503));
        queue.enqueueResponse(new MockResponse().setBody("{\"users\":[]}"));

        HttpReply reply = caller(fastOptions()).send(get(), Idempotency.IDEMPOTENT);

        assertEquals(200, reply.status());
        assertEquals("{\"users\":[]}", reply.body());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aServerErrorTheCallerCallsDefinitiveIsNotRetried() throws Exception {
        queue.enqueueResponse(new MockResponse().setResponseCode(500).setBody("{\"Results\":\"Failed: user does not exist\"}"));
        queue.enqueueResponse(new MockResponse().setResponseCode(503));
        queue.enqueueResponse(new MockResponse().setBody("{}"));

        HttpReply definitive = caller(fastOptions()).send(get(), Idempotency.IDEMPOTENT, r -> r.body().contains("does not exist"));
        HttpReply transientThenOk = caller(fastOptions()).send(get(), Idempotency.IDEMPOTENT, r -> r.body().contains("does not exist"));

        assertEquals(500, definitive.status());
        assertEquals(200, transientThenOk.status(), "other server errors are still retried");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void lastServerErrorIsReturnedWhenRetriesRunOut() throws Exception {
        for (int i = 0; i < 2; i++) queue.enqueueResponse(new MockResponse().setResponseCode(502));
        queue.enqueueResponse(new MockResponse().setBody("{}"));

        HttpReply reply = caller(fastOptions().withMaxRetries(1)).send(get(), Idempotency.IDEMPOTENT);

        assertEquals(502, reply.status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void postIsNotRetriedOn503() throws Exception {
        queue.enqueueResponse(new MockResponse().setResponseCode(503));
        queue.enqueueResponse(new MockResponse().setBody("{}"));

        HttpReply reply = caller(fastOptions()).send(post(), Idempotency.NON_IDEMPOTENT);

        assertEquals(503, reply.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void postIsNotResentWhenA503SaysRetryAfterZero() throws Exception {
        // OkHttp on its own re-sends any request once on "503 + Retry-After: 0"; a write must not be.
        queue.enqueueResponse(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
        queue.enqueueResponse(new MockResponse().setBody("{}"));

        HttpReply reply = caller(fastOptions()).send(post(), Idempotency.NON_IDEMPOTENT);

        assertEquals(503, reply.status());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void droppedConnectionAfterPostMeansUnknownOutcomeAndNoRetry() throws Exception {
        queue.enqueueResponse(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        queue.enqueueResponse(new MockResponse().setBody("{}")); // what a wrongful retry would get

        ProviderException e = assertThrows(ProviderException.class,
                () -> caller(fastOptions()).send(post(), Idempotency.NON_IDEMPOTENT));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("connection_lost", e.providerCode());
        assertTrue(e.getMessage().contains("verify before retrying"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals("POST", server.takeRequest().getMethod());
    }

    @Test
    void postWithoutAnswerTimesOutAsUnknownOutcomeAndIsNotRetried() {
        queue.enqueueResponse(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        queue.enqueueResponse(new MockResponse().setBody("{}"));
        RequestOptions options = fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10));

        ProviderException e = assertThrows(ProviderException.class, () -> caller(options).send(post(), Idempotency.NON_IDEMPOTENT));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("timeout", e.providerCode());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void getThatTimesOutIsRetried() throws Exception {
        queue.enqueueResponse(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        queue.enqueueResponse(new MockResponse().setBody("{\"ok\":true}"));
        RequestOptions options = fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10));

        HttpReply reply = caller(options).send(get(), Idempotency.IDEMPOTENT);

        assertEquals(200, reply.status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void readTimeoutWithoutRetriesIsTransient() {
        queue.enqueueResponse(new MockResponse().setBody("{}").setHeadersDelay(800, java.util.concurrent.TimeUnit.MILLISECONDS));
        RequestOptions options = fastOptions().withMaxRetries(0)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(10));
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> caller(options).send(get(), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("timeout", e.providerCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1500)) < 0);
    }

    @Test
    void callTimeoutBoundsTheWholeCallRetriesIncluded() throws Exception {
        for (int i = 0; i < 6; i++) queue.enqueueResponse(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1"));
        RequestOptions options = fastOptions().withMaxRetries(5)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(1500));
        long started = System.nanoTime();

        HttpReply reply = caller(options).send(get(), Idempotency.IDEMPOTENT);

        assertEquals(503, reply.status());
        assertEquals(2, server.getRequestCount(), "a second wait of 1 s no longer fits into 1.5 s");
        // Six attempts with 1 s waits would take over 5 s; the margin absorbs a loaded CI machine.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(3000)) < 0);
    }

    @Test
    void refusedConnectionForPostIsTransientBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Request post = new Request.Builder().url("http://127.0.0.1:" + closedPort + "/api/revoke")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();

        ProviderException e = assertThrows(ProviderException.class,
                () -> caller(fastOptions().withMaxRetries(1)).send(post, Idempotency.NON_IDEMPOTENT));

        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("unreachable", e.providerCode());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertNull(e.retryAfter());
    }

    @Test
    void rateBudgetSpacesCallsOut() throws Exception {
        for (int i = 0; i < 4; i++) queue.enqueueResponse(new MockResponse().setBody("{}"));
        ApiCaller paced = caller(fastOptions().withRateBudgetPerMinute(600)); // one call per 100 ms slot

        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) paced.send(get(), Idempotency.IDEMPOTENT);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // The first two calls may share the edge of a slot; the third and fourth each wait for a slot of their own.
        assertTrue(took.compareTo(Duration.ofMillis(195)) >= 0, "4 calls within " + took);
    }
}
