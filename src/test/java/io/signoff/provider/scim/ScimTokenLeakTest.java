package io.signoff.provider.scim;

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

/** No SCIM bearer token in any log line (at DEBUG) or exception message, through successes and failures. */
class ScimTokenLeakTest {
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
            String token = sim.credentials().scimToken();
            ScimProvider lucid = ScimTestSupport.provider(ScimTestSupport.connection(sim.baseUrl(ProviderKind.SCIM).toString(),
                    "Lucid", 0, ScimTestSupport.fastOptions().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300),
                            Duration.ofSeconds(5))), token, new Redactor());
            lucid.testConnection();
            Tenant app = lucid.listTenants().get(0);
            DirectoryUser jane = lucid.findUsers(app, "jane.doe@contoso.com").get(0);
            assertTrue(lucid.findUsers(app, "x\" or userName pr").isEmpty(), "escaped: no injection, no error");
            expectFailure(() -> lucid.getUser(app, "lucid-9999"));
            sim.faults(ProviderKind.SCIM).timeoutHang(Duration.ofMillis(600)).forceNext(Fault.TIMEOUT, 1);
            expectFailure(() -> lucid.deactivate(jane));
            sim.faults(ProviderKind.SCIM).forceNext(Fault.HTML_ERROR_PAGE, 1);
            expectFailure(() -> lucid.getUser(app, jane.id()));
            lucid.deactivate(jane);
            DirectoryUser priya = lucid.getUser(app, "lucid-0003");
            expectFailure(() -> lucid.hardDelete(priya));

            String wrongToken = "scim-wrong-token-Yx42";
            ScimProvider rejected = ScimTestSupport.provider(ScimTestSupport.connection(sim.baseUrl(ProviderKind.SCIM).toString(),
                    "Lucid", 0, ScimTestSupport.fastOptions()), wrongToken, new Redactor());
            expectFailure(rejected::testConnection);
            assertNowhere(token);
            assertNowhere(wrongToken);
        }
        assertTrue(appender.list.size() > 8, "DEBUG logging was on: " + appender.list.size() + " events");
    }

    @Test
    void aTokenEchoedByTheProviderIsMasked() throws Exception {
        String token = "scim-echoed-token-Ww3Rt9";
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(401).setHeader("Content-Type", "application/scim+json")
                    .setBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\",\"detail\":\"token "
                            + token + " is expired\"}"));
            ScimProvider scim = ScimTestSupport.provider(ScimTestSupport.connection(server.url("/scim/v2").toString(), "Acme", 0,
                    ScimTestSupport.fastOptions()), token, new Redactor());
            ProviderException e = expectFailure(() -> scim.getUser(scim.listTenants().get(0), "u1"));
            assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
            assertTrue(e.getMessage().contains("token *** is expired"), e.getMessage());
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
