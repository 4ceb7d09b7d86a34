package io.signoff.model;

import java.util.Map;
import java.util.Objects;

/**
 * A configured link to one provider. Holds no secret: secrets are looked up in the keychain by
 * ({@link #id()}, secret name), e.g. ("cipp-contoso", "client-secret").
 *
 * @param baseUrl  the provider API base (CIPP API URL, Slack API base, Cloudflare v4 base, SCIM base)
 * @param settings non-secret, provider-specific settings (CIPP: tenantId, clientId, tokenUrl; Cloudflare: accountId;
 *                 SCIM: label)
 */
public record Connection(
        String id,
        ProviderKind kind,
        String displayName,
        String baseUrl,
        Map<String, String> settings,
        RequestOptions requestOptions) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(baseUrl, "baseUrl");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        requestOptions = requestOptions == null ? RequestOptions.defaults() : requestOptions;
    }

    public String setting(String key) { return settings.get(key); }

    public String setting(String key, String fallback) { return settings.getOrDefault(key, fallback); }

    public Connection withDisplayName(String newName) {
        return new Connection(id, kind, newName, baseUrl, settings, requestOptions);
    }

    public Connection withRequestOptions(RequestOptions options) {
        return new Connection(id, kind, displayName, baseUrl, settings, options);
    }
}
