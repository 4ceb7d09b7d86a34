package io.signoff.simulator.cloudflare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.SimulatedApi;
import io.signoff.simulator.cloudflare.CloudflareDirectory.AccessUser;
import io.signoff.simulator.cloudflare.CloudflareDirectory.ActiveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare's v4 API for Zero Trust Access, as far as Signoff uses it: token verify, Access users, their active
 * sessions and identities, and revoke_user. Every answer is the v4 envelope and carries the Ratelimit headers of a
 * per-token budget (1,200 calls per 5 minutes unless configured otherwise); past it, 429 with retry-after.
 *
 * <p>Besides the demo token, a read-only token ({@link #readOnlyToken()}) is accepted for reads and refused for the
 * revoke with 403 / 10000, the way Cloudflare answers a token that lacks the write permission.
 */
public final class CloudflareSimulator implements SimulatedApi {
    public static final int DEFAULT_BUDGET = 1200;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final int DEFAULT_PER_PAGE = 25;
    private static final int MAX_PER_PAGE = 1000;

    private final CloudflareDirectory directory;
    private final String token;
    private final String readOnlyToken;
    private final RequestBudget budget = new RequestBudget(DEFAULT_BUDGET, DEFAULT_WINDOW, System::nanoTime);

    public CloudflareSimulator(Seed seed, SimCredentials credentials) {
        this.directory = new CloudflareDirectory(seed);
        this.token = credentials.cloudflareToken();
        this.readOnlyToken = credentials.cloudflareToken() + "-read";
    }

    @Override public ProviderKind kind() { return ProviderKind.CLOUDFLARE; }

    /** A token the simulator accepts for reads only. */
    public String readOnlyToken() { return readOnlyToken; }

    /** Sets the per-token budget and starts a fresh window (tests use a small one). */
    public void budget(int calls, Duration window) { budget.configure(calls, window); }

    @Override
    public SimResponse handle(SimRequest request) {
        RequestBudget.Decision decision = budget.take();
        SimResponse response;
        if (!decision.allowed()) {
            response = rateLimited(Duration.ofSeconds(decision.resetSeconds()))
                    .withHeader("Retry-After", Long.toString(decision.resetSeconds()));
        } else {
            synchronized (this) {
                response = route(request);
            }
        }
        return response.withHeader("Ratelimit", "\"default\";r=" + decision.remaining() + ";t=" + decision.resetSeconds())
                .withHeader("Ratelimit-Policy", "\"default\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
    }

    @Override
    public SimResponse rateLimited(Duration retryAfter) {
        return failure(429, 971, "Please wait and consider throttling your request speed");
    }

    @Override
    public SimResponse serverError(int status) {
        return failure(status, 10001, "Internal server error; please try again");
    }

    private SimResponse route(SimRequest request) {
        String presented = request.bearerToken();
        boolean readOnly = readOnlyToken.equals(presented);
        if (!token.equals(presented) && !readOnly) {
            if (request.header("X-Auth-Key") != null) return failure(400, 6003, "Invalid request headers");
            return request.path().equals("/user/tokens/verify")
                    ? failure(401, 1000, "Invalid API Token") : failure(401, 10000, "Authentication error");
        }
        String[] p = segments(request.path());
        String method = request.method();
        if (p.length == 3 && p[0].equals("user") && p[1].equals("tokens") && p[2].equals("verify") && method.equals("GET")) {
            return ok(Map.of("id", readOnly ? "5e1d0c4b3a2f4e6d8c7b9a0f1e2d3c4b" : "ed17574386854bf78a67040be0a770b0",
                    "status", "active"), null);
        }
        if (p.length < 3 || !p[0].equals("accounts") || !p[2].equals("access")) return noRoute();
        if (!p[1].equals(directory.accountId())) {
            return failure(404, 7003, "Could not route to " + request.path() + ", perhaps your object identifier is invalid?");
        }
        if (p.length == 5 && p[3].equals("organizations") && p[4].equals("revoke_user") && method.equals("POST")) {
            return readOnly ? failure(403, 10000, "Authentication error") : revoke(request);
        }
        if (p.length < 4 || !p[3].equals("users") || !method.equals("GET")) return noRoute();
        if (p.length == 4) return listUsers(request);
        AccessUser user = directory.user(p[4]);
        if (user == null) return failure(404, 7003, "Could not route to " + request.path() + ", perhaps your object identifier is invalid?");
        if (p.length == 5) return ok(directory.userJson(user), null);
        if (p.length == 6 && p[5].equals("active_sessions")) {
            List<Object> out = new ArrayList<>();
            for (ActiveSession s : user.sessions) out.add(directory.sessionJson(s));
            return ok(out, null);
        }
        if (p.length == 7 && p[5].equals("active_sessions")) {
            for (ActiveSession s : user.sessions) {
                if (s.nonce().equals(p[6])) return ok(directory.identityJson(user, s), null);
            }
            return failure(404, 7003, "Could not route to " + request.path() + ", perhaps your object identifier is invalid?");
        }
        if (p.length == 6 && p[5].equals("last_seen_identity")) {
            return user.lastSeen == null ? failure(404, 7003, "No identity seen for this user")
                    : ok(directory.identityJson(user, user.lastSeen), null);
        }
        if (p.length == 6 && p[5].equals("failed_logins")) return ok(List.of(), null);
        return noRoute();
    }

    private SimResponse listUsers(SimRequest request) {
        int page;
        int perPage;
        try {
            page = request.queryParam("page") == null ? 1 : Integer.parseInt(request.queryParam("page"));
            perPage = request.queryParam("per_page") == null ? DEFAULT_PER_PAGE : Integer.parseInt(request.queryParam("per_page"));
        } catch (NumberFormatException e) {
            return failure(400, 1001, "Invalid pagination parameters");
        }
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            return failure(400, 1001, "page must be >= 1 and per_page between 1 and " + MAX_PER_PAGE);
        }
        List<AccessUser> matches = directory.search(request.queryParam("email"), request.queryParam("search"));
        List<Object> result = new ArrayList<>();
        for (int i = (page - 1) * perPage; i < Math.min(matches.size(), page * perPage); i++) {
            result.add(directory.userJson(matches.get(i)));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("page", page);
        info.put("per_page", perPage);
        info.put("count", result.size());
        info.put("total_count", matches.size());
        info.put("total_pages", (matches.size() + perPage - 1) / perPage);
        return ok(result, info);
    }

    private SimResponse revoke(SimRequest request) {
        JsonObject body;
        try {
            JsonElement parsed = JsonParser.parseString(request.body());
            body = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (RuntimeException malformed) {
            body = null;
        }
        if (body == null || !body.has("email") || !body.get("email").isJsonPrimitive()) {
            return failure(400, 12000, "Invalid request: email is required");
        }
        AccessUser user = directory.byEmail(body.get("email").getAsString());
        if (user == null) return ok(false, null);
        JsonElement uid = body.get("user_uid");
        if (uid != null && !uid.isJsonNull() && !(uid.isJsonPrimitive() && uid.getAsString().equals(user.uid))) {
            return failure(400, 12000, "Invalid request: user_uid does not belong to the email");
        }
        JsonElement devicesFlag = body.get("devices");
        boolean devices = devicesFlag != null && devicesFlag.isJsonPrimitive() && devicesFlag.getAsBoolean();
        directory.revoke(user, devices, Instant.now());
        return ok(true, null).withEffect("cloudflare:revoke:" + user.email);
    }

    private static SimResponse noRoute() {
        return failure(404, 7000, "No route for that URI");
    }

    private static SimResponse ok(Object result, Map<String, Object> resultInfo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", true);
        m.put("errors", List.of());
        m.put("messages", List.of());
        m.put("result", result);
        if (resultInfo != null) m.put("result_info", resultInfo);
        return SimResponse.json(200, m);
    }

    private static SimResponse failure(int status, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", false);
        m.put("errors", List.of(Map.of("code", code, "message", message)));
        m.put("messages", List.of());
        m.put("result", null);
        return SimResponse.json(status, m);
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
