package io.signoff.provider;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.provider.cipp.CippProvider;
import io.signoff.provider.cloudflare.CloudflareProvider;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.provider.scim.ScimProvider;
import io.signoff.provider.slack.SlackProvider;
import java.util.EnumMap;
import java.util.Map;

/** Picks the client implementation for a connection's kind. */
public final class Providers {
    private final Map<ProviderKind, ProviderFactory> factories;

    public Providers(Map<ProviderKind, ProviderFactory> factories) {
        this.factories = new EnumMap<>(factories);
    }

    /** The real clients, sharing one HTTP client base and one redactor. */
    public static Providers standard(HttpClients http, Redactor redactor) {
        Map<ProviderKind, ProviderFactory> map = new EnumMap<>(ProviderKind.class);
        map.put(ProviderKind.CIPP, (connection, secrets) -> new CippProvider(connection, secrets, http, redactor));
        map.put(ProviderKind.SLACK, (connection, secrets) -> new SlackProvider(connection, secrets, http, redactor));
        map.put(ProviderKind.CLOUDFLARE, (connection, secrets) -> new CloudflareProvider(connection, secrets, http, redactor));
        map.put(ProviderKind.SCIM, (connection, secrets) -> new ScimProvider(connection, secrets, http, redactor));
        return new Providers(map);
    }

    public boolean supports(ProviderKind kind) { return factories.containsKey(kind); }

    public Provider create(Connection connection, SecretSource secrets) {
        ProviderFactory factory = factories.get(connection.kind());
        if (factory == null) {
            throw new IllegalStateException("No client for " + connection.kind().displayName() + " in this build");
        }
        return factory.create(connection, secrets);
    }
}
