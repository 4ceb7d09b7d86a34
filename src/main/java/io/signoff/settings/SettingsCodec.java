package io.signoff.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * settings.json ⇄ model. Works on the JSON tree so that fields (and whole connections of unknown kinds) written by
 * a newer Signoff survive a rewrite by this one: every object keeps the keys this version does not know.
 */
final class SettingsCodec {
    static final int FORMAT_VERSION = 1;

    private static final Set<String> TOP_KEYS = Set.of("version", "connections", "preferences");
    private static final Set<String> CONNECTION_KEYS = Set.of("id", "kind", "displayName", "baseUrl", "settings", "requestOptions");
    private static final Set<String> OPTION_KEYS = Set.of("connectTimeout", "readTimeout", "callTimeout", "proxy",
            "extraCaBundle", "skipTlsVerification", "rateBudgetPerMinute", "maxRetries", "maxResponseBytes");
    private static final Set<String> PROXY_KEYS = Set.of("type", "host", "port", "username");
    private static final Set<String> PREFERENCE_KEYS = Set.of("operatorName", "theme", "window", "lastView");
    private static final Set<String> WINDOW_KEYS = Set.of("x", "y", "width", "height", "maximized");

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** What a file held: the connections this version understands, the ones it keeps as is, and the raw tree. */
    record Decoded(List<Connection> connections, Preferences preferences, List<JsonObject> keptAsIs,
                   List<String> problems, JsonObject raw) {
    }

