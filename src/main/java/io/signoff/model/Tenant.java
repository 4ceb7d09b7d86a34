package io.signoff.model;

import java.util.Objects;

/**
 * A scope inside a connection where people live: a Microsoft 365 customer tenant, a Slack workspace, the Cloudflare
 * account, the SCIM app.
 *
 * @param id       the provider's key for it (CIPP defaultDomainName, Slack team id, Cloudflare account id, SCIM base)
 * @param status   relationship/health as the provider reports it (e.g. GDAP status), free text, may be empty
 */
public record Tenant(String connectionId, ProviderKind kind, String id, String displayName, String domain, String status) {
    public Tenant {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? id : displayName;
        domain = domain == null ? "" : domain;
        status = status == null ? "" : status;
    }
}
