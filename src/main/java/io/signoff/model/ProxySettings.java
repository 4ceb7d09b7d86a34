package io.signoff.model;

import java.util.Objects;

/** An outbound proxy for one connection. The proxy password, if any, lives in the keychain under {@link #PASSWORD_SECRET}. */
public record ProxySettings(Type type, String host, int port, String username) {
    public static final String PASSWORD_SECRET = "proxy-password";

    public enum Type { HTTP, SOCKS }

    public ProxySettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Proxy port must be 1-65535, was " + port);
        }
    }

    public boolean hasCredentials() { return username != null && !username.isBlank(); }
}
