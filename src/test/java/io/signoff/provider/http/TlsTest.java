package io.signoff.provider.http;

import static io.signoff.provider.http.TestCalls.fastOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.signoff.model.ErrorKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is verified unless a connection explicitly turns it off; an extra CA bundle adds trust without removing any. */
class TlsTest {
    private static final HeldCertificate SELF_SIGNED = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .build();

    private final MockWebServer server = new MockWebServer();
    @TempDir Path dir;

    @BeforeEach
    void start() throws IOException {
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(SELF_SIGNED).build();
        server.useHttps(serverSide.sslSocketFactory(), false);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private HttpReply call(RequestOptions options) throws ProviderException {
        ApiCaller caller = new ApiCaller(new HttpClients(TestCalls.USER_AGENT).clientFor(options, "Private CIPP", null),
                options, "Private CIPP", new Redactor());
        return caller.send(new Request.Builder().url(server.url("/api/ListTenants")).build(), Idempotency.IDEMPOTENT);
    }

    @Test
    void selfSignedServerIsRefusedByDefault() {
        server.enqueue(new MockResponse().setBody("{}"));

        ProviderException e = assertThrows(ProviderException.class, () -> call(fastOptions()));

        assertEquals(ErrorKind.TRANSIENT, e.kind());
        assertEquals("tls_failure", e.providerCode());
        assertTrue(e.getMessage().contains("TLS failure") && e.getMessage().contains("CA bundle"), e.getMessage());
        assertEquals(0, server.getRequestCount(), "no request crosses an unverified connection");
    }

    @Test
    void extraCaBundleMakesThePrivateCertificateTrusted() throws Exception {
        Path bundle = Files.writeString(dir.resolve("corp-ca.pem"), SELF_SIGNED.certificatePem());
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));

        HttpReply reply = call(fastOptions().withTls(bundle, false));

        assertEquals(200, reply.status());
        assertEquals("{\"ok\":true}", reply.body());
    }

    @Test
    void skippingVerificationWorksAndWarnsOnEveryUse() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        try (LogCapture log = new LogCapture(HttpClients.class.getName())) {
            RequestOptions options = fastOptions().withTls(null, true);
            ApiCaller caller = new ApiCaller(new HttpClients(TestCalls.USER_AGENT).clientFor(options, "Private CIPP", null),
                    options, "Private CIPP", new Redactor());
            Request request = new Request.Builder().url(server.url("/api/ListTenants")).build();

            assertEquals(200, caller.send(request, Idempotency.IDEMPOTENT).status());
            assertEquals(200, caller.send(request, Idempotency.IDEMPOTENT).status());

            long perCall = log.at(Level.WARN).stream().filter(e -> e.getFormattedMessage().contains("WITHOUT TLS verification")).count();
            long atSetUp = log.at(Level.WARN).stream().filter(e -> e.getFormattedMessage().contains("TLS verification is OFF")).count();
            assertEquals(2, perCall);
            assertEquals(1, atSetUp);
            assertTrue(log.at(Level.WARN).get(0).getFormattedMessage().contains("'Private CIPP'"));
        }
    }

    @Test
    void unreadableBundlesAreNamedAtSetUp() throws IOException {
        HttpClients clients = new HttpClients(TestCalls.USER_AGENT);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> clients.clientFor(fastOptions().withTls(dir.resolve("nope.pem"), false), "X", null));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.pem"), "# nothing here\n");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> clients.clientFor(fastOptions().withTls(empty, false), "X", null));
        assertTrue(none.getMessage().contains("no PEM certificate") || none.getMessage().contains("Cannot read"), none.getMessage());
    }

    @Test
    void redirectFromHttpsDownToHttpIsNotFollowed() throws Exception {
        try (MockWebServer plain = new MockWebServer()) {
            plain.start();
            plain.enqueue(new MockResponse().setBody("{}"));
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", plain.url("/insecure").toString()));
            Path bundle = Files.writeString(dir.resolve("corp-ca.pem"), SELF_SIGNED.certificatePem());

            ProviderException e = assertThrows(ProviderException.class, () -> call(fastOptions().withTls(bundle, false)));

            assertEquals("redirect_not_followed", e.providerCode());
            assertTrue(e.getMessage().contains("HTTPS to plain HTTP"), e.getMessage());
            assertEquals(0, plain.getRequestCount());
        }
    }
}
