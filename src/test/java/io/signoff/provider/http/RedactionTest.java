package io.signoff.provider.http;

import static io.signoff.provider.http.TestCalls.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactionTest {
    private static final String BEARER = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaXBwIn0.c2lnbmF0dXJlLXZhbHVl";
    private static final String SLACK_TOKEN = "xoxp-1111-2222-3333-abcdefabcdef";
    private static final String CLIENT_SECRET = "Zq8~client.S3cret_value";
    private static final String QUERY_TOKEN = "qt-7f3a9c1e5b";

    @Test
    void masksTheShapesSecretsTake() {
        Redactor r = new Redactor();
        assertEquals("Authorization: ***", r.redact("Authorization: Bearer " + BEARER));
        assertEquals("{\"Proxy-Authorization\":\"***\"}", r.redact("{\"Proxy-Authorization\":\"Basic YWxpY2U6cHc=\"}"));
        assertEquals("X-Auth-Key: ***", r.redact("X-Auth-Key: 0123456789abcdef"));
        assertEquals("sent bearer *** to CIPP", r.redact("sent bearer " + BEARER + " to CIPP"));
        assertEquals("token was ***", r.redact("token was " + SLACK_TOKEN));
        assertEquals("got *** back", r.redact("got " + BEARER + " back"));
        assertEquals("{\"client_secret\":\"***\",\"grant_type\":\"client_credentials\"}",
                r.redact("{\"client_secret\":\"abc123XYZ\",\"grant_type\":\"client_credentials\"}"));
        assertEquals("client_secret=***&scope=x", r.redact("client_secret=abc%2B123&scope=x"));
        assertEquals("{\"password\": \"***\"}", r.redact("{\"password\": \"Tr0ub4dor&3\"}"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        Redactor r = new Redactor();
        for (String text : List.of("error: token_revoked", "Basic authentication is not allowed",
                "user jane.doe@contoso.com not found", "HTTP 401 from https://api.slack.com/api/admin.users.session.list")) {
            assertEquals(text, r.redact(text));
        }
    }

    @Test
    void masksRegisteredSecretsOfAnyShapeAlsoUrlEncoded() {
        Redactor r = new Redactor();
        r.register(CLIENT_SECRET.toCharArray());
        String text = "body was grant=" + CLIENT_SECRET + " and echoed as " + java.net.URLEncoder.encode(CLIENT_SECRET,
                java.nio.charset.StandardCharsets.UTF_8);
        String out = r.redact(text);
        assertFalse(out.contains("S3cret"), out);
        r.register("abc"); // too short to mask safely: would shred ordinary words
        assertEquals("abcdef", r.redact("abcdef"));
    }

    @Test
    void noSecretReachesALogLineOrAnExceptionMessage() throws Exception {
        Redactor redactor = new Redactor();
        redactor.register(CLIENT_SECRET);
        List<String> exceptionTexts = new ArrayList<>();
        try (MockWebServer server = new MockWebServer(); LogCapture log = new LogCapture("io.signoff")) {
            server.enqueue(new MockResponse().setResponseCode(503));
            server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            server.start();
            RequestOptions options = fastOptions();
            ApiCaller caller = new ApiCaller(new HttpClients(TestCalls.USER_AGENT).clientFor(options, "Slack", null),
                    options, "Slack", redactor);

            caller.send(new Request.Builder().url(server.url("/api/users.list?token=" + QUERY_TOKEN + "&limit=5"))
                    .header("Authorization", "Bearer " + SLACK_TOKEN).build(), Idempotency.IDEMPOTENT);
            collect(exceptionTexts, assertThrows(ProviderException.class, () -> caller.send(
                    new Request.Builder().url(server.url("/oauth2/token?access_token=" + QUERY_TOKEN))
                            .header("Authorization", "Bearer " + BEARER)
                            .post(new FormBody.Builder().add("client_secret", CLIENT_SECRET).build()).build(),
                    Idempotency.NON_IDEMPOTENT)));
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            collect(exceptionTexts, assertThrows(ProviderException.class, () -> caller.send(
                    new Request.Builder().url("http://127.0.0.1:" + closedPort + "/api?token=" + QUERY_TOKEN)
                            .header("Authorization", "Bearer " + BEARER).build(), Idempotency.IDEMPOTENT)));

            List<String> logTexts = log.texts();
            assertTrue(logTexts.stream().anyMatch(t -> t.contains("/api/users.list") && t.contains("[token, limit]")),
                    "the capture works and shows parameter names: " + logTexts);
            assertTrue(logTexts.stream().anyMatch(t -> t.contains("retrying")), "the retry was logged: " + logTexts);
            List<String> all = new ArrayList<>(logTexts);
            all.addAll(exceptionTexts);
            for (String text : all) {
                for (String secret : List.of(BEARER, SLACK_TOKEN, CLIENT_SECRET, QUERY_TOKEN, "S3cret")) {
                    assertFalse(text.contains(secret), "secret in: " + text);
                }
            }
        }
    }

    private static void collect(List<String> out, Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) out.add(x.getClass().getName() + ": " + x.getMessage());
    }

    @Test
    void theProductionLogPatternsMaskWhatCodeForgotToRedact(@org.junit.jupiter.api.io.TempDir java.nio.file.Path logDir) throws Exception {
        // The shipped logging set-up in a private context: the test run itself uses logback-test.xml.
        LoggerContext context = new LoggerContext();
        io.signoff.logging.SignoffLogging.configure(context, logDir);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            for (String name : List.of("STDERR", "FILE")) {
                @SuppressWarnings("unchecked")
                OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(name);
                LayoutWrappingEncoder<ILoggingEvent> encoder = (LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder();
                LoggingEvent event = new LoggingEvent(RedactionTest.class.getName(), context.getLogger("io.signoff.somewhere"),
                        Level.ERROR, "calling with Authorization: Bearer {}", new IOException("refused for " + SLACK_TOKEN),
                        new Object[] {BEARER});

                String line = encoder.getLayout().doLayout(event);

                assertTrue(line.contains("calling with Authorization: ***"), name + ": " + line);
                assertFalse(line.contains(BEARER) || line.contains(SLACK_TOKEN), name + ": " + line);
                if (name.equals("FILE")) {
                    assertTrue(line.contains("IOException: refused for ***"), line);
                }
            }
        } finally {
            context.stop();
        }
    }
}
