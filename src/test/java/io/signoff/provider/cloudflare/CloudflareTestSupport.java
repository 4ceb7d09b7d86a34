package io.signoff.provider.cloudflare;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;

/** Builds clients and scripted answers for the Cloudflare tests. */
final class CloudflareTestSupport {
    static final String ACCOUNT = "3f9a1c7e5b2d4e6f8a0b1c2d3e4f5a6b";
    static final String TOKEN = "cf-test-token-Q8wRt5Yu";

    private CloudflareTestSupport() { }

    static RequestOptions fastOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withMaxRetries(0);
    }

    static Connection connection(String baseUrl, String accountId, int pageSize, RequestOptions options) {
        Map<String, String> settings = new HashMap<>();
        settings.put(CloudflareProvider.ACCOUNT_ID_SETTING, accountId);
        if (pageSize > 0) settings.put(CloudflareProvider.PAGE_SIZE_SETTING, Integer.toString(pageSize));
        return new Connection("cf-contoso", ProviderKind.CLOUDFLARE, "Contoso", baseUrl, settings, options);
    }

    static CloudflareProvider provider(Connection connection, String token, Redactor redactor) {
        return new CloudflareProvider(connection, (id, name) -> token.toCharArray(), new HttpClients("signoff-test"), redactor);
    }

    static Tenant tenant(CloudflareProvider provider) throws Exception {
        return provider.listTenants().get(0);
    }

    static String fixture(String name) {
        try (InputStream in = CloudflareTestSupport.class.getResourceAsStream("/fixtures/cloudflare/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse answer(int status, String fixtureName) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(fixture(fixtureName));
    }
}
