package io.signoff.provider.http;

import static io.signoff.provider.http.TestCalls.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ErrorKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy settings of a connection are applied: HTTP proxy with Basic auth, SOCKS5 with user/password. */
class ProxyTest {
    private static final String PROXY_PASSWORD = "pr0xy-Pa55word";
    private final MockWebServer proxy = new MockWebServer();
    private final MockWebServer provider = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        proxy.start();
        provider.start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.shutdown();
        provider.shutdown();
    }

    private ApiCaller callerVia(ProxySettings settings, char[] password) {
        RequestOptions options = fastOptions().withProxy(settings);
        return new ApiCaller(new HttpClients(TestCalls.USER_AGENT).clientFor(options, "Proxied API", password),
                options, "Proxied API", new Redactor());
    }

    private ProxySettings httpProxy(String user) {
        return new ProxySettings(ProxySettings.Type.HTTP, proxy.getHostName(), proxy.getPort(), user);
    }

    private static Request get(String url) {
        return new Request.Builder().url(url).build();
    }

    @Test
    void httpProxyReceivesTheAbsoluteUri() throws Exception {
        proxy.enqueue(new MockResponse().setBody("{\"via\":\"proxy\"}"));

        HttpReply reply = callerVia(httpProxy(null), null).send(get("http://provider.invalid/api/users?limit=5"), Idempotency.IDEMPOTENT);

        assertEquals("{\"via\":\"proxy\"}", reply.body());
        RecordedRequest seen = proxy.takeRequest();
        assertEquals("GET http://provider.invalid/api/users?limit=5 HTTP/1.1", seen.getRequestLine());
        assertEquals(TestCalls.USER_AGENT, seen.getHeader("User-Agent"));
    }

    @Test
    void answersA407WithBasicCredentialsOnce() throws Exception {
        proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
        proxy.enqueue(new MockResponse().setBody("{}"));

        HttpReply reply = callerVia(httpProxy("alice"), PROXY_PASSWORD.toCharArray())
                .send(get("http://provider.invalid/api/users"), Idempotency.IDEMPOTENT);

        assertEquals(200, reply.status());
        assertNull(proxy.takeRequest().getHeader("Proxy-Authorization"));
        assertEquals(Credentials.basic("alice", PROXY_PASSWORD, StandardCharsets.UTF_8),
                proxy.takeRequest().getHeader("Proxy-Authorization"));
    }

    @Test
    void rejectedProxyCredentialsEndTheCallClearly() {
        for (int i = 0; i < 3; i++) {
            proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
        }

        ProviderException e = assertThrows(ProviderException.class, () -> callerVia(httpProxy("alice"), "wrong".toCharArray())
                .send(get("http://provider.invalid/api/users"), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertEquals("proxy_auth", e.providerCode());
        assertTrue(e.getMessage().contains("rejected the credentials of user 'alice'"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), e.getMessage());
        assertEquals(2, proxy.getRequestCount(), "one challenge answered, no retry");
    }

    @Test
    void proxyAskingForCredentialsWeDoNotHaveFailsLoudly() {
        proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Negotiate"));

        ProviderException e = assertThrows(ProviderException.class, () -> callerVia(httpProxy(null), null)
                .send(get("http://provider.invalid/api/users"), Idempotency.IDEMPOTENT));

        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("has no proxy user") && e.getMessage().contains("Negotiate"), e.getMessage());
        assertEquals(1, proxy.getRequestCount());
    }

    @Test
    void httpsTunnelSendsProxyCredentialsUpFront() throws Exception {
        proxy.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));

        ProviderException e = assertThrows(ProviderException.class, () -> callerVia(httpProxy("alice"), PROXY_PASSWORD.toCharArray())
                .send(get("https://provider.invalid/api/users"), Idempotency.NON_IDEMPOTENT));

        RecordedRequest connect = proxy.takeRequest();
        assertEquals("CONNECT provider.invalid:443 HTTP/1.1", connect.getRequestLine());
        assertEquals(Credentials.basic("alice", PROXY_PASSWORD, StandardCharsets.UTF_8), connect.getHeader("Proxy-Authorization"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind(), "a refused tunnel sent nothing to the provider");
    }

    @Test
    void socksProxyWithUserAndPasswordResolvesTheHostRemotely() throws Exception {
        provider.enqueue(new MockResponse().setBody("{\"via\":\"socks\"}"));
        try (TestSocks5Server socks = new TestSocks5Server("alice", PROXY_PASSWORD)) {
            ProxySettings settings = new ProxySettings(ProxySettings.Type.SOCKS, "127.0.0.1", socks.port(), "alice");

            HttpReply reply = callerVia(settings, PROXY_PASSWORD.toCharArray())
                    .send(get("http://localhost:" + provider.getPort() + "/api/users"), Idempotency.IDEMPOTENT);

            assertEquals("{\"via\":\"socks\"}", reply.body());
            assertEquals(List.of("alice"), socks.usersSeen);
            assertEquals(List.of("domain:localhost:" + provider.getPort()), socks.targetsSeen);
            assertEquals("/api/users", provider.takeRequest().getPath());
        }
    }

    @Test
    void socksProxyRejectingThePasswordIsCredentialsRejectedAndNothingIsSent() throws Exception {
        provider.enqueue(new MockResponse().setBody("{}"));
        try (TestSocks5Server socks = new TestSocks5Server("alice", PROXY_PASSWORD)) {
            ProxySettings settings = new ProxySettings(ProxySettings.Type.SOCKS, "127.0.0.1", socks.port(), "alice");

            ProviderException e = assertThrows(ProviderException.class, () -> callerVia(settings, "wrong".toCharArray())
                    .send(get("http://localhost:" + provider.getPort() + "/api/revoke"), Idempotency.NON_IDEMPOTENT));

            assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
            assertTrue(e.getMessage().contains("rejected the user name and password of user 'alice'"), e.getMessage());
            assertEquals(0, provider.getRequestCount());
            assertEquals(List.of("alice"), socks.usersSeen, "tried once, not retried");
        }
    }

    @Test
    void socksProxyThatNeedsCredentialsWeDoNotHaveFailsLoudly() throws Exception {
        try (TestSocks5Server socks = new TestSocks5Server("alice", PROXY_PASSWORD)) {
            ProxySettings settings = new ProxySettings(ProxySettings.Type.SOCKS, "127.0.0.1", socks.port(), null);

            ProviderException e = assertThrows(ProviderException.class, () -> callerVia(settings, null)
                    .send(get("http://localhost:" + provider.getPort() + "/api/users"), Idempotency.IDEMPOTENT));

            assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
            assertTrue(e.getMessage().contains("requires a user name and password"), e.getMessage());
        }
    }

    @Test
    void socksProxyWithoutAuthenticationAndAnIpTarget() throws Exception {
        provider.enqueue(new MockResponse().setBody("{}"));
        try (TestSocks5Server socks = new TestSocks5Server(null, null)) {
            ProxySettings settings = new ProxySettings(ProxySettings.Type.SOCKS, "127.0.0.1", socks.port(), null);

            HttpReply reply = callerVia(settings, null)
                    .send(get("http://127.0.0.1:" + provider.getPort() + "/api/users"), Idempotency.IDEMPOTENT);

            assertEquals(200, reply.status());
            assertEquals(List.of("ip:127.0.0.1:" + provider.getPort()), socks.targetsSeen);
        }
    }
}
