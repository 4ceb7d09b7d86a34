package io.signoff.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sign-in session (or, for Microsoft 365, one recent sign-in: Microsoft offers no list of live sessions).
 *
 * @param id          provider session id (Slack session_id, Cloudflare nonce, Graph sign-in id)
 * @param tenantId    where the session lives (Slack workspace, Cloudflare account, M365 tenant)
 * @param apps        applications the session covers (Cloudflare Access apps, the M365 app signed in to)
 * @param revocableAlone whether this one session can be revoked without the others (Slack only)
 */
public record Session(
        String connectionId,
        ProviderKind kind,
        String tenantId,
        String userId,
        String id,
        String device,
        String os,
        String client,
        String ip,
        String location,
        List<String> apps,
        Instant created,
        Instant lastSeen,
        Instant expires,
        boolean revocableAlone) {

    public Session {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
