package io.signoff.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The trust material of one connection: the JVM's CAs, optionally plus a PEM bundle, or (explicitly) nothing. */
record TlsTrust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

    /** The JVM's CAs plus every certificate of a PEM bundle (a TLS-inspecting corporate proxy, a private CA). */
    static TlsTrust systemPlus(Path bundle) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509TrustManager system : trustManagers(null)) {
                for (X509Certificate cert : system.getAcceptedIssuers()) {
                    ks.setCertificateEntry("system-" + i++, cert);
                }
            }
            Collection<? extends Certificate> extra;
            try (InputStream in = Files.newInputStream(bundle)) {
                extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (extra.isEmpty()) {
                throw new IllegalArgumentException("The CA bundle " + bundle + " holds no PEM certificate");
            }
            for (Certificate cert : extra) {
                ks.setCertificateEntry("bundle-" + i++, cert);
            }
            List<X509TrustManager> tms = trustManagers(ks);
            if (tms.isEmpty()) throw new GeneralSecurityException("no X509 trust manager available");
            return of(tms.get(0));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The CA bundle " + bundle + " does not exist", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the CA bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** Used only when the operator explicitly turned verification off for one connection. */
    static TlsTrust trustingEverything() {
        return of(new TrustAllManager());
    }

    private static TlsTrust of(X509TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return new TlsTrust(ctx.getSocketFactory(), tm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot create a TLS context", e);
        }
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

    private static final class TrustAllManager implements X509TrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}
