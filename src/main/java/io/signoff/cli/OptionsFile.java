package io.signoff.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.offboarding.BundleOption;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.CustomStep;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.ProviderOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the --options file of {@code signoff offboard}: the options of the wizard's options page as JSON (format in the
 * README). Strict on purpose: a misspelt key would otherwise silently drop a step from an offboarding, so every
 * unknown key, connection, kind or job option is an error that names its place in the file.
 */
final class OptionsFile {
    private static final Set<String> TOP = Set.of("byConnection", "customSteps", "reference");
    /** A template file saved by the console: its "options" are read. */
    private static final Set<String> TEMPLATE = Set.of("name", "tenant", "options", "savedAt");
    private static final Set<String> PER_CONNECTION = Set.of("disableSignIn", "revokeSessions", "revoke", "deactivate",
            "hardDelete", "manualLogout", "bundle");
    private static final Set<String> REVOKE = Set.of("scope", "includeDevices", "warpReauth");
    private static final Set<String> CUSTOM_STEP = Set.of("title", "instruction");

    private final Path file;
    private final List<Connection> connections;

    private OptionsFile(Path file, List<Connection> connections) {
        this.file = file;
        this.connections = connections;
    }

    static OffboardingOptions read(Path file, List<Connection> connections) {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (NoSuchFileException e) {
            throw CliExit.usage("--options: no file " + file);
        } catch (IOException e) {
            throw CliExit.usage("--options: cannot read " + file + ": " + e.getMessage());
        } catch (JsonParseException e) {
            throw CliExit.usage("--options: " + file + " is not valid JSON: " + CliCommand.describe(CliCommand.unwrap(e)));
        }
        return new OptionsFile(file, connections).options(root);
    }

    private OffboardingOptions options(JsonElement root) {
        JsonObject top = object(root, "the file");
        String at = "";
        if (top.has("options")) {
            allowOnly(top, "", TEMPLATE);
            top = object(top.get("options"), "options");
            at = "options.";
        }
        allowOnly(top, at, TOP);
        Map<String, ProviderOptions> byConnection = new LinkedHashMap<>();
        Map<ProviderKind, ProviderOptions> byKind = new LinkedHashMap<>();
        if (top.has("byConnection")) {
            for (Map.Entry<String, JsonElement> e : object(top.get("byConnection"), at + "byConnection").entrySet()) {
                String where = at + "byConnection." + e.getKey();
                ProviderOptions options = providerOptions(object(e.getValue(), where), where);
                Optional<Connection> connection = connections.stream().filter(c -> c.id().equals(e.getKey())).findFirst();
                if (connection.isPresent()) {
                    byConnection.put(e.getKey(), options);
                } else {
                    byKind.put(kind(e.getKey(), where), options);
                }
            }
        }
        // A kind applies to each of its connections that is not named by its own id.
        byKind.forEach((kind, options) -> connections.stream().filter(c -> c.kind() == kind)
                .forEach(c -> byConnection.putIfAbsent(c.id(), options)));
        List<CustomStep> custom = new ArrayList<>();
        if (top.has("customSteps")) {
            JsonArray steps = array(top.get("customSteps"), at + "customSteps");
            for (int i = 0; i < steps.size(); i++) {
                String where = at + "customSteps[" + i + "]";
                JsonObject step = object(steps.get(i), where);
                allowOnly(step, where + ".", CUSTOM_STEP);
                String title = text(step, "title", where);
                if (title == null || title.isBlank()) throw bad(where + ".title", "a custom step needs a title");
                custom.add(new CustomStep(title, text(step, "instruction", where)));
            }
        }
        return new OffboardingOptions(byConnection, custom, text(top, "reference", at.isEmpty() ? "" : "options"));
    }

