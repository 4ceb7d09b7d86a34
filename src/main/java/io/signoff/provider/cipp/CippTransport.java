package io.signoff.provider.cipp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The wire side of the CIPP client: {@code {apiUrl}/api/{Endpoint}} with a bearer token, List* as GET, Exec* as POST
 * (never retried once sent: the caller gets UNKNOWN_OUTCOME and verifies). A 401 with a cached token costs one token
 * refresh and one retry, since the platform refuses before CIPP runs anything.
 */
final class CippTransport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A parsed answer together with the reply it came in (status, request id). */
    record Answer(JsonElement root, HttpReply reply) { }

    private final Connection connection;
    private final SecretSource secrets;
    private final HttpClients http;
    private final Redactor redactor;
    private final String label;
    private final CippTokenSource tokens;
    private final CippResponses responses;
    private final Object callerLock = new Object();
    private ApiCaller caller;

    CippTransport(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor, Clock clock) {
        this.connection = connection;
        this.secrets = secrets;
        this.http = http;
        this.redactor = redactor;
        this.label = "CIPP '" + connection.displayName() + "'";
        this.tokens = new CippTokenSource(connection, secrets, redactor, clock, label);
        this.responses = new CippResponses(label, redactor);
    }

    CippResponses responses() { return responses; }

    Answer get(String endpoint, Map<String, String> params) throws ProviderException {
        HttpUrl.Builder url = endpointUrl(endpoint);
        params.forEach(url::addQueryParameter);
        HttpReply reply = send(new Request.Builder().url(url.build()).get(), endpoint, Idempotency.IDEMPOTENT);
        if (!reply.successful()) throw responses.failure(endpoint, reply, false);
        return new Answer(Json.parse(reply, label, ErrorKind.TRANSIENT), reply);
    }

    Answer post(String endpoint, JsonObject body) throws ProviderException {
        Request.Builder request = new Request.Builder().url(endpointUrl(endpoint).build())
                .post(RequestBody.create(Json.GSON.toJson(body), JSON));
        HttpReply reply = send(request, endpoint, Idempotency.NON_IDEMPOTENT);
        if (!reply.successful()) throw responses.failure(endpoint, reply, true);
        // The write may have happened even when its answer is unreadable.
        return new Answer(Json.parse(reply, label, ErrorKind.UNKNOWN_OUTCOME), reply);
    }

    private HttpReply send(Request.Builder request, String endpoint, Idempotency idempotency) throws ProviderException {
        ApiCaller api = caller();
        CippTokenSource.Token token = tokens.token(api);
        HttpReply reply = api.send(withToken(request, token), idempotency, CippResponses::isDefinitiveFailure);
        if (reply.status() == 401 && token.fromCache()) {
            tokens.invalidate(token.value());
            reply = api.send(withToken(request, tokens.token(api)), idempotency, CippResponses::isDefinitiveFailure);
        }
        if (reply.status() == 401) throw responses.failure(endpoint, reply, idempotency == Idempotency.NON_IDEMPOTENT);
        return reply;
    }

    private static Request withToken(Request.Builder request, CippTokenSource.Token token) {
        return request.header("Authorization", "Bearer " + token.value()).header("Accept", "application/json").build();
    }

    private HttpUrl.Builder endpointUrl(String endpoint) throws ProviderException {
        HttpUrl base = HttpUrl.parse(connection.baseUrl().strip());
        if (base == null) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": the API URL is not a valid http(s) URL")
                    .providerCode("bad_api_url").build();
        }
        HttpUrl.Builder url = base.newBuilder();
        List<String> segments = base.pathSegments();
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (last.isEmpty() && segments.size() > 1) {
            last = segments.get(segments.size() - 2);
        }
        // People paste the API URL with or without "/api"; accept both.
        if (!last.equalsIgnoreCase("api")) url.addPathSegment("api");
        return url.addPathSegment(endpoint);
    }

    /** Built on first use: the proxy password (if any) comes from the keychain, which may throw. */
    private ApiCaller caller() throws ProviderException {
        synchronized (callerLock) {
            if (caller != null) return caller;
            RequestOptions options = connection.requestOptions();
            char[] proxyPassword = null;
            try {
                ProxySettings proxy = options.proxy();
                if (proxy != null && proxy.hasCredentials()) {
                    proxyPassword = secrets.secret(connection.id(), ProxySettings.PASSWORD_SECRET);
                    redactor.register(proxyPassword);
                }
                caller = new ApiCaller(http.clientFor(options, label, proxyPassword), options, label, redactor);
                return caller;
            } catch (IllegalArgumentException badTls) {
                throw ProviderException.of(ErrorKind.INVALID_INPUT, redactor.redact(badTls.getMessage()))
                        .providerCode("bad_tls_settings").build();
            } finally {
                if (proxyPassword != null) Arrays.fill(proxyPassword, '\0');
            }
        }
    }
}
