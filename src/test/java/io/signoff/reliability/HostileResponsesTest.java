package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ProviderKind;
import io.signoff.provider.Provider;
import io.signoff.reliability.Outcomes.Outcome;
import io.signoff.reliability.ProviderCalls.Op;
import io.signoff.reliability.ProviderCalls.Urls;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile answers in front of every HTTP call of all four real clients (MockWebServer plays the provider): 50 MB
 * bodies with and without Content-Length, 10,000-deep JSON, invalid UTF-8, a body that never ends, a redirect loop
 * and redirects to another host. Each call must end in a clear ProviderException within its timeout, with bounded
 * memory, and no credential may reach the other host.
 */
class HostileResponsesTest {
    private static final long MB = 1024 * 1024;
    /** The clients cap answers at 2 MB here: a call that read a 50 MB body would allocate far more than this. */
    private static final long BYTE_LIMIT = 24 * MB;
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final String ACCESS_TOKEN = "RELIABILITY-access-token-0a9f";
    private static final Buffer FIFTY_MB = zeros(50 * MB);

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer otherHost = new MockWebServer();
    private final List<RecordedRequest> otherHostRequests = new ArrayList<>();
    /** What the provider answers every API call with; the CIPP token endpoint answers normally unless hostileToken. */
    private volatile Function<RecordedRequest, MockResponse> answer = r -> new MockResponse().setResponseCode(500);
    private volatile boolean hostileToken;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest request) {
                boolean token = request.getRequestUrl().encodedPath().endsWith("/token");
                if (token && !hostileToken) {
                    return new MockResponse().setHeader("Content-Type", "application/json")
                            .setBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + ACCESS_TOKEN + "\"}");
                }
                return answer.apply(request);
            }
        });
        otherHost.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest request) {
                synchronized (otherHostRequests) {
                    otherHostRequests.add(request);
                }
                return new MockResponse().setHeader("Content-Type", "text/html")
                        .setBody("<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>");
            }
        });
        server.start();
        otherHost.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
        otherHost.shutdown();
    }

    private List<Op> everyCall() {
        List<Op> ops = new ArrayList<>();
        for (Provider p : providers()) ops.addAll(ProviderCalls.operations(p, ProviderCalls.madeUpTarget(p)));
        return ops;
    }

    private List<Provider> providers() {
        Urls urls = new Urls(server.url("/cipp").toString(), server.url("/cipp/token").toString(),
                server.url("/slack/api").toString(), server.url("/cloudflare/client/v4").toString(),
                server.url("/scim/v2").toString());
        return ProviderCalls.providers(ProviderCalls.connections(urls, ProviderCalls.hostileOptions(),
                ProviderCalls.CLOUDFLARE_ACCOUNT), ProviderCalls.recognisableSecrets());
    }

    private Set<String> secrets() {
        Set<String> all = new HashSet<>(ProviderCalls.SECRETS);
        all.add(ACCESS_TOKEN);
        return all;
    }

    private void everyCallFailsCleanly(String scenario, Function<RecordedRequest, MockResponse> hostile) throws Exception {
        answer = hostile;
        List<Outcome> outcomes = Outcomes.runAll(everyCall());
        Outcomes.assertClean(scenario, outcomes, true, QUICK, BYTE_LIMIT, secrets());
    }

    @Test
    void fiftyMegabytesWithContentLength() throws Exception {
        everyCallFailsCleanly("50 MB with Content-Length", r -> json200().setBody(FIFTY_MB.clone()));
    }

    @Test
    void fiftyMegabytesChunked() throws Exception {
        everyCallFailsCleanly("50 MB chunked", r -> json200().setChunkedBody(FIFTY_MB.clone(), 256 * 1024));
    }

    /** The same with the clients' default 16 MB cap: still far less read than the 50 MB sent. */
    @Test
    void fiftyMegabytesChunkedUnderTheDefaultCap() throws Exception {
        answer = r -> json200().setChunkedBody(FIFTY_MB.clone(), 256 * 1024);
        Urls urls = new Urls(server.url("/cipp").toString(), server.url("/cipp/token").toString(),
                server.url("/slack/api").toString(), server.url("/cloudflare/client/v4").toString(), server.url("/scim/v2").toString());
        List<Op> ops = new ArrayList<>();
        for (Provider p : ProviderCalls.providers(ProviderCalls.connections(urls, ProviderCalls.hostileOptions()
                .withMaxResponseBytes(io.signoff.model.RequestOptions.DEFAULT_MAX_RESPONSE_BYTES), ProviderCalls.CLOUDFLARE_ACCOUNT),
                ProviderCalls.recognisableSecrets())) {
            ops.add(ProviderCalls.operations(p, ProviderCalls.madeUpTarget(p)).stream()
                    .filter(op -> op.name().endsWith("findUsers(email)")).findFirst().orElseThrow());
        }
        Outcomes.assertClean("50 MB chunked, default cap", Outcomes.runAll(ops), true, QUICK, 40 * MB, secrets());
    }

    @Test
    void tenThousandDeepArrays() throws Exception {
        everyCallFailsCleanly("10,000-deep arrays", r -> json200().setBody("[".repeat(10_000) + "]".repeat(10_000)));
    }

    @Test
    void tenThousandDeepObjectsInsideEachProvidersEnvelope() throws Exception {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        everyCallFailsCleanly("10,000-deep objects in an envelope", r -> json200().setBody(
                "{\"ok\":true,\"success\":true,\"result\":" + deep + ",\"users\":" + deep + ",\"Results\":" + deep
                        + ",\"Resources\":" + deep + ",\"user\":" + deep + ",\"teams\":" + deep + "}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 500, 503})
    void tenThousandDeepErrorBodies(int status) throws Exception {
        String deep = "{\"error\":".repeat(10_000) + "\"x\"" + "}".repeat(10_000);
        everyCallFailsCleanly("10,000-deep error body, HTTP " + status,
                r -> new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(deep));
    }

    @Test
    void invalidUtf8() throws Exception {
        Buffer garbage = new Buffer().writeUtf8("{\"ok\":true,\"success\":true,\"")
                .write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xA1})
                .writeUtf8("\":[").write(new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28, 0, 0, (byte) 0xC0});
        everyCallFailsCleanly("invalid UTF-8", r -> json200().setBody(garbage.clone()));
    }

    @Test
    void aBodyThatNeverEndsEndsAtTheCallTimeout() throws Exception {
        // 1 KB every 100 ms: every read succeeds well within the read timeout, so only the call timeout can end it.
        answer = r -> json200().setBody(zeros(MB)).throttleBody(1024, 100, TimeUnit.MILLISECONDS);
        List<Op> ops = new ArrayList<>();
        for (Provider p : providers()) {
            List<Op> all = ProviderCalls.operations(p, ProviderCalls.madeUpTarget(p));
            ops.add(all.stream().filter(op -> op.name().endsWith("findUsers(email)")).findFirst().orElseThrow());
            ops.add(all.stream().filter(Op::write).findFirst().orElseThrow());
        }
        Duration callTimeout = ProviderCalls.hostileOptions().callTimeout();
        List<Outcome> outcomes = Outcomes.runAll(ops);
        Outcomes.assertClean("never-ending body", outcomes, true, callTimeout.plusSeconds(2), BYTE_LIMIT, secrets());
        for (Outcome o : outcomes) {
            assertTrue(o.elapsed().compareTo(callTimeout.minusMillis(200)) >= 0,
                    o.op() + " ended before the call timeout: " + Outcomes.describe(List.of(o)));
        }
    }

    @Test
    void aRedirectLoop() throws Exception {
        everyCallFailsCleanly("redirect loop", r -> new MockResponse().setResponseCode(302)
                .setHeader("Location", r.getRequestUrl().encodedPath() + "?loop=" + System.nanoTime()));
        assertTrue(server.getRequestCount() > 50, "the loop was followed for the reads: " + server.getRequestCount());
    }

    /** 302 turns a POST into a GET; 307 and 308 repeat the method AND the body, so they are the harsher test. */
    @ParameterizedTest
    @ValueSource(ints = {302, 307, 308})
    void aRedirectToAnotherHostCarriesNoCredential(int status) throws Exception {
        HttpUrl elsewhere = otherHost.url("/login").newBuilder().host(otherHostName()).build();
        everyCallFailsCleanly("redirect " + status + " to another host",
                r -> new MockResponse().setResponseCode(status).setHeader("Location", elsewhere));
        assertNothingSecretReachedTheOtherHost();
        assertTrue(otherHostRequestCount() > 0, "the reads were redirected there");
    }

    /** CIPP's token request carries the client secret in its BODY: a 307 to another host must not repeat it there. */
    @ParameterizedTest
    @ValueSource(ints = {302, 307, 308})
    void aTokenEndpointRedirectingToAnotherHostGetsNoClientSecret(int status) throws Exception {
        hostileToken = true;
        HttpUrl elsewhere = otherHost.url("/oauth2/token").newBuilder().host(otherHostName()).build();
        answer = r -> new MockResponse().setResponseCode(status).setHeader("Location", elsewhere);
        Provider cipp = providers().get(0);
        assertEquals(ProviderKind.CIPP, cipp.connection().kind());

        List<Outcome> outcomes = Outcomes.runAll(ProviderCalls.operations(cipp, ProviderCalls.madeUpTarget(cipp)));

        Outcomes.assertClean("token endpoint redirect " + status, outcomes, true, QUICK, BYTE_LIMIT, secrets());
        assertNothingSecretReachedTheOtherHost();
    }

    /** The same hostile answers from CIPP's token endpoint (the first call every CIPP operation makes). */
    @Test
    void hostileTokenEndpoint() throws Exception {
        hostileToken = true;
        List<Function<RecordedRequest, MockResponse>> hostile = List.of(
                r -> json200().setBody(FIFTY_MB.clone()),
                r -> json200().setChunkedBody(FIFTY_MB.clone(), 256 * 1024),
                r -> json200().setBody("{\"access_token\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                r -> new MockResponse().setResponseCode(400).setBody("{\"error\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                r -> json200().setBody("{\"access_token\":{\"value\":\"x\"},\"expires_in\":[1]}"),
                r -> json200().setBody("{\"access_token\":null,\"expires_in\":null}"),
                r -> json200().setBody("\"just a string\""),
                r -> new MockResponse().setResponseCode(302).setHeader("Location", "/cipp/token?again=" + System.nanoTime()));
        for (int i = 0; i < hostile.size(); i++) {
            answer = hostile.get(i);
            Provider cipp = providers().get(0);
            List<Outcome> outcomes = Outcomes.runAll(List.of(new Op("CIPP testConnection", false, cipp::testConnection),
                    new Op("CIPP revokeAllSessions", true,
                            () -> cipp.revokeAllSessions(ProviderCalls.madeUpTarget(cipp).user(), null))));
            Outcomes.assertClean("hostile token answer #" + i, outcomes, true, QUICK, BYTE_LIMIT, secrets());
        }
    }

    private void assertNothingSecretReachedTheOtherHost() {
        List<RecordedRequest> requests;
        synchronized (otherHostRequests) {
            requests = List.copyOf(otherHostRequests);
        }
        for (RecordedRequest r : requests) {
            assertNull(r.getHeader("Authorization"), "Authorization followed the redirect to " + r.getPath());
            assertNull(r.getHeader("X-Auth-Key"));
            assertNull(r.getHeader("Cookie"));
            String everything = r.getRequestLine() + "\n" + r.getHeaders() + "\n" + r.getBody().clone().readUtf8();
            for (String secret : secrets()) {
                assertTrue(!everything.contains(secret), "a secret reached the other host in " + r.getRequestLine());
            }
        }
    }

    private int otherHostRequestCount() {
        synchronized (otherHostRequests) {
            return otherHostRequests.size();
        }
    }

    /** The other server under a different host name than the first one's, so the redirect changes host, not only port. */
    private String otherHostName() {
        return server.getHostName().equals("localhost") ? "127.0.0.1" : "localhost";
    }

    private static MockResponse json200() {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8");
    }

    private static Buffer zeros(long size) {
        Buffer b = new Buffer();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long written = 0; written < size; written += chunk.length) b.write(chunk);
        return b;
    }
}
