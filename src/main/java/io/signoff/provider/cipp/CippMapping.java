package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippResponses.member;
import static io.signoff.provider.cipp.CippResponses.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import io.signoff.model.Tenant;
import io.signoff.provider.http.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns CIPP/Graph JSON rows into the shared model. Pure functions: no I/O. */
final class CippMapping {
    private CippMapping() { }

    /** The rows of a List endpoint: a bare array (the usual answer) or a {"Results": [...]} envelope. */
    static List<JsonObject> rows(JsonElement root) {
        JsonElement list = root;
        if (root != null && root.isJsonObject()) {
            JsonElement results = member(root.getAsJsonObject(), "Results");
            list = results != null ? results : root;
        }
        List<JsonObject> out = new ArrayList<>();
        if (list == null || list.isJsonNull()) return out;
        if (list.isJsonArray()) {
            for (JsonElement e : list.getAsJsonArray()) {
                if (e.isJsonObject()) out.add(e.getAsJsonObject());
            }
        } else if (list.isJsonObject()) {
            out.add(list.getAsJsonObject());
        }
        return out;
    }

    static Tenant tenant(String connectionId, JsonObject row) {
        String id = string(row, "defaultDomainName");
        String name = string(row, "displayName");
        StringBuilder status = new StringBuilder(nullToEmpty(string(row, "delegatedPrivilegeStatus")));
        String errors = string(row, "GraphErrorCount");
        if (errors != null && !errors.equals("0") && !errors.isBlank()) {
            status.append(status.length() == 0 ? "" : "; ").append(errors).append(" Graph error(s)");
            String last = string(row, "LastGraphError");
            if (last != null && !last.isBlank()) status.append(": ").append(CippResponses.shorten(last));
        }
        return new Tenant(connectionId, ProviderKind.CIPP, id, name, mailDomain(row, id), status.toString());
    }

    /** The first custom (non-onmicrosoft.com) domain, which is what people's addresses end in; else the default. */
    private static String mailDomain(JsonObject row, String fallback) {
        JsonElement domains = member(row, "domains");
        if (domains != null && domains.isJsonArray()) {
            for (JsonElement d : domains.getAsJsonArray()) {
                String name = d.isJsonPrimitive() ? d.getAsString()
                        : d.isJsonObject() ? string(d.getAsJsonObject(), "id") : null;
                if (name != null && !name.toLowerCase(Locale.ROOT).endsWith(".onmicrosoft.com")) return name;
            }
        }
        return fallback;
    }

    static boolean excluded(JsonObject row) {
        return "true".equalsIgnoreCase(string(row, "Excluded"));
    }

    /** offboardingDefaults arrives as an object, or (UNCONFIRMED) as a JSON string holding one. */
    static Map<String, Object> offboardingDefaults(JsonObject row) {
        JsonElement value = member(row, "offboardingDefaults");
        if (value == null || value.isJsonNull()) return Map.of();
        if (value.isJsonPrimitive()) {
            String text = value.getAsString().strip();
            if (text.isEmpty()) return Map.of();
            try {
                value = JsonParser.parseString(text);
            } catch (JsonParseException e) {
                return Map.of();
            }
        }
        if (!value.isJsonObject()) return Map.of();
        Map<String, Object> map = Json.GSON.fromJson(value, new TypeToken<LinkedHashMap<String, Object>>() { }.getType());
        return map == null ? Map.of() : map;
    }

