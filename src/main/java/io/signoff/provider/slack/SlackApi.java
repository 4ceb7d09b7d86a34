package io.signoff.provider.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.failsafe.RateLimiter;
import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.ApiCaller;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Json;
import io.signoff.provider.http.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Slack connection's transport: {@code POST {base}/{method}} with a form body and the bearer token, the
 * per-method tier budget, the {@code ok} check on every answer, and cursor paging.
 */
final class SlackApi {
    private static final Logger LOG = LoggerFactory.getLogger(SlackApi.class);
    static final String TOKEN_SECRET = "token";
    /** A bursty per-minute budget never needs longer than its period to free a permit. */
    private static final Duration MAX_BUDGET_WAIT = Duration.ofSeconds(65);

    /**
     * A successful answer.
     *
     * @param requestId Slack's {@code x-slack-req-id}, for the audit trail
     * @param scopes    the token's scopes as Slack names them in {@code x-oauth-scopes}, when it sends the header
     */
    record Reply(JsonObject body, String requestId, List<String> scopes) {
        /** Slack's warnings: {@code warning} (comma-separated) and {@code response_metadata.warnings}. */
        List<String> warnings() {
            List<String> out = new ArrayList<>();
            String single = SlackMapping.text(body, "warning");
            if (single != null) out.addAll(Arrays.asList(single.split(",")));
            JsonObject meta = body.has("response_metadata") && body.get("response_metadata").isJsonObject()
                    ? body.getAsJsonObject("response_metadata") : null;
            if (meta != null && meta.has("warnings") && meta.get("warnings").isJsonArray()) {
                for (JsonElement w : meta.getAsJsonArray("warnings")) out.add(w.getAsString());
            }
            return out;
        }
    }

    private final Connection connection;
    private final SecretSource secrets;
    private final HttpClients http;
    private final Redactor redactor;
    private final SlackLimits limits;
    private final String label;
    private final HttpUrl base;
    private final Map<String, RateLimiter<Object>> budgets = new ConcurrentHashMap<>();
    private ApiCaller caller;

    SlackApi(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor, SlackLimits limits) {
        this.connection = connection;
        this.secrets = secrets;
        this.http = http;
        this.redactor = redactor;
        this.limits = limits;
        this.label = "Slack (" + connection.displayName() + ")";
        String raw = connection.baseUrl().endsWith("/") ? connection.baseUrl() : connection.baseUrl() + "/";
        this.base = HttpUrl.parse(raw);
        if (base == null) {
            throw new IllegalArgumentException("Connection '" + connection.displayName()
                    + "': the Slack API base must be an http(s) URL such as https://slack.com/api, was '" + connection.baseUrl() + "'");
        }
    }

    String label() { return label; }

    SlackLimits limits() { return limits; }

    Reply read(String method, Map<String, String> args) throws ProviderException {
        return call(method, args, Idempotency.IDEMPOTENT);
    }

    /** Writes are never repeated once they may have reached Slack: an unclear outcome is UNKNOWN_OUTCOME. */
    Reply write(String method, Map<String, String> args) throws ProviderException {
        return call(method, args, Idempotency.NON_IDEMPOTENT);
    }

    /**
     * Reads a cursor-paginated list until the last page, until {@code visitor} returns false, or until the page bound.
     *
     * @return true when the list was read to its end (or the visitor stopped it), false when the page bound cut it
     */
    boolean paginate(String method, Map<String, String> args, int pageSize, String arrayField,
                     Predicate<JsonObject> visitor) throws ProviderException {
        Set<String> seenCursors = new java.util.HashSet<>();
        String cursor = null;
        for (int page = 1; page <= limits.maxPages(); page++) {
            Map<String, String> pageArgs = new LinkedHashMap<>(args);
            pageArgs.put("limit", Integer.toString(pageSize));
            if (cursor != null) pageArgs.put("cursor", cursor);
            JsonObject body = read(method, pageArgs).body();
            JsonElement items = body.get(arrayField);
            if (items != null && items.isJsonArray()) {
                for (JsonElement item : (JsonArray) items) {
                    if (item.isJsonObject() && !visitor.test(item.getAsJsonObject())) return true;
                }
            }
            cursor = nextCursor(body);
            if (cursor == null) return true;
            if (!seenCursors.add(cursor)) {
                LOG.warn("{}: {} returned a cursor it had already returned; stopping after page {}", label, method, page);
                return false;
            }
        }
        LOG.warn("{}: {} has more than {} pages; the listing was cut there", label, method, limits.maxPages());
        return false;
    }

