package io.signoff.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.signoff.simulator.SimRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of one Web API call, merged from the query string and the body. Slack accepts both
 * {@code application/x-www-form-urlencoded} and {@code application/json} bodies, so the simulator does too.
 */
record SlackArgs(Map<String, String> values) {

    /** Thrown when the body cannot be read as the content type it claims. */
    static final class BadBody extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadBody(String code) {
            super(code);
            this.code = code;
        }

        String code() { return code; }
    }

    static SlackArgs of(SimRequest request) throws BadBody {
        Map<String, String> values = new LinkedHashMap<>();
        request.query().forEach((k, v) -> {
            if (!v.isEmpty()) values.put(k, v.get(0));
        });
        String body = request.body() == null ? "" : request.body();
        if (!body.isBlank()) {
            String type = request.header("Content-Type");
            type = type == null ? "" : type.toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json")) {
                values.putAll(json(body));
            } else {
                values.putAll(form(body));
            }
        }
        return new SlackArgs(Map.copyOf(values));
    }

    String get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    boolean flag(String name) {
        String v = get(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    private static Map<String, String> json(String body) throws BadBody {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new BadBody("invalid_json");
        }
        if (!root.isJsonObject()) throw new BadBody("invalid_json");
        Map<String, String> out = new LinkedHashMap<>();
        JsonObject object = root.getAsJsonObject();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            JsonElement v = e.getValue();
            if (v.isJsonNull()) continue;
            if (v.isJsonArray()) throw new BadBody("invalid_array_arg");
            out.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
        return out;
    }

    private static Map<String, String> form(String body) throws BadBody {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(key, value);
            } catch (IllegalArgumentException e) {
                throw new BadBody("invalid_form_data");
            }
        }
        return out;
    }
}
