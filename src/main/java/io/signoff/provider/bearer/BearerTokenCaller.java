package io.signoff.provider.bearer;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProxySettings;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.ApiCaller;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Redactor;
import java.util.Arrays;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The HTTP side of a provider that authenticates with one static bearer token kept in the keychain (Cloudflare API
 * token, SCIM bearer token). The token is read from the {@link SecretSource} for every call and wiped right after the
 * request is built, so no long-lived copy of it sits in this object; it is registered with the {@link Redactor} first
 * so that any echo of it in a provider's answer is masked.
 */
public final class BearerTokenCaller {
    private final Connection connection;
    private final SecretSource secrets;
    private final String secretName;
    private final HttpClients http;
    private final Redactor redactor;
    private final String label;
    private final HttpUrl baseUrl;
    private ApiCaller caller; // built on first use: the proxy password may have to come from the keychain

    /**
     * @param secretName the keychain entry of the token ("api-token", "bearer-token")
     * @param label      names the connection in messages and logs ("Cloudflare Access 'Contoso'")
     */
    public BearerTokenCaller(Connection connection, SecretSource secrets, String secretName, HttpClients http,
                             Redactor redactor, String label) {
        this.connection = connection;
        this.secrets = secrets;
        this.secretName = secretName;
        this.http = http;
        this.redactor = redactor;
        this.label = label;
        this.baseUrl = HttpUrl.parse(connection.baseUrl().strip());
    }

    public String label() { return label; }

    public Redactor redactor() { return redactor; }

    /** A URL under the connection's base, one path segment per argument (each one encoded: ids cannot inject paths). */
    public HttpUrl.Builder url(String... segments) throws ProviderException {
        if (baseUrl == null) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": the base URL '" + redactor.redact(connection.baseUrl())
                    + "' is not a valid http(s) URL").providerCode("bad_base_url").build();
        }
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : segments) {
            // OkHttp resolves "." and ".." segments, which would walk out of the resource an id names.
            if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": '" + segment + "' is not a valid id")
                        .providerCode("bad_id").build();
            }
            b.addPathSegment(segment);
        }
        return b;
    }

    /** Sends the request with the bearer token added; the caller maps the answer. */
    public HttpReply send(Request.Builder request, Idempotency idempotency) throws ProviderException {
        ApiCaller api = caller();
        char[] token = secrets.secret(connection.id(), secretName);
        try {
            if (token == null || token.length == 0) {
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": no " + secretName
                        + " is stored for this connection; add it in Connections").providerCode("missing_secret").build();
            }
            redactor.register(token);
            String authorization = authorization(token);
            return api.send(request.header("Authorization", authorization).build(), idempotency);
        } finally {
            if (token != null) Arrays.fill(token, '\0');
        }
    }

    /** "Bearer <token>", after trimming the whitespace a paste adds; refuses tokens no HTTP header can carry. */
    private String authorization(char[] token) throws ProviderException {
        int start = 0;
        int end = token.length;
        while (start < end && Character.isWhitespace(token[start])) start++;
        while (end > start && Character.isWhitespace(token[end - 1])) end--;
        if (start == end) {
            throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": the stored " + secretName + " is blank")
                    .providerCode("blank_secret").build();
        }
        StringBuilder value = new StringBuilder(7 + end - start).append("Bearer ");
        for (int i = start; i < end; i++) {
            char c = token[i];
            if (c < 0x21 || c > 0x7e) {
                // Never name the character's neighbours: that would leak part of the token.
                throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": the stored " + secretName
                        + " contains a space, line break or non-ASCII character; paste it again").providerCode("malformed_secret").build();
            }
            value.append(c);
        }
        return value.toString();
    }

    private synchronized ApiCaller caller() throws ProviderException {
        if (caller == null) {
            ProxySettings proxy = connection.requestOptions().proxy();
            char[] proxyPassword = proxy != null && proxy.hasCredentials()
                    ? secrets.secret(connection.id(), ProxySettings.PASSWORD_SECRET) : null;
            try {
                if (proxyPassword != null) redactor.register(proxyPassword);
                caller = new ApiCaller(http.clientFor(connection.requestOptions(), label, proxyPassword),
                        connection.requestOptions(), label, redactor);
            } catch (IllegalArgumentException badTls) {
                throw ProviderException.of(ErrorKind.INVALID_INPUT, redactor.redact(badTls.getMessage()))
                        .providerCode("tls_setup").build();
            } finally {
                if (proxyPassword != null) Arrays.fill(proxyPassword, '\0');
            }
        }
        return caller;
    }
}