    private Reply call(String method, Map<String, String> args, Idempotency idempotency) throws ProviderException {
        acquireBudget(method);
        FormBody.Builder form = new FormBody.Builder();
        args.forEach(form::add);
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment(method).build())
                .header("Authorization", authorization())
                .header("Accept", "application/json")
                .post(form.build())
                .build();
        HttpReply reply = caller().send(request, idempotency);
        Reply ok = interpret(method, reply, idempotency == Idempotency.NON_IDEMPOTENT);
        List<String> warnings = ok.warnings();
        if (!warnings.isEmpty()) LOG.debug("{}: {} answered ok with warnings {}", label, method, warnings);
        return ok;
    }

    private Reply interpret(String method, HttpReply reply, boolean write) throws ProviderException {
        ErrorKind unreadable = write ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
        JsonElement root;
        try {
            root = Json.parse(reply, label, unreadable);
        } catch (ProviderException e) {
            // Gateways in front of Slack answer auth failures with plain pages, not with Slack's envelope.
            if (reply.status() == 401 || reply.status() == 403) {
                throw ProviderException.of(reply.status() == 401 ? ErrorKind.CREDENTIALS_REJECTED : ErrorKind.PERMISSION_MISSING,
                                label + ": " + method + " was refused with HTTP " + reply.status())
                        .httpStatus(reply.status()).requestId(reply.requestId()).build();
            }
            throw e;
        }
        JsonObject body = root.isJsonObject() ? root.getAsJsonObject() : null;
        JsonElement ok = body == null ? null : body.get("ok");
        if (ok == null || !ok.isJsonPrimitive() || !ok.getAsJsonPrimitive().isBoolean()) {
            throw ProviderException.of(unreadable, label + ": " + method + " answered HTTP " + reply.status()
                            + " without Slack's \"ok\" field; is the base URL right?")
                    .httpStatus(reply.status()).providerCode("malformed_answer").requestId(reply.requestId()).build();
        }
        if (ok.getAsBoolean()) return new Reply(body, reply.requestId(), scopes(reply));
        String code = SlackMapping.text(body, "error");
        throw SlackErrors.toException(label, method, code == null ? "unknown_error" : redactor.redact(code), body, reply, write);
    }

    private void acquireBudget(String method) throws ProviderException {
        RateLimiter<Object> budget = budgets.computeIfAbsent(method, m ->
                RateLimiter.burstyBuilder(limits.perMinute(SlackTier.of(m)), Duration.ofMinutes(1)).build());
        try {
            if (!budget.tryAcquirePermit(MAX_BUDGET_WAIT)) {
                throw ProviderException.of(ErrorKind.RATE_LIMITED, label + ": the " + SlackTier.of(method)
                        + " budget for " + method + " is used up").retryAfter(MAX_BUDGET_WAIT).build();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.of(ErrorKind.TRANSIENT, label + ": cancelled while waiting for the rate budget").build();
        }
    }

    /** Reads the token at the moment of the call; the char[] is wiped at once, the value is known to the redactor. */
    private String authorization() throws ProviderException {
        char[] token = secrets.secret(connection.id(), TOKEN_SECRET);
        try {
            if (token == null || token.length == 0) {
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED,
                        label + ": no Slack token is stored for this connection").build();
            }
            redactor.register(token);
            return "Bearer " + new String(token).strip();
        } finally {
            if (token != null) Arrays.fill(token, '\0');
        }
    }

    /**
     * Built on first use so a missing proxy password surfaces as a ProviderException from a call. The caller gets
     * no global budget: Slack counts per method, so the per-method tier budgets above do the pacing.
     */
    private synchronized ApiCaller caller() throws ProviderException {
        if (caller == null) {
            RequestOptions options = connection.requestOptions();
            char[] proxyPassword = null;
            ProxySettings proxy = options.proxy();
            try {
                if (proxy != null && proxy.hasCredentials()) {
                    proxyPassword = secrets.secret(connection.id(), ProxySettings.PASSWORD_SECRET);
                    redactor.register(proxyPassword);
                }
                caller = new ApiCaller(http.clientFor(options, label, proxyPassword), options.withRateBudgetPerMinute(0),
                        label, redactor);
            } finally {
                if (proxyPassword != null) Arrays.fill(proxyPassword, '\0');
            }
        }
        return caller;
    }

    private static List<String> scopes(HttpReply reply) {
        String header = reply.header("x-oauth-scopes");
        if (header == null || header.isBlank()) return List.of();
        return Arrays.stream(header.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String nextCursor(JsonObject body) {
        JsonElement meta = body.get("response_metadata");
        if (meta == null || !meta.isJsonObject()) return null;
        String next = SlackMapping.text(meta.getAsJsonObject(), "next_cursor");
        return next == null || next.isBlank() ? null : next;
    }
}
