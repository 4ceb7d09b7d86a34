package io.signoff.provider.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.signoff.model.ErrorKind;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Interceptor;
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
 *
 * <ul>
 *   <li>Retried (capped exponential backoff with jitter): failures before any request byte left (any call), and
 *       transport failures and 500/502/503/504 of {@link Idempotency#IDEMPOTENT} calls.</li>
 *   <li>429 is retried for every call (the provider refused it before doing anything), after the Retry-After it
 *       asked for; a Retry-After over {@link #RETRY_AFTER_CAP} ends the call with RATE_LIMITED at once.</li>
 *   <li>A {@link Idempotency#NON_IDEMPOTENT} call that may have reached the provider is never repeated: the caller
 *       gets UNKNOWN_OUTCOME and verifies by reading. Redirects are not followed for such calls either (OkHttp would
 *       turn a redirected POST into a GET and report its answer as the POST's).</li>
 *   <li>The call timeout bounds the whole logical call, retries and waits included.</li>
 * </ul>
 */
public final class ApiCaller {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);
    /** A Retry-After longer than this is not waited out inside one call: the caller gets RATE_LIMITED and paces. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(60);
    /** OkHttp gives up after this many follow-ups (redirects, auth challenges) with a ProtocolException. */
    private static final int OKHTTP_MAX_FOLLOW_UPS = 20;
    private static final long MB = 1024 * 1024;
    private static final String[] REQUEST_ID_HEADERS = {
        "x-request-id", "request-id", "x-ms-request-id", "client-request-id", "x-slack-req-id", "cf-ray"};

    private final OkHttpClient readClient;
    private final OkHttpClient writeClient;
    private final RequestOptions options;
    private final String label;
    private final Redactor redactor;
    private final RateLimiter<Object> budget;

    public ApiCaller(OkHttpClient client, RequestOptions options, String label, Redactor redactor) {
        this.readClient = client.newBuilder().eventListenerFactory(CallTrace.FACTORY).build();
        this.writeClient = readClient.newBuilder()
                .followRedirects(false)
                .addNetworkInterceptor(ApiCaller::noSilentResend)
                .build();
        this.options = options;
        this.label = label;
        this.redactor = redactor;
        this.budget = options.rateBudgetPerMinute() > 0
                ? RateLimiter.smoothBuilder(options.rateBudgetPerMinute(), Duration.ofMinutes(1)).build()
                : null;
    }

    public Redactor redactor() { return redactor; }

    /**
     * @return the complete, size-capped answer of the last attempt (any status except 429, which becomes
     *         RATE_LIMITED); the provider client maps its status and body
     * @throws ProviderException for transport failures, rate limiting, oversized answers and unfollowed redirects
     */
    public HttpReply send(Request request, Idempotency idempotency) throws ProviderException {
        return send(request, idempotency, reply -> false);
    }

    /**
     * Like {@link #send(Request, Idempotency)}, for providers that answer some definitive failures with a 5xx (CIPP
     * says "user does not exist" with HTTP 500): a server error that {@code definitive} recognises is returned at
     * once instead of being retried.
     */
    public HttpReply send(Request request, Idempotency idempotency, java.util.function.Predicate<HttpReply> definitive)
            throws ProviderException {
        Deadline deadline = new Deadline(options.callTimeout());
        RetryPolicy<Attempt> retries = RetryPolicy.<Attempt>builder()
                .handleResultIf(Attempt::retryable)
                .withMaxRetries(options.maxRetries())
                .withDelayFn(ctx -> ctx.getLastResult().retryDelay())
                .onRetry(e -> LOG.info("{}: retrying {} {} in {} ms (retry {} of {})", label, request.method(),
                        safeUrl(request), e.getLastResult().retryDelay().toMillis(), e.getAttemptCount(), options.maxRetries()))
                .build();
        Attempt last;
        try {
            last = Failsafe.with(retries).get(ctx -> attempt(request, idempotency, ctx.getAttemptCount() + 1, deadline, definitive));
        } catch (FailsafeException e) {
            // attempt() never throws, so this is an interrupt while waiting to retry.
            if (e.getCause() instanceof InterruptedException) Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorKind.TRANSIENT, label + ": cancelled while waiting to retry "
                    + request.method() + " " + safePath(request)).build();
        }
        if (last.failure() != null) throw last.failure();
        return last.reply();
    }

    /** The outcome of one attempt, and whether and when to try again. */
    private record Attempt(HttpReply reply, ProviderException failure, Duration retryDelay) {
        static Attempt done(HttpReply reply) { return new Attempt(reply, null, null); }
        static Attempt done(ProviderException failure) { return new Attempt(null, failure, null); }
        boolean retryable() { return retryDelay != null; }
    }

    /**
     * When the logical call must end. Waiting for this connection's own rate budget does not count: that is pacing
     * we impose on ourselves, not slowness of the provider.
     */
    private static final class Deadline {
        private long at;
        private final boolean unbounded;

        Deadline(Duration callTimeout) {
            unbounded = callTimeout.isZero() || callTimeout.isNegative();
            at = unbounded ? 0 : System.nanoTime() + callTimeout.toNanos();
        }

        void extendBy(long nanos) { at += nanos; }

        boolean fits(Duration wait) { return unbounded || System.nanoTime() + wait.toNanos() < at; }

        void bound(Call call) {
            if (!unbounded) call.timeout().timeout(Math.max(1, at - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Attempt attempt(Request request, Idempotency idempotency, int number, Deadline deadline,
                            java.util.function.Predicate<HttpReply> definitive) {
        long budgetWait = System.nanoTime();
        try {
            acquireBudget();
        } catch (ProviderException e) {
            return Attempt.done(e);
        }
        deadline.extendBy(System.nanoTime() - budgetWait);
        CallTrace trace = new CallTrace();
        Call call = (idempotency == Idempotency.IDEMPOTENT ? readClient : writeClient)
                .newCall(request.newBuilder().tag(CallTrace.class, trace).build());
        deadline.bound(call);
        long started = System.nanoTime();
        try (Response response = call.execute()) {
            HttpReply reply = read(call, response, request, idempotency);
            LOG.debug("{} {} {} -> {} in {} ms", label, request.method(), safeUrl(request), reply.status(), elapsedMs(started));
            return classify(reply, request, idempotency, number, deadline, definitive);
        } catch (ProviderException e) {
            return Attempt.done(e);
        } catch (IOException e) {
            LOG.debug("{} {} {} failed after {} ms (attempt {}): {}", label, request.method(), safeUrl(request),
                    elapsedMs(started), number, describe(e));
            return classify(e, trace, request, idempotency, number, deadline);
        }
    }

    private Attempt classify(HttpReply reply, Request request, Idempotency idempotency, int number, Deadline deadline,
                             java.util.function.Predicate<HttpReply> definitive) {
        int status = reply.status();
        if (status == 429) {
            Optional<Duration> asked = RetryTiming.retryAfter(reply);
            Duration wait = asked.orElseGet(() -> RetryTiming.backoff(number));
            ProviderException limited = rateLimited(reply, asked);
            return wait.compareTo(RETRY_AFTER_CAP) <= 0 && deadline.fits(wait)
                    ? new Attempt(reply, limited, wait)
                    : Attempt.done(limited);
        }
        if (status == 407) {
            return Attempt.done(ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": a proxy on the way asked for "
                            + "credentials (HTTP 407). Set the proxy and its user in the connection's settings.")
                    .httpStatus(407).providerCode("proxy_auth_required").requestId(reply.requestId()).build());
        }
        if (isRedirect(status) && reply.header("Location") != null) {
            return Attempt.done(unfollowedRedirect(reply, request, idempotency));
        }
        if (idempotency == Idempotency.IDEMPOTENT && isRetryableServerError(status) && !definitive.test(reply)) {
            Duration wait = RetryTiming.retryAfter(reply)
                    .filter(d -> d.compareTo(RETRY_AFTER_CAP) <= 0)
                    .orElseGet(() -> RetryTiming.backoff(number));
            return deadline.fits(wait) ? new Attempt(reply, null, wait) : Attempt.done(reply);
        }
        return Attempt.done(reply);
    }

    private Attempt classify(IOException e, CallTrace trace, Request request, Idempotency idempotency, int number,
                             Deadline deadline) {
        String what = request.method() + " " + safePath(request);
        String detail = describe(e);
        if (e instanceof ProxyAuthenticationException) {
            return Attempt.done(ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": " + detail
                            + ". Nothing was sent to the provider. Check the proxy user and password in the connection's settings.")
                    .providerCode("proxy_auth").cause(sanitized(e)).build());
        }
        boolean interrupted = Thread.currentThread().isInterrupted();
        if (!trace.requestMayHaveBeenSent()) {
            if (e instanceof SSLException) {
                return Attempt.done(ProviderException.of(ErrorKind.TRANSIENT, label + ": TLS failure on " + what + " (" + detail
                                + "). Check the certificate, the extra CA bundle, or a TLS-inspecting proxy.")
                        .providerCode("tls_failure").cause(sanitized(e)).build());
            }
            ProviderException unreachable = ProviderException.of(ErrorKind.TRANSIENT, label + " is unreachable (" + detail
                            + "); nothing was sent. Check the URL, network and proxy.")
                    .providerCode(e instanceof InterruptedIOException ? "connect_timeout" : "unreachable").cause(sanitized(e)).build();
            Duration wait = RetryTiming.backoff(number);
            return !interrupted && deadline.fits(wait) ? new Attempt(null, unreachable, wait) : Attempt.done(unreachable);
        }
        if (e instanceof ProtocolException && trace.networkRequests() > OKHTTP_MAX_FOLLOW_UPS) {
            return Attempt.done(ProviderException.of(ErrorKind.TRANSIENT, label + ": " + what + " was redirected more than "
                            + OKHTTP_MAX_FOLLOW_UPS + " times (a redirect loop). Check the connection's base URL, or a proxy or "
                            + "sign-in page in the way.")
                    .providerCode("redirect_loop").cause(sanitized(e)).build());
        }
        String code = e instanceof InterruptedIOException ? "timeout" : "connection_lost";
        if (idempotency == Idempotency.NON_IDEMPOTENT) {
            return Attempt.done(ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, label + ": no complete answer to " + what
                            + " (" + detail + "). The provider may have done it: verify before retrying.")
                    .providerCode(code).cause(sanitized(e)).build());
        }
        ProviderException lost = ProviderException.of(ErrorKind.TRANSIENT, label + ": no complete answer to " + what
                        + " (" + detail + ")")
                .providerCode(code).cause(sanitized(e)).build();
        Duration wait = RetryTiming.backoff(number);
        return !interrupted && deadline.fits(wait) ? new Attempt(null, lost, wait) : Attempt.done(lost);
    }

    private HttpReply read(Call call, Response response, Request request, Idempotency idempotency)
            throws IOException, ProviderException {
        ResponseBody body = response.body();
        String text = body == null ? "" : readCapped(call, body, request, idempotency, response.code());
        String contentType = body == null || body.contentType() == null ? "" : body.contentType().toString();
        return new HttpReply(response.code(), response.headers().toMultimap(), contentType, text, requestId(response));
    }

    private String readCapped(Call call, ResponseBody body, Request request, Idempotency idempotency, int status)
            throws IOException, ProviderException {
        long cap = options.maxResponseBytes();
        if (body.contentLength() > cap) {
            call.cancel(); // closes the socket: closing the body would otherwise try to drain the rest
            throw tooLarge(request, idempotency, status, body.contentLength());
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 64 * 1024) != -1) {
            if (buffer.size() > cap) {
                call.cancel();
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
        long limitMb = Math.max(1, options.maxResponseBytes() / MB);
        String size = declared > 0 ? "a declared " + Math.max(1, declared / MB) + " MB" : "more than " + limitMb + " MB";
        ErrorKind kind = idempotency == Idempotency.NON_IDEMPOTENT ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
        return ProviderException.of(kind, label + " answered " + request.method() + " " + safePath(request) + " (HTTP "
                        + status + ") with " + size + "; the limit is " + limitMb + " MB, so the answer was not read")
                .httpStatus(status).providerCode("response_too_large").build();
    }

    private ProviderException rateLimited(HttpReply reply, Optional<Duration> asked) {
        String message = asked
                .map(d -> label + " is rate limiting us; it asked to wait " + d.toSeconds() + " s"
                        + (d.compareTo(RETRY_AFTER_CAP) > 0 ? " (longer than the " + RETRY_AFTER_CAP.toSeconds()
                                + " s Signoff waits within one call)" : ""))
                .orElse(label + " is rate limiting us (HTTP 429) and did not say for how long");
        return ProviderException.of(ErrorKind.RATE_LIMITED, message)
                .httpStatus(429).retryAfter(asked.orElse(null)).requestId(reply.requestId()).build();
    }

    private ProviderException unfollowedRedirect(HttpReply reply, Request request, Idempotency idempotency) {
        String target = redirectTarget(request, reply.header("Location"));
        if (idempotency == Idempotency.NON_IDEMPOTENT) {
            return ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, label + " answered " + request.method() + " "
                            + safePath(request) + " with a redirect (HTTP " + reply.status() + ") to " + target
                            + ". Signoff does not follow redirects for changes; the provider may or may not have done it: "
                            + "verify before retrying. A sign-in page here means the URL or authentication is wrong.")
                    .httpStatus(reply.status()).providerCode("redirect_not_followed").requestId(reply.requestId()).build();
        }
        return ProviderException.of(ErrorKind.TRANSIENT, label + " redirected " + request.method() + " " + safePath(request)
                        + " (HTTP " + reply.status() + ") to " + target + ", which Signoff does not follow "
                        + "(HTTPS to plain HTTP, or not a web address). Check the connection's base URL.")
                .httpStatus(reply.status()).providerCode("redirect_not_followed").requestId(reply.requestId()).build();
    }

    /** Scheme, host and path of a Location header: its query may carry a token. */
    private String redirectTarget(Request request, String location) {
        okhttp3.HttpUrl url = request.url().resolve(location);
        return url == null ? "an unusable address" : redactor.redact(url.scheme() + "://" + url.host() + url.encodedPath());
    }

    /**
     * OkHttp re-sends any request, a POST included, once when a 503 says "Retry-After: 0". A write must never be
     * repeated behind our back, so for writes that header is hidden from OkHttp (its value tells the caller nothing).
     */
    private static Response noSilentResend(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && retryAfter.trim().matches("0+")) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }

    /** Keeps the exception type for logs without carrying a message that might hold a URL with a token in it. */
    private IOException sanitized(IOException e) {
        IOException copy = new IOException(describe(e));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private String describe(IOException e) {
        return redactor.redact(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
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

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String requestId(Response response) {
        for (String h : REQUEST_ID_HEADERS) {
            String v = response.header(h);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    /** Scheme, host, path and the NAMES of query parameters: their values may be emails or tokens. */
    private String safeUrl(Request request) {
        okhttp3.HttpUrl url = request.url();
        String names = url.querySize() == 0 ? "" : " " + url.queryParameterNames();
        return redactor.redact(url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath()) + names;
    }

    private String safePath(Request request) { return redactor.redact(request.url().encodedPath()); }

    private static long elapsedMs(long startedNanos) { return (System.nanoTime() - startedNanos) / 1_000_000; }
}
