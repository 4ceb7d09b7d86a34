package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippTestSupport.CLIENT_SECRET;
import static io.signoff.provider.cipp.CippTestSupport.fixture;
import static io.signoff.provider.cipp.CippTestSupport.json;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippTestSupport.CountingSecrets;
import io.signoff.provider.cipp.CippTestSupport.MutableClock;
import io.signoff.provider.cipp.CippTestSupport.ScriptedCipp;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.io.IOException;
import java.time.Instant;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A CippProvider pointed at a MockWebServer that replays recorded CIPP answers (see {@link ScriptedCipp}). */
abstract class ScriptedCippTestBase {
    static final Tenant CONTOSO = new Tenant("cipp-test", ProviderKind.CIPP, "contoso.onmicrosoft.com", "Contoso Ltd",
            "contoso.com", "");

    final ScriptedCipp cipp = new ScriptedCipp();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    final Redactor redactor = new Redactor();
    MockWebServer server;
    CippProvider provider;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(cipp);
        server.start();
        provider = provider(CippTestSupport.fastOptions());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    CippProvider provider(RequestOptions options) {
        // The braces stay raw, as a person types them into the connection form.
        String tokenUrl = "http://" + server.getHostName() + ":" + server.getPort() + "/login/{tenantId}/oauth2/v2.0/token";
        return new CippProvider(CippTestSupport.connection(server.url("/").toString(), tokenUrl, options),
                new CountingSecrets(CLIENT_SECRET), new HttpClients("signoff-test"), redactor, clock);
    }

    DirectoryUser jane() throws ProviderException {
        cipp.on("ListUsers", json(200, fixture("list-users-jane.json")));
        return provider.getUser(CONTOSO, "2f0c6a1e-8d3b-4b7a-9c5e-1a2b3c4d5e6f");
    }

    static String body(RecordedRequest r) {
        return r.getBody().clone().readUtf8();
    }

    static JsonObject obj(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
