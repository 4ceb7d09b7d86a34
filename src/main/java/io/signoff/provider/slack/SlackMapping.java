package io.signoff.provider.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import io.signoff.model.Tenant;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Slack's JSON shapes (slack.md) into the shared model. Tolerant: a missing field becomes empty, never a crash. */
final class SlackMapping {
    private SlackMapping() { }

    /** One entry of admin.teams.list. */
    static Tenant tenant(String connectionId, JsonObject team) {
        String url = text(team, "team_url");
        String domain = "";
        if (url != null) {
            try {
                String host = URI.create(url).getHost();
                domain = host == null ? "" : host;
            } catch (IllegalArgumentException e) {
                domain = url;
            }
        }
        return new Tenant(connectionId, ProviderKind.SLACK, text(team, "id"), text(team, "name"), domain,
                text(team, "discoverability"));
    }

    /** One entry of admin.users.list. */
    static DirectoryUser fromAdminList(String connectionId, String tenantId, JsonObject u) {
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "username", text(u, "username"));
        put(attributes, "has_2fa", text(u, "has_2fa"));
        put(attributes, "has_sso", text(u, "has_sso"));
        put(attributes, "date_created", epochText(u, "date_created"));
        put(attributes, "deactivated_ts", epochText(u, "deactivated_ts"));
        boolean active = !u.has("is_active") || bool(u, "is_active");
        return new DirectoryUser(connectionId, ProviderKind.SLACK, tenantId, text(u, "id"), text(u, "email"),
                text(u, "full_name"), active ? AccountStatus.ENABLED : AccountStatus.DEACTIVATED,
                bool(u, "is_admin"), bool(u, "is_owner"), bool(u, "is_primary_owner"), bool(u, "is_bot"),
                epoch(u, "last_active_ts"), List.of(), strings(u, "workspaces"), attributes);
    }

    /** The user of users.lookupByEmail; workspaces come from {@code enterprise_user.teams} when Slack sends it. */
    static DirectoryUser fromLookup(String connectionId, String tenantId, JsonObject user, List<String> workspaces) {
        JsonObject profile = object(user, "profile");
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "username", text(user, "name"));
        put(attributes, "home_team_id", text(user, "team_id"));
        put(attributes, "display_name", text(profile, "display_name"));
        JsonObject enterprise = object(user, "enterprise_user");
        put(attributes, "enterprise_id", text(enterprise, "enterprise_id"));
        String name = text(user, "real_name");
        if (name == null || name.isBlank()) name = text(profile, "real_name");
        return new DirectoryUser(connectionId, ProviderKind.SLACK, tenantId, text(user, "id"), text(profile, "email"),
                name, bool(user, "deleted") ? AccountStatus.DEACTIVATED : AccountStatus.ENABLED,
                bool(user, "is_admin"), bool(user, "is_owner"), bool(user, "is_primary_owner"), bool(user, "is_bot"),
                null, List.of(), workspaces, attributes);
    }

    /** {@code enterprise_user.teams} of a lookup answer, or null when Slack did not send the list. */
    static List<String> enterpriseTeams(JsonObject user) {
        JsonObject enterprise = object(user, "enterprise_user");
        return enterprise != null && enterprise.has("teams") && enterprise.get("teams").isJsonArray()
                ? strings(enterprise, "teams") : null;
    }

    /** One entry of admin.users.session.list. Slack sends no timestamps, only the device at sign-in and lately. */
    static Session session(String connectionId, JsonObject s) {
        JsonObject created = object(s, "created");
        JsonObject recent = object(s, "recent");
        JsonObject device = created != null ? created : recent;
        String os = join(text(device, "os"), text(device, "os_version"));
        String ip = recent != null && text(recent, "ip") != null ? text(recent, "ip") : text(created, "ip");
        return new Session(connectionId, ProviderKind.SLACK, text(s, "team_id"), text(s, "user_id"),
                text(s, "session_id"), text(device, "device_hardware"), os, text(device, "slack_client_version"),
                ip, null, List.of(), null, null, null, true);
    }

    static String text(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    static boolean bool(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonPrimitive() && (e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean()
                : e.getAsString().equalsIgnoreCase("true"));
    }

    private static JsonObject object(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static List<String> strings(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(field);
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonPrimitive()) out.add(item.getAsString());
            }
        }
        return out;
    }

    /** Slack timestamps are epoch seconds, sometimes as strings, sometimes with a fraction. */
    private static Instant epoch(JsonObject o, String field) {
        String t = text(o, field);
        if (t == null || t.isBlank()) return null;
        try {
            long seconds = (long) Double.parseDouble(t);
            return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String epochText(JsonObject o, String field) {
        Instant at = epoch(o, field);
        return at == null ? null : at.toString();
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b == null || b.isBlank() ? null : b;
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }
}
