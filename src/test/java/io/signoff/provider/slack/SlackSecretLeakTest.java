package io.signoff.provider.slack;

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
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The token never reaches a log line (at DEBUG) or an exception message, on success and on every failure path. */
class SlackSecretLeakTest {
    private static final String TOKEN = SimCredentials.demo().slackToken();
    private static final String WRONG_TOKEN = "xoxp-9999-wrong-but-still-secret";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<char[]> handedOut = new CopyOnWriteArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private int failures;
    private Logger root;
    private Level rootLevel;
    private SimulatorServer sim;

    @BeforeEach
    void captureLogs() throws Exception {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
        sim = Simulators.start(0, Seed.demo(7, Instant.parse("2026-11-01T00:00:00Z")), 7);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        sim.close();
    }

    private SlackProvider provider(String token, RequestOptions options) {
        SecretSource secrets = (id, name) -> {
            char[] value = token.toCharArray();
            handedOut.add(value);
            return value;
        };
        return new SlackProvider(SlackTestSupport.connection(sim.baseUrl(ProviderKind.SLACK).toString(), options), secrets,
                new HttpClients("signoff-test"), new Redactor(), SlackLimits.defaults());
    }

    private void expectFailure(ThrowingCall call) {
        ProviderException e = assertThrows(ProviderException.class, call::run);
        failures++;
        for (Throwable t = e; t != null; t = t.getCause()) messages.add(String.valueOf(t.getMessage()) + " " + t);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void theTokenAppearsInNoLogLineAndNoExceptionMessage() throws Exception {
        SlackProvider slack = provider(TOKEN, SlackTestSupport.fastOptions());
        slack.testConnection();
        var hq = slack.listTenants().get(0);
        DirectoryUser jane = slack.findUsers(hq, "jane.doe@contoso.com").get(0);
        slack.findUsers(hq, "doe");
        List<Session> sessions = slack.listSessions(jane).sessions();
        slack.revokeSession(jane, sessions.get(0));
        slack.revokeAllSessions(jane, new RevokeOptions(RevokeOptions.Scope.WEB_ONLY, false, false));

        SlackProvider noRetry = provider(TOKEN, SlackTestSupport.fastOptions().withMaxRetries(0));
        sim.faults(ProviderKind.SLACK).forceNext(Fault.RATE_LIMIT, 1);
        expectFailure(() -> noRetry.listSessions(jane));
        sim.faults(ProviderKind.SLACK).forceNext(Fault.MALFORMED_BODY, 1);
        expectFailure(() -> noRetry.deactivate(jane));
        sim.faults(ProviderKind.SLACK).forceNext(Fault.HTML_ERROR_PAGE, 1);
        expectFailure(noRetry::listTenants);
        sim.faults(ProviderKind.SLACK).timeoutHang(Duration.ofSeconds(1)).forceNext(Fault.TIMEOUT, 1);
        SlackProvider impatient = provider(TOKEN, RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(3)));
        expectFailure(() -> impatient.revokeAllSessions(jane, RevokeOptions.all()));
        expectFailure(() -> slack.revokeAllSessions(slack.findUsers(hq, "priya.raman@contoso.com").get(0), RevokeOptions.all()));
        expectFailure(() -> provider(WRONG_TOKEN, SlackTestSupport.fastOptions()).testConnection());
        SlackProvider unreachable = new SlackProvider(SlackTestSupport.connection("http://127.0.0.1:1/api",
                SlackTestSupport.fastOptions().withMaxRetries(0)),
                (id, name) -> TOKEN.toCharArray(), new HttpClients("signoff-test"), new Redactor(), SlackLimits.defaults());
        expectFailure(unreachable::listTenants);

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) lines.add(t.getMessage());
        }
        assertTrue(lines.stream().filter(l -> l != null && l.startsWith("Slack (Contoso Grid) POST")).count() >= 15,
                "DEBUG logging of every call was captured: " + lines);
        assertEquals(7, failures, "every failure path ran");
        for (String text : concat(lines, messages)) {
            if (text == null) continue;
            assertFalse(text.contains(TOKEN), "token leaked: " + text);
            assertFalse(text.contains(WRONG_TOKEN), "rejected token leaked: " + text);
            assertFalse(text.contains("xoxp-"), "token-shaped text leaked: " + text);
        }
        assertFalse(handedOut.isEmpty());
        for (char[] given : handedOut) {
            for (char c : given) assertEquals('\0', c, "the token array was wiped after use");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
