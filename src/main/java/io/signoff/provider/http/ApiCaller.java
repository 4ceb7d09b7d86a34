package io.signoff.provider.http;

import dev.failsafe.RateLimiter;
import io.signoff.model.ErrorKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical call for one connection: rate budget, retries, size cap, redaction and the mapping of transport
 * failures to {@link ProviderException}. Provider clients map the HTTP answers they get back (each provider's error
 * shape differs); this class only decides what is safe to retry.
 */
public final class ApiCaller {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(250);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(8);
    /** A Retry-After longer than this is not waited out inside one call: the caller gets RATE_LIMITED and paces. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);
    private static final String[] REQUEST_ID_HEADERS = {
        "x-request-id", "request-id", "x-ms-request-id", "client-request-id", "x-slack-req-id", "cf-ray"};

    private final OkHttpClient client;
    private final RequestOptions options;
    private final String label;
    private final Redactor redactor;
    private final RateLimiter<Object> budget;

    public ApiCaller(OkHttpClient client, RequestOptions options, String label, Redactor redactor) {
        this.client = client;
        this.options = options;
        this.label = label;
        this.redactor = redactor;
        this.budget = options.rateBudgetPerMinute() > 0
                ? RateLimiter.smoothBuilder(options.rateBudgetPerMinute(), Duration.ofMinutes(1)).build()
                : null;
    }

    public Redactor redactor() { return redactor; }

    public HttpReply send(Request request, Idempotency idempotency) throws ProviderException {
        int maxAttempts = options.maxRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            acquireBudget();
            long started = System.nanoTime();
            HttpReply reply;
            try {
                reply = execute(request, idempotency);
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof NoRouteToHostException;
                boolean retryable = (neverSent || idempotency == Idempotency.IDEMPOTENT) && !(e instanceof SSLException)
                        && !Thread.currentThread().isInterrupted();
                LOG.debug("{} {} {} failed after {} ms (attempt {}): {}", label, request.method(), safeUrl(request),
                        elapsedMs(started), attempt, redactor.redact(String.valueOf(e.getMessage())));
                if (retryable && attempt < maxAttempts) {
                    sleep(backoff(attempt));
                    continue;
                }
                throw transportFailure(request, idempotency, e, neverSent);
            }
            LOG.debug("{} {} {} -> {} in {} ms", label, request.method(), safeUrl(request), reply.status(), elapsedMs(started));
            if (reply.status() == 429) {
                Duration wait = retryAfter(reply).orElse(backoff(attempt));
                if (attempt < maxAttempts && wait.compareTo(RETRY_AFTER_CAP) <= 0) {
                    sleep(wait);
                    continue;
                }
                throw ProviderException.of(ErrorKind.RATE_LIMITED,
                                label + " is rate limiting us; it asked to wait " + wait.toSeconds() + " s")
                        .httpStatus(429).retryAfter(wait).requestId(reply.requestId()).build();
            }
            if (idempotency == Idempotency.IDEMPOTENT && isRetryableServerError(reply.status()) && attempt < maxAttempts) {
                sleep(backoff(attempt));
                continue;
            }
            return reply;
        }
    }

    private HttpReply execute(Request request, Idempotency idempotency) throws IOException, ProviderException {
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : readCapped(body, request, idempotency, response.code());
            String contentType = body == null || body.contentType() == null ? "" : body.contentType().toString();
            return new HttpReply(response.code(), response.headers().toMultimap(), contentType, text,
                    requestId(response));
        }
    }

    private String readCapped(ResponseBody body, Request request, Idempotency idempotency, int status)
            throws IOException, ProviderException {
        long cap = options.maxResponseBytes();
        if (body.contentLength() > cap) {
            throw tooLarge(request, idempotency, status, body.contentLength());
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 64 * 1024) != -1) {
            if (buffer.size() > cap) {
                throw tooLarge(request, idempotency, status, -1);
            }
        }
        MediaType type = body.contentType();
        Charset charset = type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
        // Invalid byte sequences become U+FFFD instead of failing the whole answer.
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(buffer.readByteArray()))
                .toString();
    }

    private ProviderException tooLarge(Request request, Idempotency idempotency, int status, long declared) {
        String size = declared > 0 ? (declared / (1024 * 1024)) + " MB" : "more than " + (options.maxResponseBytes() / (1024 * 1024)) + " MB";
        ErrorKind kind = idempotency == Idempotency.NON_IDEMPOTENT ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
        return ProviderException.of(kind, label + " answered " + request.method() + " " + safePath(request)
                        + " with " + size + " (limit " + (options.maxResponseBytes() / (1024 * 1024)) + " MB); the answer was not read")
                .httpStatus(status).providerCode("response_too_large").build();
    }

    private ProviderException transportFailure(Request request, Idempotency idempotency, IOException e, boolean neverSent) {
        String what = request.method() + " " + safePath(request);
        String detail = redactor.redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (e instanceof SSLException) {
            return ProviderException.of(ErrorKind.TRANSIENT, label + ": TLS failure on " + what + " (" + detail
                    + "). Check the certificate, the extra CA bundle, or a TLS-inspecting proxy.")
                    .providerCode("tls_failure").cause(sanitized(e)).build();
        }
        if (neverSent) {
            return ProviderException.of(ErrorKind.TRANSIENT, label + " is unreachable (" + detail + "). Check the URL, network and proxy.")
                    .providerCode("unreachable").cause(sanitized(e)).build();
        }
        if (idempotency == Idempotency.NON_IDEMPOTENT) {
            return ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, label + ": no complete answer to " + what + " (" + detail
                    + "). The provider may have done it: verify before retrying.")
                    .providerCode(e instanceof InterruptedIOException ? "timeout" : "connection_lost").cause(sanitized(e)).build();
        }
        return ProviderException.of(ErrorKind.TRANSIENT, label + ": no complete answer to " + what + " (" + detail + ")")
                .providerCode(e instanceof InterruptedIOException ? "timeout" : "connection_lost").cause(sanitized(e)).build();
    }

    /** Keeps the exception type for logs without carrying a message that might hold a URL with a token in it. */
    private IOException sanitized(IOException e) {
        IOException copy = new IOException(e.getClass().getName() + ": " + redactor.redact(String.valueOf(e.getMessage())));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private void acquireBudget() throws ProviderException {
        if (budget == null) return;
        try {
            budget.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorKind.TRANSIENT, label + ": cancelled while waiting for the rate budget").build();
        }
    }

