package io.signoff.provider.http;

import static io.signoff.provider.http.TestCalls.caller;
import static io.signoff.provider.http.TestCalls.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import io.signoff.model.ErrorKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Size cap, redirects and decoding: what comes back, and what must never be read or sent. */
class ApiCallerResponseTest {
    private static final long MB = 1024 * 1024;
    private final MockWebServer server = new MockWebServer();
    private final MockWebServer otherHost = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
        otherHost.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        otherHost.shutdown();
    }

    private static Buffer zeros(long size) {
        Buffer b = new Buffer();
        byte[] chunk = new byte[64 * 1024];
        for (long written = 0; written < size; written += chunk.length) b.write(chunk);
        return b;
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void fiftyMegabytesWithContentLengthAreRefusedUnread() {
        server.enqueue(new MockResponse().setBody(zeros(50 * MB)));
        RequestOptions options = fastOptions().withMaxResponseBytes(MB);
        ApiCaller caller = caller(options);
        long before = allocatedByThisThread();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class,
                () -> caller.send(new Request.Builder().url(server.url("/export")).build(), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("response_too_large", e.providerCode());
        assertTrue(e.getMessage().contains("50 MB") && e.getMessage().contains("limit is 1 MB"), e.getMessage());
        assertTrue(allocatedByThisThread() - before < 8 * MB, "allocated " + (allocatedByThisThread() - before) / MB + " MB");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
        assertEquals(1, server.getRequestCount(), "a too-large answer is not retried");
    }

    @Test
    void fiftyChunkedMegabytesStopAtTheCap() {
        server.enqueue(new MockResponse().setChunkedBody(zeros(50 * MB), 256 * 1024));
        RequestOptions options = fastOptions().withMaxResponseBytes(MB);
        ApiCaller caller = caller(options);
        long before = allocatedByThisThread();
        long started = System.nanoTime();

        ProviderException e = assertThrows(ProviderException.class, () -> caller.send(
                new Request.Builder().url(server.url("/export")).post(RequestBody.create(new byte[0])).build(),
                Idempotency.NON_IDEMPOTENT));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind(), "the write was answered, but we could not read how");
        assertTrue(e.getMessage().contains("more than 1 MB"), e.getMessage());
        assertTrue(allocatedByThisThread() - before < 16 * MB, "allocated " + (allocatedByThisThread() - before) / MB + " MB");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void answerJustUnderTheCapIsRead() throws Exception {
        server.enqueue(new MockResponse().setChunkedBody(zeros(MB - 64 * 1024), 8192));
        HttpReply reply = caller(fastOptions().withMaxResponseBytes(MB))
                .send(new Request.Builder().url(server.url("/export")).build(), Idempotency.IDEMPOTENT);
        assertEquals(MB - 64 * 1024, reply.body().length());
    }

    @Test
    void redirectToAnotherHostCarriesNoCredentials() throws Exception {
        HttpUrl elsewhere = otherHost.url("/landing").newBuilder().host(otherHostName()).build();
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere));
        otherHost.enqueue(new MockResponse().setBody("{}"));

        HttpReply reply = caller(fastOptions()).send(authorized(server.url("/api/users")), Idempotency.IDEMPOTENT);

        assertEquals(200, reply.status());
        RecordedRequest first = server.takeRequest();
        assertEquals("Bearer s3cr3t-token", first.getHeader("Authorization"));
        RecordedRequest second = otherHost.takeRequest();
        assertEquals("/landing", second.getPath());
        assertNull(second.getHeader("Authorization"));
        assertNull(second.getHeader("X-Auth-Key"));
        assertNull(second.getHeader("Cookie"));
        assertEquals(TestCalls.USER_AGENT, second.getHeader("User-Agent"));
    }

    @Test
    void redirectWithinTheSameOriginKeepsCredentials() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/api/v2/users"));
        server.enqueue(new MockResponse().setBody("{}"));

        caller(fastOptions()).send(authorized(server.url("/api/users")), Idempotency.IDEMPOTENT);

        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertEquals("/api/v2/users", second.getPath());
        assertEquals("Bearer s3cr3t-token", second.getHeader("Authorization"));
        assertEquals("k3y-value", second.getHeader("X-Auth-Key"));
    }

    @Test
    void redirectLoopEndsInAClearErrorWithoutRetrying() {
        server.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(302).setHeader("Location", "/loop");
            }
        });

        ProviderException e = assertThrows(ProviderException.class,
                () -> caller(fastOptions()).send(authorized(server.url("/loop")), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("redirect_loop", e.providerCode());
        assertTrue(e.getMessage().contains("redirect loop"), e.getMessage());
        assertEquals(21, server.getRequestCount(), "OkHttp's 21 requests, and no retry of the loop");
    }

    @Test
    void writesDoNotFollowRedirects() {
        server.enqueue(new MockResponse().setResponseCode(302)
                .setHeader("Location", otherHost.url("/login?code=abcdef123456").toString()));
        otherHost.enqueue(new MockResponse().setBody("{}"));

        ProviderException e = assertThrows(ProviderException.class, () -> caller(fastOptions()).send(
                new Request.Builder().url(server.url("/api/revoke")).post(RequestBody.create("{}", MediaType.get("application/json"))).build(),
                Idempotency.NON_IDEMPOTENT));

        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("redirect_not_followed", e.providerCode());
        assertTrue(e.getMessage().contains("/login") && !e.getMessage().contains("abcdef123456"), e.getMessage());
        assertEquals(0, otherHost.getRequestCount());
    }

    @Test
    void invalidUtf8IsDecodedWithReplacementCharacters() throws Exception {
        Buffer body = new Buffer().writeUtf8("{\"name\":\"Ren").write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF})
                .writeUtf8("e\"}");
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));

        HttpReply reply = caller(fastOptions()).send(new Request.Builder().url(server.url("/u")).build(), Idempotency.IDEMPOTENT);
        JsonElement json = Json.parse(reply, "Test API", ErrorKind.TRANSIENT);

        String name = json.getAsJsonObject().get("name").getAsString();
        assertTrue(name.startsWith("Ren\uFFFD") && name.endsWith("e"), name);
    }

    @Test
    void requestIdOfTheAnswerIsKept() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("x-ms-request-id", "abc-123").setBody("{}"));
        HttpReply reply = caller(fastOptions()).send(new Request.Builder().url(server.url("/u")).build(), Idempotency.IDEMPOTENT);
        assertEquals(404, reply.status());
        assertEquals("abc-123", reply.requestId());
        assertNotNull(reply.header("X-MS-Request-Id"));
    }

    private static Request authorized(HttpUrl url) {
        return new Request.Builder().url(url)
                .header("Authorization", "Bearer s3cr3t-token")
                .header("X-Auth-Key", "k3y-value")
                .header("Cookie", "session=c00kie")
                .build();
    }

    /** The other server under a different host name than the first one's, so the redirect changes host, not only port. */
    private String otherHostName() {
        return server.getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
    }
}
