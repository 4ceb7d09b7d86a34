package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.provider.Provider;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One {@link Provider} per configured {@link Connection}, built on first use. Keyed by the whole connection record, so
 * an edited connection (new URL, new options) gets a fresh client while an unchanged one keeps its token cache.
 */
public final class ProviderPool {
    private final Supplier<List<Connection>> connections;
    private final Providers providers;
    private final SecretSource secrets;
    private final Map<Connection, Provider> built = new ConcurrentHashMap<>();

    /**
     * @param connections the connections currently configured, read each time a workflow starts (settings may change)
     */
    public ProviderPool(Supplier<List<Connection>> connections, Providers providers, SecretSource secrets) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public List<Connection> connections() {
        List<Connection> current = connections.get();
        return current == null ? List.of() : List.copyOf(current);
    }

    public Optional<Connection> connection(String id) {
        return connections().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The client for a connection, or {@link NotConnectedException} when this build or its settings cannot reach it. */
    public Provider provider(Connection connection) throws NotConnectedException {
        if (!providers.supports(connection.kind())) {
            throw new NotConnectedException("No " + connection.kind().displayName() + " client in this build");
        }
        try {
            return built.computeIfAbsent(connection, c -> providers.create(c, secrets));
        } catch (RuntimeException e) {
            // A client refuses to build only on unusable settings (bad URL, missing tenant id): the message says which.
            throw new NotConnectedException("Not connected: " + e.getMessage());
        }
    }

    /** Raised when a connection has no usable client; the message is meant for the operator. */
    public static final class NotConnectedException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotConnectedException(String message) {
            super(message);
        }
    }
}
