package io.signoff.provider.scim;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
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

/** Builds clients and scripted answers for the SCIM tests. */
final class ScimTestSupport {
    static final String TOKEN = "scim-test-token-Hf3kP9zQ";

    private ScimTestSupport() { }

    static RequestOptions fastOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15))
                .withMaxRetries(0);
    }

    static Connection connection(String baseUrl, String label, int pageSize, RequestOptions options) {
        Map<String, String> settings = new HashMap<>();
        settings.put(ScimProvider.LABEL_SETTING, label);
        if (pageSize > 0) settings.put(ScimProvider.PAGE_SIZE_SETTING, Integer.toString(pageSize));
        return new Connection("scim-" + label.toLowerCase(), ProviderKind.SCIM, label, baseUrl, settings, options);
    }

    static ScimProvider provider(Connection connection, String token, Redactor redactor) {
        return new ScimProvider(connection, (id, name) -> token.toCharArray(), new HttpClients("signoff-test"), redactor);
    }

    static String fixture(String name) {
        try (InputStream in = ScimTestSupport.class.getResourceAsStream("/fixtures/scim/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse answer(int status, String fixtureName) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/scim+json")
                .setBody(fixture(fixtureName));
    }
}
