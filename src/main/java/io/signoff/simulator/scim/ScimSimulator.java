package io.signoff.simulator.scim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.SimulatedApi;
import io.signoff.simulator.scim.ScimDirectory.ScimUser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM 2.0 app that behaves like Lucid: ids "lucid-NNNN", only {@code eq} filters, deactivated users left out of
 * lists but readable by id, hard delete refused (409) for the account owner, RFC 7644 error bodies.
 * With {@link #quirks(boolean)} on it answers the way sloppier servers do ({@code application/json},
 * {@code "active":"False"} strings, no itemsPerPage), so clients can be tested against both.
 */
public final class ScimSimulator implements SimulatedApi {
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String SCIM_JSON = "application/scim+json; charset=utf-8";
    private static final int MAX_COUNT = 200;

    private final ScimDirectory directory;
    private final String token;
    private final List<String> receivedFilters = new ArrayList<>();
    private volatile boolean quirks;

    public ScimSimulator(Seed seed, SimCredentials credentials, URI baseUrl) {
        this.directory = new ScimDirectory(seed, baseUrl);
        this.token = credentials.scimToken();
    }

    @Override public ProviderKind kind() { return ProviderKind.SCIM; }

    /** Switches the sloppy-server answers on or off. */
    public void quirks(boolean on) { this.quirks = on; }

    /** Every filter expression received, decoded, in arrival order (tests check the escaping with it). */
    public synchronized List<String> receivedFilters() { return List.copyOf(receivedFilters); }

    @Override
    public synchronized SimResponse handle(SimRequest request) {
        if (!token.equals(request.bearerToken())) {
            return error(401, null, "Authorization failure. The authorization header is invalid or missing.");
        }
        String path = request.path().endsWith("/") && request.path().length() > 1
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        String method = request.method();
        if (path.equals("/ServiceProviderConfig") && method.equals("GET")) return serviceProviderConfig();
        if (path.equals("/Users")) {
            return method.equals("GET") ? list(request) : error(501, null, "Creating users is not supported here");
        }
        if (path.startsWith("/Users/") && path.indexOf('/', 7) < 0) {
            ScimUser user = directory.user(path.substring(7));
            if (user == null) return error(404, null, "Resource " + path.substring(7) + " not found");
            return switch (method) {
                case "GET" -> resource(200, user);
                case "PATCH" -> patch(user, request.body());
                case "DELETE" -> delete(user);
                default -> error(405, null, "Method " + method + " is not supported on a user");
            };
        }
        return error(404, null, "Endpoint " + path + " not found");
    }

    @Override
    public SimResponse rateLimited(Duration retryAfter) {
        return error(429, null, "Too many requests; retry after " + Math.max(1, retryAfter.toSeconds()) + " seconds");
    }

    @Override
    public SimResponse serverError(int status) {
        return error(status, null, "The service is temporarily unavailable");
    }