    /** The file is not settings at all (bad JSON, wrong shape): it must be backed up, not half-used. */
    static final class CorruptSettings extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptSettings(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SettingsCodec() { }

    static Decoded decode(String text) throws CorruptSettings {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) throw new CorruptSettings("the file does not hold a JSON object", null);
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new CorruptSettings("it is not valid JSON (" + e.getMessage() + ")", e);
        }
        JsonElement list = root.get("connections");
        if (list != null && !list.isJsonNull() && !list.isJsonArray()) {
            throw new CorruptSettings("\"connections\" is not a list", null);
        }
        List<Connection> connections = new ArrayList<>();
        List<JsonObject> keptAsIs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (list != null && list.isJsonArray()) {
            int index = 0;
            for (JsonElement element : list.getAsJsonArray()) {
                index++;
                if (!element.isJsonObject()) {
                    throw new CorruptSettings("connection #" + index + " is not a JSON object", null);
                }
                JsonObject obj = element.getAsJsonObject();
                try {
                    ProviderKind kind = kindOf(obj);
                    if (kind == null) {
                        keptAsIs.add(obj); // a provider a newer version knows: keep it untouched
                    } else {
                        connections.add(connection(obj, kind));
                    }
                } catch (RuntimeException e) {
                    keptAsIs.add(obj);
                    problems.add("Connection #" + index + " could not be read (" + e.getMessage()
                            + "); it is kept in the file unchanged but not used.");
                }
            }
        }
        Preferences preferences;
        try {
            preferences = preferences(root.get("preferences"));
        } catch (RuntimeException e) {
            problems.add("The preferences could not be read (" + e.getMessage() + "); defaults are used.");
            preferences = Preferences.defaults();
        }
        return new Decoded(connections, preferences, keptAsIs, problems, root);
    }

    /** The new file content; unknown keys of {@code previous} (the tree last read or written) are carried over. */
    static JsonObject encode(List<Connection> connections, List<JsonObject> keptAsIs, Preferences preferences, JsonObject previous) {
        JsonObject root = new JsonObject();
        int previousVersion = previous != null && previous.has("version") && previous.get("version").isJsonPrimitive()
                ? previous.get("version").getAsInt() : FORMAT_VERSION;
        root.addProperty("version", Math.max(FORMAT_VERSION, previousVersion));
        Map<String, JsonObject> previousById = previousConnections(previous);
        JsonArray list = new JsonArray();
        for (Connection c : connections) {
            list.add(connection(c, previousById.get(c.id())));
        }
        keptAsIs.forEach(list::add);
        root.add("connections", list);
        root.add("preferences", preferences(preferences, objectAt(previous, "preferences")));
        keepUnknown(previous, root, TOP_KEYS);
        return root;
    }

    static String toText(JsonObject root) {
        return GSON.toJson(root) + System.lineSeparator();
    }

    private static ProviderKind kindOf(JsonObject obj) {
        String kind = string(obj, "kind");
        if (kind == null) throw new IllegalArgumentException("no \"kind\"");
        for (ProviderKind k : ProviderKind.values()) {
            if (k.slug().equalsIgnoreCase(kind)) return k;
        }
        return null;
    }

    private static Connection connection(JsonObject obj, ProviderKind kind) {
        Map<String, String> settings = new LinkedHashMap<>();
        JsonObject rawSettings = objectAt(obj, "settings");
        if (rawSettings != null) {
            rawSettings.entrySet().forEach(e -> {
                if (e.getValue().isJsonPrimitive()) settings.put(e.getKey(), e.getValue().getAsString());
            });
        }
        return new Connection(required(obj, "id"), kind, required(obj, "displayName"), required(obj, "baseUrl"),
                settings, requestOptions(objectAt(obj, "requestOptions")));
    }

    private static JsonObject connection(Connection c, JsonObject previous) {
        JsonObject obj = new JsonObject();
        obj.addProperty("id", c.id());
        obj.addProperty("kind", c.kind().slug());
        obj.addProperty("displayName", c.displayName());
        obj.addProperty("baseUrl", c.baseUrl());
        JsonObject settings = new JsonObject();
        c.settings().forEach(settings::addProperty);
        JsonObject previousSettings = objectAt(previous, "settings");
        if (previousSettings != null) {
            // Structured values of a newer version; plain ones this version owns (a cleared one stays cleared).
            previousSettings.entrySet().stream()
                    .filter(e -> !e.getValue().isJsonPrimitive() && !settings.has(e.getKey()))
                    .forEach(e -> settings.add(e.getKey(), e.getValue().deepCopy()));
        }
        obj.add("settings", settings);
        obj.add("requestOptions", requestOptions(c.requestOptions(), objectAt(previous, "requestOptions")));
        keepUnknown(previous, obj, CONNECTION_KEYS);
        return obj;
    }

    private static RequestOptions requestOptions(JsonObject obj) {
        RequestOptions d = RequestOptions.defaults();
        if (obj == null) return d;
        JsonObject proxy = objectAt(obj, "proxy");
        String ca = string(obj, "extraCaBundle");
        return new RequestOptions(
                duration(obj, "connectTimeout", d.connectTimeout()),
                duration(obj, "readTimeout", d.readTimeout()),
                duration(obj, "callTimeout", d.callTimeout()),
                proxy == null ? null : new ProxySettings(
                        ProxySettings.Type.valueOf(required(proxy, "type").toUpperCase(Locale.ROOT)),
                        required(proxy, "host"), proxy.get("port").getAsInt(), string(proxy, "username")),
                ca == null || ca.isBlank() ? null : Path.of(ca),
                obj.has("skipTlsVerification") && obj.get("skipTlsVerification").getAsBoolean(),
                obj.has("rateBudgetPerMinute") ? obj.get("rateBudgetPerMinute").getAsInt() : d.rateBudgetPerMinute(),
                obj.has("maxRetries") ? obj.get("maxRetries").getAsInt() : d.maxRetries(),
                obj.has("maxResponseBytes") ? obj.get("maxResponseBytes").getAsLong() : d.maxResponseBytes());
    }

    private static JsonObject requestOptions(RequestOptions o, JsonObject previous) {
        JsonObject obj = new JsonObject();
        obj.addProperty("connectTimeout", o.connectTimeout().toString());
        obj.addProperty("readTimeout", o.readTimeout().toString());
        obj.addProperty("callTimeout", o.callTimeout().toString());
        if (o.proxy() != null) {
            JsonObject proxy = new JsonObject();
            proxy.addProperty("type", o.proxy().type().name());
            proxy.addProperty("host", o.proxy().host());
            proxy.addProperty("port", o.proxy().port());
            if (o.proxy().hasCredentials()) proxy.addProperty("username", o.proxy().username());
            keepUnknown(objectAt(previous, "proxy"), proxy, PROXY_KEYS);
            obj.add("proxy", proxy);
        }
        if (o.extraCaBundle() != null) obj.addProperty("extraCaBundle", o.extraCaBundle().toString());
        obj.addProperty("skipTlsVerification", o.skipTlsVerification());
        obj.addProperty("rateBudgetPerMinute", o.rateBudgetPerMinute());
        obj.addProperty("maxRetries", o.maxRetries());
        obj.addProperty("maxResponseBytes", o.maxResponseBytes());
        keepUnknown(previous, obj, OPTION_KEYS);
        return obj;
    }

    private static Preferences preferences(JsonElement element) {
        if (element == null || !element.isJsonObject()) return Preferences.defaults();
        JsonObject obj = element.getAsJsonObject();
        JsonObject w = objectAt(obj, "window");
        Preferences.WindowPlacement window = w == null ? null : new Preferences.WindowPlacement(
                w.get("x").getAsDouble(), w.get("y").getAsDouble(), w.get("width").getAsDouble(),
                w.get("height").getAsDouble(), w.has("maximized") && w.get("maximized").getAsBoolean());
        return new Preferences(string(obj, "operatorName"), Preferences.Theme.fromSlug(string(obj, "theme")),
                window, string(obj, "lastView"));
    }

    private static JsonObject preferences(Preferences p, JsonObject previous) {
        JsonObject obj = new JsonObject();
        obj.addProperty("operatorName", p.operatorName());
        obj.addProperty("theme", p.theme().slug());
        if (p.window() != null) {
            JsonObject w = new JsonObject();
            w.addProperty("x", p.window().x());
            w.addProperty("y", p.window().y());
            w.addProperty("width", p.window().width());
            w.addProperty("height", p.window().height());
            w.addProperty("maximized", p.window().maximized());
            keepUnknown(objectAt(previous, "window"), w, WINDOW_KEYS);
            obj.add("window", w);
        }
        if (p.lastView() != null) obj.addProperty("lastView", p.lastView());
        keepUnknown(previous, obj, PREFERENCE_KEYS);
        return obj;
    }

    private static Map<String, JsonObject> previousConnections(JsonObject previous) {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        JsonElement list = previous == null ? null : previous.get("connections");
        if (list == null || !list.isJsonArray()) return byId;
        for (JsonElement e : list.getAsJsonArray()) {
            if (e.isJsonObject() && string(e.getAsJsonObject(), "id") != null) {
                byId.put(string(e.getAsJsonObject(), "id"), e.getAsJsonObject());
            }
        }
        return byId;
    }

    /** Copies the keys of {@code from} that this version does not know into {@code to}. */
    private static void keepUnknown(JsonObject from, JsonObject to, Set<String> known) {
        if (from == null) return;
        from.entrySet().stream()
                .filter(e -> !known.contains(e.getKey()) && !to.has(e.getKey()))
                .forEach(e -> to.add(e.getKey(), e.getValue().deepCopy()));
    }

    private static JsonObject objectAt(JsonObject obj, String key) {
        if (obj == null) return null;
        JsonElement e = obj.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject obj, String key) {
        JsonElement e = obj.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static String required(JsonObject obj, String key) {
        String value = string(obj, key);
        if (value == null) throw new IllegalArgumentException("no \"" + key + "\"");
        return value;
    }

    private static Duration duration(JsonObject obj, String key, Duration fallback) {
        JsonElement e = obj.get(key);
        if (e == null || e.isJsonNull()) return fallback;
        if (e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber()) return Duration.ofMillis(e.getAsLong());
        try {
            return Duration.parse(e.getAsString());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("\"" + key + "\" is not a duration like PT30S", ex);
        }
    }
}