    private ProviderOptions providerOptions(JsonObject o, String where) {
        allowOnly(o, where + ".", PER_CONNECTION);
        RevokeOptions revoke = RevokeOptions.all();
        if (o.has("revoke")) {
            JsonObject r = object(o.get("revoke"), where + ".revoke");
            allowOnly(r, where + ".revoke.", REVOKE);
            String scope = text(r, "scope", where + ".revoke");
            revoke = new RevokeOptions(scope == null ? RevokeOptions.Scope.ALL : scope(scope, where + ".revoke.scope"),
                    flag(r, "includeDevices", where + ".revoke"), flag(r, "warpReauth", where + ".revoke"));
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (o.has("bundle")) {
            for (Map.Entry<String, JsonElement> e : object(o.get("bundle"), where + ".bundle").entrySet()) {
                String name = where + ".bundle." + e.getKey();
                BundleOption option = BundleOptions.ALL.stream().filter(b -> b.name().equalsIgnoreCase(e.getKey())).findFirst()
                        .orElseThrow(() -> bad(name, "not an offboarding job option; known: "
                                + String.join(", ", BundleOptions.ALL.stream().map(BundleOption::name).toList())));
                bundle.put(option.name(), bundleValue(option, e.getValue(), name));
            }
        }
        return new ProviderOptions(flag(o, "disableSignIn", where), flag(o, "revokeSessions", where), revoke,
                flag(o, "deactivate", where), flag(o, "hardDelete", where), flag(o, "manualLogout", where), bundle);
    }

    private Object bundleValue(BundleOption option, JsonElement value, String where) {
        switch (option.type()) {
            case FLAG -> {
                if (!isBoolean(value)) throw bad(where, "expected true or false");
                return value.getAsBoolean();
            }
            case PEOPLE -> {
                List<String> people = new ArrayList<>();
                for (JsonElement p : array(value, where)) {
                    if (!isString(p)) throw bad(where, "expected a list of addresses");
                    people.add(p.getAsString());
                }
                return people;
            }
            case CHANNELS -> {
                String expected = "expected a list of channels, some of " + String.join(", ", BundleOptions.NOTIFY_CHANNELS)
                        + " (or CIPP's own {\"email\": true, …})";
                List<String> channels = new ArrayList<>();
                if (value != null && value.isJsonObject()) { // CIPP's own form
                    for (Map.Entry<String, JsonElement> c : value.getAsJsonObject().entrySet()) {
                        if (BundleOptions.channels(c.getKey()).size() != 1 || !isBoolean(c.getValue())) throw bad(where, expected);
                        if (c.getValue().getAsBoolean()) channels.add(c.getKey());
                    }
                    return BundleOptions.channels(channels);
                }
                if (value == null || !value.isJsonArray()) throw bad(where, expected);
                for (JsonElement c : value.getAsJsonArray()) {
                    if (!isString(c) || BundleOptions.channels(c.getAsString()).size() != 1) throw bad(where, expected);
                    channels.add(c.getAsString());
                }
                return BundleOptions.channels(channels);
            }
            default -> {
                if (!isString(value)) throw bad(where, "expected text");
                return value.getAsString();
            }
        }
    }

    private ProviderKind kind(String key, String where) {
        try {
            return ProviderKind.fromSlug(key);
        } catch (IllegalArgumentException e) {
            throw bad(where, "neither a configured connection id nor a kind (cipp, slack, cloudflare, scim); configured: "
                    + String.join(", ", connections.stream().map(Connection::id).toList()));
        }
    }

    private RevokeOptions.Scope scope(String value, String where) {
        try {
            return RevokeOptions.Scope.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(where, "expected all, web-only or mobile-only");
        }
    }

    private boolean flag(JsonObject o, String key, String where) {
        if (!o.has(key)) return false;
        if (!isBoolean(o.get(key))) throw bad(where + "." + key, "expected true or false");
        return o.get(key).getAsBoolean();
    }

    private String text(JsonObject o, String key, String where) {
        if (!o.has(key) || o.get(key).isJsonNull()) return null;
        if (!isString(o.get(key))) throw bad((where.isEmpty() ? "" : where + ".") + key, "expected text");
        return o.get(key).getAsString();
    }

    private JsonObject object(JsonElement e, String where) {
        if (e == null || !e.isJsonObject()) throw bad(where, "expected an object { … }");
        return e.getAsJsonObject();
    }

    private JsonArray array(JsonElement e, String where) {
        if (e == null || !e.isJsonArray()) throw bad(where, "expected a list [ … ]");
        return e.getAsJsonArray();
    }

    private void allowOnly(JsonObject o, String prefix, Set<String> keys) {
        for (String key : o.keySet()) {
            if (!keys.contains(key)) throw bad(prefix + key, "unknown key; expected one of " + String.join(", ", keys.stream().sorted().toList()));
        }
    }

    private static boolean isBoolean(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isBoolean();
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }

    private CliExit bad(String where, String problem) {
        return CliExit.usage("--options: " + file.getFileName() + ": " + where + ": " + problem);
    }
}
