package io.signoff.provider.cipp;

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
import io.signoff.model.RevokeOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.PasswordReset;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippTestSupport.CountingSecrets;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Drives every CIPP path that touches a secret (token fetch, refusal, reset password, offboarding with a password
 * reset, failures on writes) with DEBUG logging on, then searches every log line, exception message and returned text
 * for the client secret, each access token and each new password.
 */
class CippSecretHygieneTest {
    private static final String WRONG_SECRET = "wrong-secret-Value-991";

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger signoffLogger = (Logger) LoggerFactory.getLogger("io.signoff");
    private Level previousLevel;
    private SimulatorServer sim;

    @BeforeEach
    void capture() throws Exception {
        previousLevel = signoffLogger.getLevel();
        signoffLogger.setLevel(Level.DEBUG);
        appender.start();
        signoffLogger.addAppender(appender);
        sim = Simulators.start(0, Seed.demo(9, Instant.now()), 9);
    }

    @AfterEach
    void release() {
        sim.close();
        signoffLogger.detachAppender(appender);
        signoffLogger.setLevel(previousLevel);
    }

    @Test
    void noSecretTokenOrPasswordReachesALogLineOrAMessage() throws Exception {
        CippSimulator cipp = ((CippSimulator) sim.api(ProviderKind.CIPP)).jobTiming(Duration.ZERO, Duration.ZERO);
        String clientSecret = sim.credentials().cippClientSecret();
        List<String> texts = new ArrayList<>();
        List<String> passwords = new ArrayList<>();

        CippProvider wrong = new CippProvider(CippTestSupport.simConnection(sim, CippTestSupport.fastOptions()),
                new CountingSecrets(WRONG_SECRET), new HttpClients("t"), new Redactor());
        texts.add(assertThrows(ProviderException.class, wrong::testConnection).getMessage());

        CippProvider provider = new CippProvider(CippTestSupport.simConnection(sim, CippTestSupport.fastOptions()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(3))),
                new CountingSecrets(clientSecret), new HttpClients("t"), new Redactor());
        texts.add(provider.testConnection().toString());
        Tenant contoso = provider.listTenants().get(0);
        DirectoryUser jane = provider.findUsers(contoso, "jane.doe@contoso.com").get(0);
        texts.add(provider.listSessions(jane).toString());
        texts.add(provider.revokeAllSessions(jane, RevokeOptions.all()).toString());
        PasswordReset reset = provider.resetPassword(jane, true);
        passwords.add(new String(reset.secret()));
        texts.add(reset.toString());
        texts.add(reset.message());

        BundleJob job = provider.queueOffboarding(jane, new BundleRequest(Map.of("ResetPass", true, "DisableSignIn", true),
                "T-1", null, null));
        texts.add(job.toString());
        BundleStatus status = provider.offboardingStatus(job);
        assertTrue(status.finished(), status.toString());
        texts.add(status.toString());

        cipp.expireTokens();
        texts.add(provider.listTenants().toString());
        sim.faults(ProviderKind.CIPP).timeoutHang(Duration.ofMillis(600)).forceNext(Fault.TIMEOUT, 1);
        texts.add(assertThrows(ProviderException.class, () -> provider.resetPassword(jane, true)).getMessage());
        sim.faults(ProviderKind.CIPP).forceNext(Fault.MALFORMED_BODY, 1);
        texts.add(assertThrows(ProviderException.class, () -> provider.resetPassword(jane, true)).getMessage());
        PasswordReset second = provider.resetPassword(jane, false);
        passwords.add(new String(second.secret()));
        texts.add(second.toString());

        for (ILoggingEvent event : appender.list) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) texts.add(t.getMessage());
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("obtained an access token")),
                "DEBUG logging was captured");

        List<String> secrets = new ArrayList<>(List.of(clientSecret, WRONG_SECRET));
        secrets.addAll(cipp.issuedTokens());
        secrets.addAll(passwords);
        assertTrue(cipp.issuedTokens().size() >= 2, "the expired token was replaced");
        for (String text : texts) {
            if (text == null) continue;
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret leaked into: " + text.replace(secret, "<SECRET>"));
            }
        }
    }
}
