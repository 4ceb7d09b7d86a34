package io.signoff.provider.http;

import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the OkHttp client of each connection from one shared base, so all connections share a connection pool and
 * dispatcher while each keeps its own timeouts, proxy and TLS settings. (OkHttp never reuses a pooled connection
 * across clients whose proxy, socket factory or TLS settings differ.)
 */
public final class HttpClients {
    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);
    /** Request headers that carry credentials; none of them may follow a redirect to another origin. */
    static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "Authorization", "Cookie", "X-Auth-Key", "X-Auth-Email", "X-Auth-User-Service-Key", "X-Api-Key", "Api-Key");

    /** Built on first use: its TLS defaults read the system trust store, which the console's start need not wait for. */
    private OkHttpClient base;
    private final String userAgent;

    public HttpClients(String userAgent) {
        this.userAgent = userAgent;
    }

    private synchronized OkHttpClient base() {
        if (base == null) base = new OkHttpClient.Builder().build();
        return base;
    }

    public String userAgent() { return userAgent; }

    /**
     * A client for one connection. Redirects are followed within HTTPS (or within HTTP), never from HTTPS down to
     * HTTP, and credential headers never follow a redirect to another scheme, host or port.
     *
     * @param label         the connection's name, for log lines (never a secret)
     * @param proxyPassword the proxy password from the keychain, or null; the caller may wipe it afterwards (the
     *                      client keeps only the encoded credential it needs)
     * @throws IllegalArgumentException when the CA bundle cannot be read or the proxy settings are unusable
     */
    public OkHttpClient clientFor(RequestOptions options, String label, char[] proxyPassword) {
        OkHttpClient.Builder b = base().newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .callTimeout(options.callTimeout())
                // Retrying is ApiCaller's decision: it knows whether a call is idempotent.
                .retryOnConnectionFailure(false)
                .followSslRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request().header("User-Agent") == null
                        ? chain.request().newBuilder().header("User-Agent", userAgent).build()
                        : chain.request()))
                .addNetworkInterceptor(HttpClients::dropCredentialsOnCrossOriginHop);
        applyProxy(b, options, label, proxyPassword);
        applyTls(b, options, label);
        return b.build();
    }

    /**
     * OkHttp already drops Authorization when a redirect leaves the host; this also covers the other credential
     * headers providers use (Cloudflare's X-Auth-Key, cookies) and port or scheme changes.
     */
    private static okhttp3.Response dropCredentialsOnCrossOriginHop(Interceptor.Chain chain) throws java.io.IOException {
        Request hop = chain.request();
        if (sameOrigin(chain.call().request().url(), hop.url())) return chain.proceed(hop);
        Request.Builder stripped = hop.newBuilder();
        CREDENTIAL_HEADERS.forEach(stripped::removeHeader);
        return chain.proceed(stripped.build());
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
    }

    private static void applyProxy(OkHttpClient.Builder b, RequestOptions options, String label, char[] password) {
        ProxySettings proxy = options.proxy();
        if (proxy == null) return;
        if (proxy.hasCredentials() && password == null) {
            LOG.warn("Connection '{}': proxy user '{}' is set but no proxy password is stored; trying an empty password",
                    label, proxy.username());
        }
        if (proxy.type() == ProxySettings.Type.SOCKS) {
            b.proxy(Proxy.NO_PROXY)
                    .socketFactory(new Socks5SocketFactory(proxy.host(), proxy.port(),
                            proxy.hasCredentials() ? proxy.username() : null, password,
                            (int) options.connectTimeout().toMillis()))
                    .dns(Socks5SocketFactory.remoteDns());
        } else {
            b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())))
                    .proxyAuthenticator(httpProxyAuthenticator(proxy, password));
        }
    }

    /**
     * Answers the proxy's 407 with Basic credentials once; a second 407, or a 407 when we have no credentials, ends
     * the call with {@link ProxyAuthenticationException} (OkHttp would otherwise return the 407 as if the provider
     * had sent it, or fail an HTTPS tunnel with a vague message).
     */
    static Authenticator httpProxyAuthenticator(ProxySettings proxy, char[] password) {
        String credential = proxy.hasCredentials()
                ? Credentials.basic(proxy.username(), password == null ? "" : new String(password), StandardCharsets.UTF_8)
                : null;
        String where = "HTTP proxy " + proxy.host() + ":" + proxy.port();
        return (route, response) -> {
            // For HTTPS tunnels OkHttp first asks with a made-up challenge, to send credentials up front.
            boolean preemptive = "OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"));
            List<String> offered = response.headers("Proxy-Authenticate");
            if (credential == null) {
                if (preemptive) return null;
                throw new ProxyAuthenticationException(where + " requires credentials (HTTP 407, offers " + offered
                        + ") and this connection has no proxy user");
            }
            if (credential.equals(response.request().header("Proxy-Authorization"))) {
                throw new ProxyAuthenticationException(where + " rejected the credentials of user '" + proxy.username()
                        + "' (HTTP 407, offers " + offered + ")");
            }
            return response.request().newBuilder().header("Proxy-Authorization", credential).build();
        };
    }

    private static void applyTls(OkHttpClient.Builder b, RequestOptions options, String label) {
        if (options.skipTlsVerification()) {
            LOG.warn("TLS verification is OFF for connection '{}': anyone on the network path can read and alter its traffic{}",
                    label, options.extraCaBundle() == null ? "" : " (its CA bundle is ignored while verification is off)");
            TlsTrust trustAll = TlsTrust.trustingEverything();
            b.sslSocketFactory(trustAll.socketFactory(), trustAll.trustManager())
                    .hostnameVerifier((host, session) -> true)
                    .addNetworkInterceptor(chain -> {
                        if (chain.request().isHttps()) {
                            LOG.warn("Connection '{}': calling {} WITHOUT TLS verification", label, chain.request().url().host());
                        }
                        return chain.proceed(chain.request());
                    });
        } else if (options.extraCaBundle() != null) {
            TlsTrust trust = TlsTrust.systemPlus(options.extraCaBundle());
            b.sslSocketFactory(trust.socketFactory(), trust.trustManager());
        }
    }
}