    static DirectoryUser user(String connectionId, String tenantId, JsonObject g) {
        String upn = string(g, "userPrincipalName");
        String mail = string(g, "mail");
        String email = mail != null && !mail.isBlank() ? mail : upn;
        Set<String> aliases = new LinkedHashSet<>();
        JsonElement proxies = member(g, "proxyAddresses");
        if (proxies != null && proxies.isJsonArray()) {
            for (JsonElement p : proxies.getAsJsonArray()) {
                String address = p.isJsonPrimitive() ? p.getAsString() : "";
                // Only SMTP addresses identify a person by email; X500:, SIP:, SPO: entries are not addresses.
                if (address.regionMatches(true, 0, "smtp:", 0, 5)) addAlias(aliases, address.substring(5), email);
            }
        }
        addAlias(aliases, upn, email);
        String enabled = string(g, "accountEnabled");
        AccountStatus status = enabled == null ? AccountStatus.UNKNOWN
                : Boolean.parseBoolean(enabled) ? AccountStatus.ENABLED : AccountStatus.DISABLED;
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, CippProvider.ATTR_UPN, upn);
        put(attributes, CippProvider.ATTR_ACCOUNT_ENABLED, enabled);
        put(attributes, CippProvider.ATTR_USER_TYPE, string(g, "userType"));
        put(attributes, CippProvider.ATTR_LICENCES, licences(g));
        put(attributes, CippProvider.ATTR_SESSIONS_VALID_FROM, string(g, "signInSessionsValidFromDateTime"));
        put(attributes, CippProvider.ATTR_REFRESH_TOKENS_VALID_FROM, string(g, "refreshTokensValidFromDateTime"));
        put(attributes, CippProvider.ATTR_ON_PREMISES_SYNC, string(g, "onPremisesSyncEnabled"));
        put(attributes, CippProvider.ATTR_JOB_TITLE, string(g, "jobTitle"));
        Instant lastSignIn = null;
        JsonElement activity = member(g, "signInActivity");
        if (activity != null && activity.isJsonObject()) {
            lastSignIn = instant(string(activity.getAsJsonObject(), "lastSignInDateTime"));
        }
        return new DirectoryUser(connectionId, ProviderKind.CIPP, tenantId, string(g, "id"), email,
                string(g, "displayName"), status, false, false, false, false, lastSignIn,
                List.copyOf(aliases), List.of(), attributes);
    }

    /** CIPP adds "LicJoined" (friendly names); plain Graph only has assignedLicenses[].skuId. */
    private static String licences(JsonObject g) {
        String joined = string(g, "LicJoined");
        if (joined != null && !joined.isBlank()) return joined;
        JsonElement assigned = member(g, "assignedLicenses");
        if (assigned == null || !assigned.isJsonArray()) return null;
        List<String> skus = new ArrayList<>();
        for (JsonElement l : assigned.getAsJsonArray()) {
            if (l.isJsonObject()) {
                String sku = string(l.getAsJsonObject(), "skuId");
                if (sku != null) skus.add(sku);
            }
        }
        return String.join(", ", skus);
    }

    /**
     * One Graph signIn as a session row. Sign-ins from before signInSessionsValidFrom get it as their end: their refresh
     * tokens died then (issued access tokens may live up to an hour longer).
     */
    static Session session(String connectionId, String tenantId, String userId, JsonObject s, Instant validFrom) {
        JsonObject device = object(s, "deviceDetail");
        JsonObject location = object(s, "location");
        String deviceName = firstNonBlank(string(device, "displayName"), string(device, "deviceId"));
        String browser = string(device, "browser");
        String clientApp = string(s, "clientAppUsed");
        String client = clientApp == null ? browser : browser == null || browser.isBlank() ? clientApp : clientApp + " · " + browser;
        List<String> place = new ArrayList<>();
        for (String k : new String[] {"city", "state", "countryOrRegion"}) {
            String v = string(location, k);
            if (v != null && !v.isBlank()) place.add(v);
        }
        String app = string(s, "appDisplayName");
        Instant created = instant(string(s, "createdDateTime"));
        Instant ended = validFrom != null && created != null && created.isBefore(validFrom) ? validFrom : null;
        String id = firstNonBlank(string(s, "id"), string(s, "correlationId"));
        return new Session(connectionId, ProviderKind.CIPP, tenantId, userId, id == null ? "" : id, deviceName,
                string(device, "operatingSystem"), client, string(s, "ipAddress"), String.join(", ", place),
                app == null ? List.of() : List.of(app), created, created, ended, false);
    }

    /** A sign-in with a non-zero status.errorCode was refused: it opened no session. */
    static boolean succeeded(JsonObject signIn) {
        String code = string(object(signIn, "status"), "errorCode");
        return code == null || code.equals("0");
    }

    static Instant instant(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    static JsonArray array(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o == null ? null : member(o, name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static void addAlias(Set<String> aliases, String address, String primary) {
        if (address == null || address.isBlank() || address.equalsIgnoreCase(primary)) return;
        for (String a : aliases) {
            if (a.equalsIgnoreCase(address)) return;
        }
        aliases.add(address);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
