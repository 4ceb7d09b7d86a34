package io.signoff.provider.http;

import java.io.IOException;

/**
 * The proxy between us and the provider refused our credentials, or asked for credentials we do not have. Nothing
 * reached the provider. Thrown from inside OkHttp's connection setup, caught and mapped by {@link ApiCaller}.
 */
final class ProxyAuthenticationException extends IOException {
    private static final long serialVersionUID = 1L;

    ProxyAuthenticationException(String message) {
        super(message);
    }
}
