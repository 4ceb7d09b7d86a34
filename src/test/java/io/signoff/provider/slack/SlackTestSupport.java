package io.signoff.provider.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.signoff.model.AccountStatus;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Shared bits of the Slack tests: connections, a token source, fixtures. */
final class SlackTestSupport {
    static final String CONNECTION_ID = "slack-test";

    private SlackTestSupport() { }

    /** Short timeouts and fast retries: the tests run against loopback. */
    static RequestOptions fastOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    static Connection connection(String baseUrl, RequestOptions options) {
        return new Connection(CONNECTION_ID, ProviderKind.SLACK, "Contoso Grid", baseUrl, Map.of(), options);
    }

    static SecretSource tokenSource(String token) {
        return (id, name) -> {
            if (!CONNECTION_ID.equals(id) || !SlackApi.TOKEN_SECRET.equals(name)) {
                throw new AssertionError("unexpected secret lookup " + id + "/" + name);
            }
            return token.toCharArray();
        };
    }

    static SlackProvider provider(String baseUrl, String token, RequestOptions options, SlackLimits limits) {
        return new SlackProvider(connection(baseUrl, options), tokenSource(token), new HttpClients("signoff-test"),
                new Redactor(), limits);
    }

    static DirectoryUser user(String id, String email, List<String> workspaces) {
        return new DirectoryUser(CONNECTION_ID, ProviderKind.SLACK, workspaces.isEmpty() ? null : workspaces.get(0), id,
                email, email, AccountStatus.ENABLED, false, false, false, false, null, List.of(), workspaces, Map.of());
    }

    /**
     * Waits (bounded) until the simulator's call log shows {@code expected}: the server records a call only after
     * its answer went out, so the client can see the answer a moment before the log has the entry.
     */
    static <T> void awaitLogged(T expected, Supplier<T> actual, String message) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!Objects.equals(expected, actual.get()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        assertEquals(expected, actual.get(), message);
    }

    static String fixture(String name) {
        try (InputStream in = SlackTestSupport.class.getResourceAsStream("/fixtures/slack/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
