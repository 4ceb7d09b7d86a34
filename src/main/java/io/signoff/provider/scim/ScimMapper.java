package io.signoff.provider.scim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a SCIM core User ({@code urn:ietf:params:scim:schemas:core:2.0:User}) into the shared model, tolerating what
 * real servers send: {@code "active":"False"} strings, missing name parts, emails without a primary flag.
 */
final class ScimMapper {
    private ScimMapper() { }

    static DirectoryUser user(JsonObject u, String connectionId, String tenantId) {
        String userName = text(u, "userName");
        List<String> emails = new ArrayList<>();
        String primary = null;
        JsonElement emailList = u.get("emails");
        if (emailList != null && emailList.isJsonArray()) {
            for (JsonElement e : emailList.getAsJsonArray()) {
                if (!e.isJsonObject()) continue;
                String value = text(e.getAsJsonObject(), "value");
                if (value == null || value.isBlank()) continue;
                if (primary == null && truthy(e.getAsJsonObject().get("primary"))) primary = value;
                emails.add(value);
            }
        }
        if (primary == null && !emails.isEmpty()) primary = emails.get(0);
        if (primary == null && userName != null && userName.contains("@")) primary = userName;
        List<String> aliases = new ArrayList<>();
        for (String e : emails) {
            if (!e.equalsIgnoreCase(primary)) aliases.add(e);
        }
        if (userName != null && userName.contains("@") && !userName.equalsIgnoreCase(primary)
                && aliases.stream().noneMatch(userName::equalsIgnoreCase)) {
            aliases.add(userName);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "userName", userName);
        put(attributes, "externalId", text(u, "externalId"));
        JsonObject meta = object(u, "meta");
        if (meta != null) {
            put(attributes, "created", text(meta, "created"));
            put(attributes, "lastModified", text(meta, "lastModified"));
        }
        Boolean active = active(u.get("active"));
        AccountStatus status = active == null ? AccountStatus.UNKNOWN : active ? AccountStatus.ENABLED : AccountStatus.DEACTIVATED;
        return new DirectoryUser(connectionId, ProviderKind.SCIM, tenantId, text(u, "id"), primary, displayName(u, userName),
                status, false, false, false, false, null, aliases, List.of(), attributes);
    }

    /** {@code active} as a boolean, a "True"/"False" string (seen in the wild), or absent (null). */
    static Boolean active(JsonElement e) {
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) return null;
        if (e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        String s = e.getAsString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean truthy(JsonElement e) {
        return Boolean.TRUE.equals(active(e));
    }

    private static String displayName(JsonObject u, String userName) {
        String display = text(u, "displayName");
        if (display != null && !display.isBlank()) return display;
        JsonObject name = object(u, "name");
        if (name != null) {
            String formatted = text(name, "formatted");
            if (formatted != null && !formatted.isBlank()) return formatted;
            String given = text(name, "givenName");
            String family = text(name, "familyName");
            String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
            if (!joined.isEmpty()) return joined;
        }
        return userName;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** An integer field that some servers send as a string; -1 when absent or unreadable. */
    static int integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) return -1;
        try {
            return (int) Double.parseDouble(e.getAsString().trim());
        } catch (NumberFormatException notNumber) {
            return -1;
        }
    }
}
