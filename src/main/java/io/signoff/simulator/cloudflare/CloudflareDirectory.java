package io.signoff.simulator.cloudflare;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated account's Access users and their active sessions, built from the seed and changed by revoke_user.
 * Not thread-safe: {@link CloudflareSimulator} serialises access.
 */
final class CloudflareDirectory {
    static final class AccessUser {
        final String id;
        final String uid;
        final String seatUid;
        final String email;
        final String name;
        final Instant createdAt;
        final Instant lastLogin;
        final List<ActiveSession> sessions = new ArrayList<>();
        int devices;
        Instant updatedAt;
        /** Survives a revoke, as last_seen_identity does. */
        ActiveSession lastSeen;

        AccessUser(String id, String uid, String seatUid, String email, String name, Instant createdAt, Instant lastLogin) {
            this.id = id;
            this.uid = uid;
            this.seatUid = seatUid;
            this.email = email;
            this.name = name;
            this.createdAt = createdAt;
            this.lastLogin = lastLogin;
            this.updatedAt = lastLogin;
        }
    }

    record ActiveSession(String nonce, String deviceId, String ip, String country, boolean warp,
                         List<Seed.AccessApp> apps, Instant issued, Instant expires) { }

    private final Seed.CloudflareAccount account;
    private final Map<String, AccessUser> users = new LinkedHashMap<>();

    CloudflareDirectory(Seed seed) {
        this.account = seed.cloudflare();
        List<Seed.AccessApp> apps = account.apps();
        for (Seed.Person p : seed.peopleIn(ProviderKind.CLOUDFLARE)) {
            Instant lastLogin = p.lastActivity();
            AccessUser u = new AccessUser(uuid("cloudflare-user:" + p.key()), uuid("cloudflare-uid:" + p.key()),
                    uuid("cloudflare-seat:" + p.key()), p.email(), p.displayName(), seed.now().minus(Duration.ofDays(200)), lastLogin);
            int spread = Math.floorMod(p.key().hashCode(), Math.max(1, apps.size()));
            for (int i = 0; i < p.devices().size(); i++) {
                Seed.Device d = p.devices().get(i);
                List<Seed.AccessApp> covered = new ArrayList<>();
                for (int a = 0; a < apps.size(); a++) {
                    if ((a + i + spread) % 3 != 0) covered.add(apps.get(a));
                }
                if (covered.isEmpty() && !apps.isEmpty()) covered.add(apps.get(0));
                Instant issued = d.lastSeen().minus(Duration.ofHours(2));
                u.sessions.add(new ActiveSession(nonce(p.key(), i), uuid("cloudflare-device:" + p.key() + ":" + i), d.ip(),
                        d.country(), !d.os().equals("Linux"), List.copyOf(covered), issued, issued.plus(Duration.ofHours(24))));
            }
            u.devices = p.devices().size();
            u.lastSeen = u.sessions.isEmpty() ? null : u.sessions.get(0);
            users.put(u.id, u);
        }
    }

    String accountId() { return account.accountId(); }

    List<AccessUser> users() { return List.copyOf(users.values()); }

    AccessUser user(String id) { return users.get(id); }

    AccessUser byEmail(String email) {
        for (AccessUser u : users.values()) {
            if (u.email.equalsIgnoreCase(email)) return u;
        }
        return null;
    }

    List<AccessUser> search(String email, String search) {
        List<AccessUser> out = new ArrayList<>();
        String fragment = search == null ? null : search.toLowerCase(Locale.ROOT);
        for (AccessUser u : users.values()) {
            if (email != null && !u.email.equalsIgnoreCase(email)) continue;
            if (fragment != null && !u.email.toLowerCase(Locale.ROOT).contains(fragment)
                    && !u.name.toLowerCase(Locale.ROOT).contains(fragment)) continue;
            out.add(u);
        }
        return out;
    }

    /** revoke_user: every Access session of the user ends; with devices, the WARP devices go too. */
    void revoke(AccessUser u, boolean devices, Instant now) {
        u.sessions.clear();
        if (devices) u.devices = 0;
        u.updatedAt = now;
    }

    Map<String, Object> userJson(AccessUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id);
        m.put("uid", u.uid);
        m.put("seat_uid", u.seatUid);
        m.put("email", u.email);
        m.put("name", u.name);
        m.put("access_seat", true);
        m.put("gateway_seat", u.devices > 0);
        m.put("active_device_count", u.devices);
        m.put("last_successful_login", u.lastLogin.toString());
        m.put("created_at", u.createdAt.toString());
        m.put("updated_at", u.updatedAt.toString());
        return m;
    }

    Map<String, Object> sessionJson(ActiveSession s) {
        Map<String, Object> apps = new LinkedHashMap<>();
        for (Seed.AccessApp a : s.apps()) {
            apps.put(a.uid(), Map.of("hostname", a.hostname(), "name", a.name(), "type", a.type(), "uid", a.uid()));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("apps", apps);
        metadata.put("expires", s.expires().getEpochSecond());
        metadata.put("iat", s.issued().getEpochSecond());
        metadata.put("nonce", s.nonce());
        metadata.put("ttl", Duration.between(s.issued(), s.expires()).toSeconds());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.nonce());
        m.put("expiration", s.expires().getEpochSecond());
        m.put("metadata", metadata);
        return m;
    }

    Map<String, Object> identityJson(AccessUser u, ActiveSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account_id", account.accountId());
        m.put("auth_status", "NONE");
        m.put("common_name", "");
        m.put("devicePosture", Map.of());
        m.put("device_id", s.warp() ? s.deviceId() : "");
        m.put("device_sessions", Map.of());
        m.put("email", u.email);
        m.put("geo", Map.of("country", s.country()));
        m.put("iat", s.issued().getEpochSecond());
        m.put("idp", Map.of("id", "b2a7c5d1-0000-4000-8000-00000000a1d0", "type", "azureAD"));
        m.put("ip", s.ip());
        m.put("is_gateway", false);
        m.put("is_warp", s.warp());
        m.put("mtls_auth", Map.of("auth_status", "NONE", "cert_issuer_dn", "", "cert_issuer_ski", "", "cert_presented", false, "cert_serial", ""));
        m.put("service_token_id", "");
        m.put("service_token_status", false);
        m.put("user_uuid", u.id);
        m.put("version", 2);
        return m;
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String nonce(String key, int i) {
        String hex = uuid("cloudflare-nonce:" + key + ":" + i).replace("-", "");
        return "X" + hex.substring(0, 15);
    }
}
