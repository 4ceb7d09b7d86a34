package io.signoff.provider;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import io.signoff.provider.http.ApiCaller;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Redactor;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;

/**
 * TEST-ONLY stand-in for {@code Providers.standard(...)} while the real clients live on other branches: "test
 * connection" fetches the secret through the {@link SecretSource}, compares it with what the simulator accepts, and
 * makes a real HTTP call (through the real HTTP layer: timeouts, proxy, TLS options) to the simulator's
 * {@code /_sim/health}. Swap for {@code Providers.standard(...)} once the clients are merged.
 */
public final class SimHealthProviders {

    /** What the simulator accepts for one kind: the secret's name in the vault and its value. */
    public record Accepted(String secretName, String secret) { }

    private SimHealthProviders() { }

    public static Providers create(Map<ProviderKind, Accepted> accepted) {
        HttpClients http = new HttpClients("Signoff-test");
        Redactor redactor = new Redactor();
        Map<ProviderKind, ProviderFactory> factories = new EnumMap<>(ProviderKind.class);
        accepted.forEach((kind, credential) ->
                factories.put(kind, (connection, secrets) -> new HealthProvider(connection, secrets, http, redactor, credential)));
        return new Providers(factories);
    }

    private record HealthProvider(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor,
                                  Accepted accepted) implements Provider {
        @Override
        public Set<Capability> capabilities() { return Set.of(); }

        @Override
        public ConnectionCheck testConnection() throws ProviderException {
            char[] secret = secrets.secret(connection.id(), accepted.secretName());
            try {
                redactor.register(secret);
                if (!Arrays.equals(secret, accepted.secret().toCharArray())) {
                    throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, "The simulator rejected the credentials")
                            .httpStatus(401).providerCode("invalid_auth").build();
                }
            } finally {
                Arrays.fill(secret, '\0');
            }
            URI base = URI.create(connection.baseUrl());
            String health = base.getScheme() + "://" + base.getHost() + ":" + base.getPort() + "/_sim/health";
            ApiCaller caller = new ApiCaller(http.clientFor(connection.requestOptions(), connection.displayName(), null),
                    connection.requestOptions().withMaxRetries(0), connection.displayName(), redactor);
            HttpReply reply = caller.send(new Request.Builder().url(health).get().build(), Idempotency.IDEMPOTENT);
            if (!reply.successful()) {
                throw ProviderException.of(ErrorKind.TRANSIENT, "The simulator answered HTTP " + reply.status())
                        .httpStatus(reply.status()).build();
            }
            return new ConnectionCheck("simulator " + connection.kind().slug() + " client", List.of("health:read"), "");
        }

        @Override
        public List<Tenant> listTenants() throws ProviderException {
            throw ProviderException.unsupported("test stand-in");
        }

        @Override
        public List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException {
            throw ProviderException.unsupported("test stand-in");
        }
    }
}
