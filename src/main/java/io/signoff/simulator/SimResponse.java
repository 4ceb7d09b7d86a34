package io.signoff.simulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulated API answers; the server applies fault knobs on top. */
public record SimResponse(int status, String contentType, String body, Map<String, String> headers) {
    static final String EFFECT_HEADER = "X-Sim-Effect";
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    public SimResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static SimResponse json(int status, Object body) {
        return new SimResponse(status, "application/json; charset=utf-8", GSON.toJson(body), Map.of());
    }

    public static SimResponse text(int status, String body) {
        return new SimResponse(status, "text/plain; charset=utf-8", body, Map.of());
    }

    public static SimResponse noContent() {
        return new SimResponse(204, null, "", Map.of());
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, contentType, body, h);
    }

    /** Marks the state change this request caused, so the call log can count effects (the header never leaves the server). */
    public SimResponse withEffect(String effect) {
        return withHeader(EFFECT_HEADER, effect);
    }

    public SimResponse withContentType(String type) {
        return new SimResponse(status, type, body, headers);
    }

    public static Gson gson() { return GSON; }
}
