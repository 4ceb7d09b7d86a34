package io.signoff.controller;

import static io.signoff.controller.ConnectionField.ACCOUNT_ID;
import static io.signoff.controller.ConnectionField.BASE_URL;
import static io.signoff.controller.ConnectionField.CALL_TIMEOUT;
import static io.signoff.controller.ConnectionField.CA_BUNDLE;
import static io.signoff.controller.ConnectionField.CLIENT_ID;
import static io.signoff.controller.ConnectionField.CONNECT_TIMEOUT;
import static io.signoff.controller.ConnectionField.NAME;
import static io.signoff.controller.ConnectionField.PROXY_HOST;
import static io.signoff.controller.ConnectionField.PROXY_PASSWORD;
import static io.signoff.controller.ConnectionField.PROXY_PORT;
import static io.signoff.controller.ConnectionField.PROXY_TYPE;
import static io.signoff.controller.ConnectionField.PROXY_USER;
import static io.signoff.controller.ConnectionField.RATE_BUDGET;
import static io.signoff.controller.ConnectionField.READ_TIMEOUT;
import static io.signoff.controller.ConnectionField.SECRET;
import static io.signoff.controller.ConnectionField.SKIP_TLS;
import static io.signoff.controller.ConnectionField.TENANT_ID;
import static io.signoff.controller.ConnectionField.TOKEN_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionValidatorTest {
    private static final char[] NO_SECRET = new char[0];
    private static final String GUID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    @TempDir
    Path dir;

    private static Map<ConnectionField, String> validate(ConnectionDraft d, String secret) {
        return ConnectionValidator.validate(d, secret.toCharArray(), true, NO_SECRET, List.of("Existing One"));
    }

    private static ConnectionDraft cipp() {
        return ConnectionDraft.blank(ProviderKind.CIPP).with(NAME, "Contoso").with(BASE_URL, "https://cipp.example.net/")
                .with(TENANT_ID, GUID).with(CLIENT_ID, "5D6E7F80-91A2-4B3C-8D4E-5F6A7B8C9D0E");
    }

    @Test
    void aBlankCippFormNamesEveryRequiredField() {
        Map<ConnectionField, String> errors = validate(ConnectionDraft.blank(ProviderKind.CIPP), "");
        assertEquals(Set.of(NAME, BASE_URL, TENANT_ID, CLIENT_ID, SECRET), errors.keySet());
        assertEquals("Required: the client secret.", errors.get(SECRET));
    }

    @Test
    void cippIdsMustBeGuidsAndTheTokenUrlAUrl() {
        assertEquals(Map.of(), validate(cipp(), "cipp-client-secret"));
        Map<ConnectionField, String> errors = validate(cipp().with(TENANT_ID, "contoso.onmicrosoft.com")
                .with(CLIENT_ID, "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0").with(TOKEN_URL, "login.example/token"), "cipp-client-secret");
        assertEquals(Set.of(TENANT_ID, CLIENT_ID, TOKEN_URL), errors.keySet());
        assertTrue(errors.get(TENANT_ID).startsWith("Must be a GUID"), errors.get(TENANT_ID));
    }

    @Test
    void urlsNeedHttpsAHostAndNoCredentials() {
        assertEquals("Must start with https://.", ConnectionValidator.urlProblem("cipp.example.net", true));
        assertEquals("Must start with https://.", ConnectionValidator.urlProblem("ftp://cipp.example.net", true));
        assertEquals("The URL has no host name.", ConnectionValidator.urlProblem("https:///api", true));
        assertTrue(ConnectionValidator.urlProblem("https://admin:hunter2@cipp.example.net", true).contains("secret field"));
        assertTrue(ConnectionValidator.urlProblem("http://cipp.example.net", true).contains("unencrypted"));
        assertTrue(ConnectionValidator.urlProblem("https://x.example/?token=1", true).contains("query"));
        assertTrue(ConnectionValidator.urlProblem("https://exa mple.net", true).startsWith("Not a valid URL"));
        assertNull(ConnectionValidator.urlProblem("http://127.0.0.1:8080/cipp", true));
        assertNull(ConnectionValidator.urlProblem("http://localhost:8080/scim/v2", true));
        assertNull(ConnectionValidator.urlProblem("", false));
    }

    @Test
    void cloudflareNeedsA32HexAccountId() {
        ConnectionDraft d = ConnectionDraft.blank(ProviderKind.CLOUDFLARE).with(NAME, "Acme ZT");
        assertEquals(Map.of(), validate(d.with(ACCOUNT_ID, "0123456789abcdef0123456789ABCDEF"), "cf-api-token-1"));
        assertEquals(Set.of(ACCOUNT_ID), validate(d.with(ACCOUNT_ID, "0123456789abcdef0123456789abcde"), "cf-api-token-1").keySet());
        assertEquals(Set.of(ACCOUNT_ID), validate(d.with(ACCOUNT_ID, "0123456789abcdef0123456789abcdeg"), "cf-api-token-1").keySet());
        assertEquals(Set.of(ACCOUNT_ID), validate(d, "cf-api-token-1").keySet());
    }

    @Test
    void secretsAreCheckedForShapeAndSlackTokensForTheirPrefix() {
        ConnectionDraft slack = ConnectionDraft.blank(ProviderKind.SLACK).with(NAME, "Acme Slack");
        assertEquals(Map.of(), validate(slack, "xoxp-1234-abcd"));
        assertTrue(validate(slack, "Bearer-abcdefgh").get(SECRET).contains("starts with xox"));
        assertTrue(validate(slack, "xoxp-1234 abcd").get(SECRET).contains("spaces"));
        assertTrue(validate(slack, "xoxp-\n").get(SECRET).contains("line breaks"));
        assertTrue(validate(slack, "xoxp").get(SECRET).contains("Too short"));
        assertEquals("Another connection already has this name.", validate(slack.with(NAME, " existing one "), "xoxp-1234-abcd").get(NAME));
        // On edit the stored secret is kept when nothing is typed.
        assertEquals(Map.of(), ConnectionValidator.validate(slack, NO_SECRET, false, NO_SECRET, List.of()));
    }

    @Test
    void timeoutsMustBeWholeSecondsInRange() {
        ConnectionDraft d = cipp();
        assertEquals(Set.of(CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT), validate(d.with(CONNECT_TIMEOUT, "0")
                .with(READ_TIMEOUT, "ten").with(CALL_TIMEOUT, ""), "cipp-client-secret").keySet());
        assertEquals(Set.of(CONNECT_TIMEOUT), validate(d.with(CONNECT_TIMEOUT, "121"), "cipp-client-secret").keySet());
        Map<ConnectionField, String> errors = validate(d.with(READ_TIMEOUT, "600").with(CALL_TIMEOUT, "300"), "cipp-client-secret");
        assertEquals("Must be at least the read timeout (600 s).", errors.get(CALL_TIMEOUT));
    }

    @Test
    void aProxyNeedsHostAndPortAndOnlyHttpProxiesTakeAUser() {
        ConnectionDraft d = cipp().with(PROXY_TYPE, "HTTP");
        assertEquals(Set.of(PROXY_HOST, PROXY_PORT), validate(d, "cipp-client-secret").keySet());
        assertTrue(validate(d.with(PROXY_HOST, "http://proxy.corp").with(PROXY_PORT, "3128"), "cipp-client-secret")
                .get(PROXY_HOST).contains("without http://"));
        assertEquals(Set.of(PROXY_PORT), validate(d.with(PROXY_HOST, "proxy.corp").with(PROXY_PORT, "70000"), "cipp-client-secret").keySet());
        assertEquals(Map.of(), validate(d.with(PROXY_HOST, "10.0.0.5").with(PROXY_PORT, "3128").with(PROXY_USER, "svc"), "cipp-client-secret"));
        ConnectionDraft socks = d.with(PROXY_TYPE, "SOCKS").with(PROXY_HOST, "proxy.corp").with(PROXY_PORT, "1080").with(PROXY_USER, "svc");
        assertEquals(Set.of(PROXY_USER), validate(socks, "cipp-client-secret").keySet());
        Map<ConnectionField, String> noUser = ConnectionValidator.validate(d.with(PROXY_HOST, "proxy.corp").with(PROXY_PORT, "3128"),
                "cipp-client-secret".toCharArray(), true, "proxy-pass".toCharArray(), List.of());
        assertEquals(Set.of(PROXY_PASSWORD), noUser.keySet());
    }

    @Test
    void theExtraCaBundleMustBeAnExistingPemFile() throws Exception {
        assertEquals("No such file.", validate(cipp().with(CA_BUNDLE, dir.resolve("missing.pem").toString()), "cipp-client-secret").get(CA_BUNDLE));
        Path notPem = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertTrue(validate(cipp().with(CA_BUNDLE, notPem.toString()), "cipp-client-secret").get(CA_BUNDLE).contains("PEM"));
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, pemOfAJdkRootCertificate());
        assertEquals(Map.of(), validate(cipp().with(CA_BUNDLE, pem.toString()), "cipp-client-secret"));
    }

    @Test
    void theRateBudgetIsANonNegativeNumberWhereTheProviderHasOne() {
        ConnectionDraft slack = ConnectionDraft.blank(ProviderKind.SLACK).with(NAME, "Acme Slack");
        assertEquals(Set.of(RATE_BUDGET), validate(slack.with(RATE_BUDGET, "-1"), "xoxp-1234-abcd").keySet());
        assertEquals(Set.of(RATE_BUDGET), validate(slack.with(RATE_BUDGET, "lots"), "xoxp-1234-abcd").keySet());
        assertTrue(ConnectionKinds.advancedFields(ProviderKind.SLACK).contains(RATE_BUDGET));
        assertTrue(!ConnectionKinds.advancedFields(ProviderKind.CIPP).contains(RATE_BUDGET), "CIPP has no rate limit of its own");
    }

    @Test
    void aValidDraftBecomesAConnectionAndBackAgain() {
        ConnectionDraft d = cipp().with(TOKEN_URL, "https://login.example/tenant/token/").with(CONNECT_TIMEOUT, "5")
                .with(READ_TIMEOUT, "300").with(CALL_TIMEOUT, "600").with(PROXY_TYPE, "HTTP").with(PROXY_HOST, "proxy.corp")
                .with(PROXY_PORT, "3128").with(PROXY_USER, "svc").with(SKIP_TLS, "true");
        Connection c = ConnectionValidator.toConnection("cipp-contoso-abc123", d, RequestOptions.defaults().withMaxRetries(5),
                Map.of("tokenUrl", "https://old.example/token", "graphRegion", "eu"));
        assertEquals("https://cipp.example.net", c.baseUrl(), "trailing slash removed");
        assertEquals(Map.of("tenantId", GUID, "clientId", "5D6E7F80-91A2-4B3C-8D4E-5F6A7B8C9D0E",
                "tokenUrl", "https://login.example/tenant/token", "graphRegion", "eu"), c.settings(),
                "settings the form does not show are kept");
        assertEquals(null, ConnectionValidator.toConnection("x", d.with(TOKEN_URL, " "), RequestOptions.defaults(),
                c.settings()).setting("tokenUrl"), "a cleared field removes its setting");
        assertTrue(ConnectionDraft.of(c).sameFormValues(d.with(NAME, " Contoso ")));
        assertTrue(!ConnectionDraft.of(c).sameFormValues(d.with(NAME, "Contoso 2")));
        assertEquals(Duration.ofSeconds(300), c.requestOptions().readTimeout());
        assertEquals(new ProxySettings(ProxySettings.Type.HTTP, "proxy.corp", 3128, "svc"), c.requestOptions().proxy());
        assertTrue(c.requestOptions().skipTlsVerification());
        assertEquals(5, c.requestOptions().maxRetries(), "options not on the form are kept");
        assertEquals(d.values(), ConnectionDraft.of(c).with(BASE_URL, "https://cipp.example.net/")
                .with(TOKEN_URL, "https://login.example/tenant/token/").with(RATE_BUDGET, d.get(RATE_BUDGET)).values());
    }

    @Test
    void aDraftNeverHoldsASecret() {
        assertThrows(IllegalArgumentException.class, () -> cipp().with(SECRET, "cipp-client-secret"));
        assertThrows(IllegalArgumentException.class, () -> cipp().with(PROXY_PASSWORD, "proxy-pass"));
    }

    private static String pemOfAJdkRootCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (FileInputStream in = new FileInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile())) {
            ks.load(in, null);
        }
        Certificate cert = ks.getCertificate(ks.aliases().nextElement());
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
