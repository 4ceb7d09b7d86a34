package io.signoff.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-connection HTTP options. TLS verification is on unless {@code skipTlsVerification} is set explicitly for this
 * one connection; the UI shows a warning wherever such a connection appears.
 *
 * @param rateBudgetPerMinute the most calls per minute this connection may make (0 = provider default)
 */
public record RequestOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        ProxySettings proxy,
        Path extraCaBundle,
        boolean skipTlsVerification,
        int rateBudgetPerMinute,
        int maxRetries,
        long maxResponseBytes) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    public RequestOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (rateBudgetPerMinute < 0) throw new IllegalArgumentException("rate budget must be >= 0");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        if (maxResponseBytes <= 0) throw new IllegalArgumentException("maxResponseBytes must be > 0");
    }

    public static RequestOptions defaults() {
        return new RequestOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(3),
                null, null, false, 0, 3, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public RequestOptions withTimeouts(Duration connect, Duration read, Duration call) {
        return new RequestOptions(connect, read, call, proxy, extraCaBundle, skipTlsVerification,
                rateBudgetPerMinute, maxRetries, maxResponseBytes);
    }

    public RequestOptions withProxy(ProxySettings newProxy) {
        return new RequestOptions(connectTimeout, readTimeout, callTimeout, newProxy, extraCaBundle,
                skipTlsVerification, rateBudgetPerMinute, maxRetries, maxResponseBytes);
    }

    public RequestOptions withTls(Path caBundle, boolean skipVerification) {
        return new RequestOptions(connectTimeout, readTimeout, callTimeout, proxy, caBundle, skipVerification,
                rateBudgetPerMinute, maxRetries, maxResponseBytes);
    }

    public RequestOptions withRateBudgetPerMinute(int budget) {
        return new RequestOptions(connectTimeout, readTimeout, callTimeout, proxy, extraCaBundle,
                skipTlsVerification, budget, maxRetries, maxResponseBytes);
    }

    public RequestOptions withMaxRetries(int retries) {
        return new RequestOptions(connectTimeout, readTimeout, callTimeout, proxy, extraCaBundle,
                skipTlsVerification, rateBudgetPerMinute, retries, maxResponseBytes);
    }

    public RequestOptions withMaxResponseBytes(long bytes) {
        return new RequestOptions(connectTimeout, readTimeout, callTimeout, proxy, extraCaBundle,
                skipTlsVerification, rateBudgetPerMinute, maxRetries, bytes);
    }
}