    private static boolean isRetryableServerError(int status) {
        return status == 500 || status == 502 || status == 503 || status == 504;
    }

    /** Retry-After as seconds or an HTTP date. */
    static java.util.Optional<Duration> retryAfter(HttpReply reply) {
        String value = reply.header("Retry-After");
        if (value == null || value.isBlank()) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(value.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), when.toInstant());
                return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (java.time.format.DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
    }

    static Duration backoff(int attempt) {
        long exp = BACKOFF_BASE.toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(exp, BACKOFF_CAP.toMillis());
        // "Equal jitter": half fixed, half random, so retries of many clients spread out but never collapse to zero.
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration d) throws ProviderException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorKind.TRANSIENT, "Cancelled while waiting to retry").build();
        }
    }

    private static String requestId(Response response) {
        for (String h : REQUEST_ID_HEADERS) {
            String v = response.header(h);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    private String safeUrl(Request request) { return redactor.redact(request.url().redact().toString()) + queryNames(request); }

    private static String safePath(Request request) { return request.url().encodedPath(); }

    /** Query parameter names only: values may be emails or tokens. */
    private static String queryNames(Request request) {
        return request.url().querySize() == 0 ? "" : " " + request.url().queryParameterNames();
    }

    private static long elapsedMs(long startedNanos) { return (System.nanoTime() - startedNanos) / 1_000_000; }
}
