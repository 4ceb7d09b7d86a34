package io.signoff.provider;

import io.signoff.model.Connection;

/** Builds the client for a connection. One implementation per provider kind; {@link Providers} picks by kind. */
@FunctionalInterface
public interface ProviderFactory {
    Provider create(Connection connection, SecretSource secrets);
}
