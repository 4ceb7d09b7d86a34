package io.signoff.provider.cipp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.ApiCaller;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Json;
import io.signoff.provider.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 client credentials for a CIPP API client: one access token per connection, cached until shortly before it
 * expires. Callers share the token; only one of them fetches a new one (the lock is held during the fetch, so a burst
 * of calls after expiry costs one token request, not one each).
 */
final class CippTokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(CippTokenSource.class);
    static final String DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token";
    /** Renew this long before expiry, so a token never dies in flight. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final long DEFAULT_LIFETIME_SECONDS = 3599;

    /** @param fromCache true when the token was not fetched for this very call (so it may have died since) */
    record Token(String value, boolean fromCache) { }

    private final Connection connection;
    private final SecretSource secrets;
    private final Redactor redactor;
    private final Clock clock;
    private final String label;
    private final Object lock = new Object();
    private String token;
    private Instant expiresAt = Instant.MIN;

    CippTokenSource(Connection connection, SecretSource secrets, Redactor redactor, Clock clock, String label) {
        this.connection = connection;
        this.secrets = secrets;
        this.redactor = redactor;
        this.clock = clock;
        this.label = label;
    }

    Token token(ApiCaller caller) throws ProviderException {
        synchronized (lock) {
            if (token != null && clock.instant().isBefore(expiresAt.minus(REFRESH_MARGIN))) {
                return new Token(token, true);
            }
            fetch(caller);
            return new Token(token, false);
        }
    }

    /** Drops the token if it is still the cached one (another thread may already have replaced it). */
    void invalidate(String rejected) {
        synchronized (lock) {
            if (rejected != null && rejected.equals(token)) {
                token = null;
                expiresAt = Instant.MIN;
            }
        }
    }

    String tokenUrl() throws ProviderException {
        String tenantId = required(CippProvider.SETTING_TENANT_ID);
        String template = connection.setting(CippProvider.SETTING_TOKEN_URL);
        if (template == null || template.isBlank()) template = DEFAULT_TOKEN_URL;
        // Also the URL-encoded placeholder, as a URL field or HttpUrl may have turned the braces into %7B…%7D.
        return template.strip().replace("{tenantId}", tenantId).replaceAll("(?i)%7BtenantId%7D", tenantId);
    }

    private void fetch(ApiCaller caller) throws ProviderException {
        String clientId = required(CippProvider.SETTING_CLIENT_ID);
        HttpUrl url = HttpUrl.parse(tokenUrl());
        if (url == null) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": the token URL is not a valid http(s) URL")
                    .providerCode("bad_token_url").build();
        }
        char[] secret = secrets.secret(connection.id(), CippProvider.SECRET_CLIENT_SECRET);
        HttpReply reply;
        try {
            if (secret == null || secret.length == 0) {
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED,
                        label + ": no client secret is stored for this connection").providerCode("no_secret").build();
            }
            redactor.register(secret);
            FormBody form = new FormBody.Builder()
                    .add("grant_type", "client_credentials")
                    .add("client_id", clientId)
                    .add("client_secret", new String(secret))
                    .add("scope", "api://" + clientId + "/.default")
                    .build();
            reply = caller.send(new Request.Builder().url(url).post(form).build(), Idempotency.IDEMPOTENT);
        } finally {
            if (secret != null) Arrays.fill(secret, '\0');
        }
        if (!reply.successful()) throw refused(reply);
        JsonElement root = Json.parse(reply, label + " token endpoint", ErrorKind.TRANSIENT);
        String value = root.isJsonObject() ? CippResponses.string(root.getAsJsonObject(), "access_token") : null;
        if (value == null || value.isBlank()) {
            throw ProviderException.of(ErrorKind.TRANSIENT, label + ": the token endpoint answered without an access_token")
                    .httpStatus(reply.status()).providerCode("no_access_token").build();
        }
        redactor.register(value);
        long lifetime = lifetimeSeconds(root.getAsJsonObject());
        token = value;
        expiresAt = clock.instant().plusSeconds(lifetime);
        LOG.debug("{}: obtained an access token valid for {} s", label, lifetime);
    }

    private static long lifetimeSeconds(JsonObject o) {
        String raw = CippResponses.string(o, "expires_in");
        try {
            return raw == null ? DEFAULT_LIFETIME_SECONDS : Math.max(0, Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME_SECONDS;
        }
    }

    /** Entra answers 400/401 with {"error":"invalid_client","error_description":"AADSTS7000215: …"}. */
    private ProviderException refused(HttpReply reply) {
        int status = reply.status();
        String error = null;
        String description = null;
        if (!reply.looksLikeHtml()) {
            try {
                JsonElement root = JsonParser.parseString(reply.body());
                if (root.isJsonObject()) {
                    error = CippResponses.string(root.getAsJsonObject(), "error");
                    description = CippResponses.string(root.getAsJsonObject(), "error_description");
                }
            } catch (JsonParseException | IllegalStateException notJson) {
                description = reply.body();
            }
        }
        String detail = description == null ? (error == null ? "HTTP " + status : error) : firstLine(description);
        ErrorKind kind;
        if (status == 404) {
            kind = ErrorKind.INVALID_INPUT;
        } else if (status >= 400 && status < 500) {
            kind = ErrorKind.CREDENTIALS_REJECTED;
        } else {
            kind = ErrorKind.TRANSIENT;
        }
        String advice = kind == ErrorKind.CREDENTIALS_REJECTED
                ? " Check the tenant id, client id and client secret of the CIPP API client."
                : kind == ErrorKind.INVALID_INPUT ? " Check the token URL." : "";
        String code = error != null ? error : CippResponses.graphCode(detail);
        return ProviderException.of(kind, label + ": the token endpoint refused the request (HTTP " + status + "): "
                        + CippResponses.shorten(redactor.redact(detail)) + "." + advice)
                .httpStatus(status).providerCode(code).requestId(reply.requestId()).build();
    }

    /** Entra appends trace and correlation ids on new lines; the first line says what is wrong. */
    private static String firstLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) line = line.substring(0, nl);
        int trace = line.indexOf(" Trace ID:");
        return trace > 0 ? line.substring(0, trace) : line;
    }

    private String required(String key) throws ProviderException {
        String value = connection.setting(key);
        if (value == null || value.isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": the connection lacks the setting '" + key + "'")
                    .providerCode("missing_setting").build();
        }
        return value.strip();
    }
}
