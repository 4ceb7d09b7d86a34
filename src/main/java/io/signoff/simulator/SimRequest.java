package io.signoff.simulator;

import java.util.List;
import java.util.Map;

/**
 * One request as a simulated API sees it.
 *
 * @param path  the path below the provider's prefix, starting with "/" (e.g. "/api/ListUsers")
 * @param query decoded query parameters; keys as sent
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, String body) {

    public String queryParam(String name) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    /** The bearer token sent, or null. */
    public String bearerToken() {
        String auth = header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return auth.substring(7).trim();
    }
}
