package io.signoff.provider.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No API token in any log line (at DEBUG) or exception message, through successes and every kind of failure. */
class CloudflareTokenLeakTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<ProviderException> failures = new ArrayList<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restore() {
        root.detachAppender(appender);
        root.setLevel(previous);
    }

    @Test
    void theTokenNeverShows() throws Exception {
        try (SimulatorServer sim = Simulators.start(0, Seed.demo(3, Instant.now()), 3)) {
            String token = sim.credentials().cloudflareToken();
            CloudflareProvider cf = CloudflareTestSupport.provider(CloudflareTestSupport.connection(
                    sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), sim.seed().cloudflare().accountId(), 0,
                    CloudflareTestSupport.fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5))),
                    token, new Redactor());
            cf.testConnection();
            Tenant account = cf.listTenants().get(0);
            DirectoryUser jane = cf.findUsers(account, "jane.doe@contoso.com").get(0);
            cf.listSessions(jane);
            sim.faults(ProviderKind.CLOUDFLARE).forceNext(Fault.MALFORMED_BODY, 1);
            expectFailure(() -> cf.findUsers(account, "omar.haddad@contoso.com"));
            sim.faults(ProviderKind.CLOUDFLARE).timeoutHang(Duration.ofMillis(600)).forceNext(Fault.TIMEOUT, 1);
            expectFailure(() -> cf.revokeAllSessions(jane, RevokeOptions.all()));
            sim.faults(ProviderKind.CLOUDFLARE).forceNext(Fault.DROP, 1);
            expectFailure(() -> cf.listSessions(jane));
            cf.revokeAllSessions(jane, RevokeOptions.all());

            String wrongToken = "cf-wrong-token-Zz81kq";
            CloudflareProvider rejected = CloudflareTestSupport.provider(CloudflareTestSupport.connection(
                    sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), sim.seed().cloudflare().accountId(), 0,
                    CloudflareTestSupport.fastOptions()), wrongToken, new Redactor());
            expectFailure(rejected::testConnection);
            assertNowhere(token);
            assertNowhere(wrongToken);
        }
        assertTrue(appender.list.size() > 10, "DEBUG logging was on: " + appender.list.size() + " events");
    }

    @Test
    void aTokenEchoedByTheProviderIsMasked() throws Exception {
        String token = "cf-echoed-token-Pq7Lm2";
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                    .setBody("{\"success\":false,\"errors\":[{\"code\":12000,\"message\":\"bad value " + token
                            + " in request\"}],\"messages\":[],\"result\":null}"));
            CloudflareProvider cf = CloudflareTestSupport.provider(CloudflareTestSupport.connection(server.url("/client/v4").toString(),
                    CloudflareTestSupport.ACCOUNT, 0, CloudflareTestSupport.fastOptions()), token, new Redactor());
            ProviderException e = expectFailure(() -> cf.findUsers(cf.listTenants().get(0), "jane"));
            assertEquals(ErrorKind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("bad value ***"), e.getMessage());
            assertNowhere(token);
        }
    }

    private ProviderException expectFailure(org.junit.jupiter.api.function.Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call);
        failures.add(e);
        return e;
    }

    private void assertNowhere(String secret) {
        for (ILoggingEvent event : appender.list) {
            assertFalse(event.getFormattedMessage().contains(secret), "log line leaks the token: " + event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(secret), "logged exception leaks the token");
            }
        }
        for (ProviderException e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(secret), "exception leaks the token: " + t.getMessage());
                assertFalse(t.toString().contains(secret));
            }
        }
    }
}
