package io.signoff.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One account of one person in one provider.
 *
 * @param id          the provider's user id (Graph object id, Slack U…/W…, Cloudflare uuid, SCIM id)
 * @param tenantId    the {@link Tenant#id()} it was found in
 * @param aliases     other addresses that identify the same person (M365 proxyAddresses without "smtp:")
 * @param workspaces  Slack team ids the user belongs to; empty elsewhere
 * @param attributes  provider-specific extras worth showing (licences, userType, seat flags…)
 */
public record DirectoryUser(
        String connectionId,
        ProviderKind kind,
        String tenantId,
        String id,
        String email,
        String displayName,
        AccountStatus status,
        boolean admin,
        boolean owner,
        boolean primaryOwner,
        boolean bot,
        Instant lastActivity,
        List<String> aliases,
        List<String> workspaces,
        Map<String, String> attributes) {

    public DirectoryUser {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        email = email == null ? "" : email;
        displayName = displayName == null ? email : displayName;
        status = status == null ? AccountStatus.UNKNOWN : status;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** True when this account answers to the address, by its primary email or any alias (case-insensitive). */
    public boolean matchesEmail(String address) {
        if (address == null) return false;
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        if (email.toLowerCase(Locale.ROOT).equals(wanted)) return true;
        for (String alias : aliases) {
            if (alias.toLowerCase(Locale.ROOT).equals(wanted)) return true;
        }
        return false;
    }

    /** Any owner or admin flag: such targets get an extra warning before destructive actions. */
    public boolean privileged() { return admin || owner || primaryOwner; }
}