    private SimResponse list(SimRequest request) {
        ScimFilterParser.Filter filter = null;
        String raw = request.queryParam("filter");
        if (raw != null) {
            receivedFilters.add(raw);
            try {
                filter = ScimFilterParser.parse(raw);
            } catch (ScimFilterParser.InvalidFilter e) {
                return error(400, "invalidFilter", e.getMessage());
            }
        }
        int startIndex;
        int count;
        try {
            startIndex = request.queryParam("startIndex") == null ? 1 : Integer.parseInt(request.queryParam("startIndex"));
            count = request.queryParam("count") == null ? 100 : Integer.parseInt(request.queryParam("count"));
        } catch (NumberFormatException e) {
            return error(400, "invalidValue", "startIndex and count must be integers");
        }
        startIndex = Math.max(1, startIndex);          // RFC 7644: values below 1 are treated as 1
        count = Math.max(0, Math.min(MAX_COUNT, count)); // negative means 0; the server may cap the page
        List<ScimUser> matches = directory.list(filter);
        List<Object> page = new ArrayList<>();
        for (int i = startIndex - 1; i < Math.min(matches.size(), startIndex - 1 + count); i++) {
            page.add(directory.json(matches.get(i), quirks));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", List.of(LIST_SCHEMA));
        m.put("totalResults", matches.size());
        m.put("startIndex", startIndex);
        if (!quirks) m.put("itemsPerPage", page.size());
        m.put("Resources", page);
        return json(200, m);
    }

    private SimResponse patch(ScimUser user, String body) {
        JsonObject patch;
        try {
            JsonElement parsed = JsonParser.parseString(body);
            patch = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (RuntimeException malformed) {
            patch = null;
        }
        if (patch == null) return error(400, "invalidSyntax", "The request body is not a JSON object");
        // RFC 7644 wants the PatchOp URN; Lucid's own example sends the core User URN. Accept either.
        String schemas = String.valueOf(patch.get("schemas"));
        if (!schemas.contains(PATCH_SCHEMA) && !schemas.contains(ScimDirectory.USER_SCHEMA)) {
            return error(400, "invalidSyntax", "schemas must name " + PATCH_SCHEMA);
        }
        JsonElement ops = patch.has("Operations") ? patch.get("Operations") : patch.get("operations");
        if (ops == null || !ops.isJsonArray() || ((JsonArray) ops).isEmpty()) {
            return error(400, "invalidSyntax", "Operations must be a non-empty array");
        }
        Boolean newActive = null;
        for (JsonElement e : (JsonArray) ops) {
            if (!e.isJsonObject()) return error(400, "invalidSyntax", "Each operation must be an object");
            JsonObject op = e.getAsJsonObject();
            String name = text(op, "op").toLowerCase(Locale.ROOT);
            if (!name.equals("replace") && !name.equals("add")) { // "Replace", "Add": capitalised ops are common
                return error(400, "invalidSyntax", "Unsupported op '" + name + "'");
            }
            JsonElement value = op.get("value");
            String path = text(op, "path").isEmpty() ? null : text(op, "path");
            if (path == null && value != null && value.isJsonObject() && value.getAsJsonObject().has("active")) {
                value = value.getAsJsonObject().get("active");
            } else if (path == null || !path.equalsIgnoreCase("active")) {
                return error(400, "invalidPath", "Only the active attribute can be changed here");
            }
            Boolean parsed = bool(value);
            if (parsed == null) return error(400, "invalidValue", "active must be true or false");
            newActive = parsed;
        }
        user.active = newActive;
        user.lastModified = Instant.now();
        user.version++;
        SimResponse response = resource(200, user);
        return newActive ? response.withEffect("scim:reactivate:" + user.id) : response.withEffect("scim:deactivate:" + user.id);
    }

    private SimResponse delete(ScimUser user) {
        if (user.accountOwner) {
            return error(409, null, "User " + user.id + " owns the account and cannot be deleted; transfer ownership first");
        }
        directory.remove(user.id);
        return SimResponse.noContent().withEffect("scim:delete:" + user.id);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    private static Boolean bool(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) return null;
        if (value.getAsJsonPrimitive().isBoolean()) return value.getAsBoolean();
        String s = value.getAsString().trim().toLowerCase(Locale.ROOT);
        return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : null;
    }

    private SimResponse serviceProviderConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
        m.put("patch", Map.of("supported", true));
        m.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        m.put("filter", Map.of("supported", true, "maxResults", 10000));
        m.put("changePassword", Map.of("supported", false));
        m.put("sort", Map.of("supported", false));
        m.put("etag", Map.of("supported", false));
        m.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "OAuth Bearer Token",
                "description", "Authentication with a bearer token generated in the admin panel")));
        return json(200, m);
    }

    private SimResponse resource(int status, ScimUser user) {
        return json(status, directory.json(user, quirks));
    }

    private SimResponse error(int status, String scimType, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", List.of(ERROR_SCHEMA));
        m.put("status", Integer.toString(status));
        if (scimType != null) m.put("scimType", scimType);
        m.put("detail", detail);
        return json(status, m);
    }

    private SimResponse json(int status, Object body) {
        SimResponse r = SimResponse.json(status, body);
        return quirks ? r : r.withContentType(SCIM_JSON);
    }
}
