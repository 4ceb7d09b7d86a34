package io.signoff.provider.cloudflare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Cloudflare Access users, active sessions and identities into the shared model. */
final class CloudflareMapper {
    private CloudflareMapper() { }

    static DirectoryUser user(JsonObject u, String connectionId, String accountId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : List.of("uid", "seat_uid", "access_seat", "gateway_seat", "active_device_count",
                "last_successful_login", "created_at", "updated_at")) {
            String value = text(u, key);
            if (value != null) attributes.put(key, value);
        }
        boolean seat = bool(u, "access_seat") || bool(u, "gateway_seat");
        return new DirectoryUser(connectionId, ProviderKind.CLOUDFLARE, accountId, text(u, "id"), text(u, "email"),
                text(u, "name"),
                // An Access user has no enabled flag: a seat means it signed in during the billing period.
                seat ? AccountStatus.ENABLED : AccountStatus.UNKNOWN,
                false, false, false, false, instant(text(u, "last_successful_login")), List.of(), List.of(), attributes);
    }

    /**
     * One entry of {@code active_sessions}: {@code {name, expiration, metadata:{apps:{uid:{hostname,name,type,uid}},
     * expires, iat, nonce, ttl}}}, optionally enriched with its identity ({@code ip, geo.country, device_id, is_warp}).
     */
    static Session session(JsonObject s, JsonObject identity, DirectoryUser user) {
        JsonObject metadata = object(s, "metadata");
        String nonce = metadata == null ? null : text(metadata, "nonce");
        if (nonce == null) nonce = text(s, "nonce");
        if (nonce == null) nonce = text(s, "name");
        List<String> apps = new ArrayList<>();
        JsonObject appMap = metadata == null ? null : object(metadata, "apps");
        if (appMap != null) {
            for (Map.Entry<String, JsonElement> app : appMap.entrySet()) {
                apps.add(appName(app.getKey(), app.getValue()));
            }
        }
        Instant expires = epoch(s, "expiration");
        if (expires == null && metadata != null) expires = epoch(metadata, "expires");
        Instant issued = metadata == null ? null : epoch(metadata, "iat");
        String ip = null;
        String country = null;
        String device = null;
        String client = "Access";
        if (identity != null) {
            ip = text(identity, "ip");
            JsonObject geo = object(identity, "geo");
            country = geo == null ? null : text(geo, "country");
            device = text(identity, "device_id");
            if (bool(identity, "is_warp")) client = "Access via WARP";
            if (issued == null) issued = epoch(identity, "iat");
        }
        return new Session(user.connectionId(), ProviderKind.CLOUDFLARE, user.tenantId(), user.id(),
                nonce == null ? "unknown" : nonce, device == null || device.isBlank() ? null : device, null, client, ip,
                country, apps, issued, null, expires,
                // Cloudflare revokes per user, all apps at once: there is no call to end this session alone.
                false);
    }

    static String nonce(JsonObject s) {
        JsonObject metadata = object(s, "metadata");
        return metadata == null ? null : text(metadata, "nonce");
    }

    private static String appName(String uid, JsonElement app) {
        if (app != null && app.isJsonObject()) {
            String name = text(app.getAsJsonObject(), "name");
            if (name != null && !name.isBlank()) return name;
            String host = text(app.getAsJsonObject(), "hostname");
            if (host != null && !host.isBlank()) return host;
        }
        return uid;
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) return false;
        return e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : Boolean.parseBoolean(e.getAsString().trim());
    }

    /** Epoch seconds, as a number or a numeric string; anything else is "not known". */
    static Instant epoch(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) return null;
        try {
            return Instant.ofEpochSecond((long) Double.parseDouble(e.getAsString().trim()));
        } catch (NumberFormatException notNumber) {
            return instant(e.getAsString());
        }
    }

    static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return OffsetDateTime.parse(iso.trim()).toInstant();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }
}
