package io.signoff.provider.http;

import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the OkHttp client of each connection from one shared base, so all connections share a connection pool and
 * dispatcher while each keeps its own timeouts, proxy and TLS settings.
 */
public final class HttpClients {
    private static final Logger LOG = LoggerFactory.getLogger(HttpClients.class);

    private final OkHttpClient base;
    private final String userAgent;

    public HttpClients(String userAgent) {
        this.userAgent = userAgent;
        this.base = new OkHttpClient.Builder().build();
    }

    public String userAgent() { return userAgent; }

    /**
     * A client for one connection.
     *
     * @param label         the connection's name, for log lines (never a secret)
     * @param proxyPassword the proxy password from the keychain, or null; not kept after the client is built
     *                      except inside OkHttp's authenticator
     */
    public OkHttpClient clientFor(RequestOptions options, String label, char[] proxyPassword) {
        OkHttpClient.Builder b = base.newBuilder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .callTimeout(options.callTimeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().header("User-Agent") == null
                        ? chain.request().newBuilder().header("User-Agent", userAgent).build()
                        : chain.request()));
        applyProxy(b, options.proxy(), proxyPassword);
        applyTls(b, options, label);
        return b.build();
    }

    private static void applyProxy(OkHttpClient.Builder b, ProxySettings proxy, char[] password) {
        if (proxy == null) return;
        Proxy.Type type = proxy.type() == ProxySettings.Type.SOCKS ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
        b.proxy(new Proxy(type, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        if (proxy.hasCredentials() && password != null && type == Proxy.Type.HTTP) {
            String credential = Credentials.basic(proxy.username(), new String(password));
            b.proxyAuthenticator((route, response) -> {
                if (response.request().header("Proxy-Authorization") != null) {
                    return null; // already tried these credentials: give up rather than loop
                }
                return response.request().newBuilder().header("Proxy-Authorization", credential).build();
            });
        }
    }

    private static void applyTls(OkHttpClient.Builder b, RequestOptions options, String label) {
        try {
            if (options.skipTlsVerification()) {
                LOG.warn("TLS verification is OFF for connection '{}': anyone on the network path can read and alter its traffic", label);
                X509TrustManager trustAll = new TrustAllManager();
                b.sslSocketFactory(sslContext(trustAll).getSocketFactory(), trustAll)
                        .hostnameVerifier((host, session) -> true)
                        .addNetworkInterceptor(chain -> {
                            LOG.warn("Connection '{}': calling {} WITHOUT TLS verification", label, chain.request().url().host());
                            return chain.proceed(chain.request());
                        });
            } else if (options.extraCaBundle() != null) {
                X509TrustManager tm = systemPlusBundle(options.extraCaBundle());
                b.sslSocketFactory(sslContext(tm).getSocketFactory(), tm);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot set up TLS for connection '" + label + "': " + e.getMessage(), e);
        }
    }

    private static SSLContext sslContext(X509TrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    /** Trusts the JVM's CAs and the certificates of a PEM bundle (a corporate TLS-inspecting proxy, a private CA). */
    static X509TrustManager systemPlusBundle(java.nio.file.Path bundle) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (X509TrustManager system : trustManagers(null)) {
            for (X509Certificate cert : system.getAcceptedIssuers()) {
                ks.setCertificateEntry("system-" + i++, cert);
            }
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(bundle)) {
            for (Certificate cert : cf.generateCertificates(in)) {
                ks.setCertificateEntry("bundle-" + i++, cert);
            }
        }
        List<X509TrustManager> tms = trustManagers(ks);
        if (tms.isEmpty()) throw new GeneralSecurityException("no X509 trust manager available");
        return tms.get(0);
    }

    private static List<X509TrustManager> trustManagers(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        List<X509TrustManager> out = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) out.add(x);
        }
        return out;
    }

    /** Used only when the operator explicitly turned verification off for one connection. */
    private static final class TrustAllManager implements X509TrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
