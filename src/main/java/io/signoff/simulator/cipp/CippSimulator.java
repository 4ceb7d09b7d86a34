package io.signoff.simulator.cipp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.SimulatedApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A CIPP instance with its Entra token endpoint, speaking the contract of shared/providers/cipp.md over a seeded,
 * stateful set of Microsoft 365 tenants. The token endpoint lives at {@code /cipp/login/{tenantId}/oauth2/v2.0/token},
 * the API at {@code /cipp/api/{Endpoint}} (point the connection's tokenUrl and API URL there).
 *
 * <p>Test hooks ({@link #jobTiming}, {@link #failOffboardingStep}, {@link #expireTokens}, {@link #denyEndpoint},
 * {@link #disableEndpoint}, {@link #failTenantListing}) reach the states a real CIPP gets into on its own.
 */
public final class CippSimulator implements SimulatedApi {
    private final SimCredentials credentials;
    private final CallLog calls;
    private final Clock clock;
    private final CippSimDirectory directory;
    private final CippSimJobs jobs = new CippSimJobs();
    private final CippSimEndpoints endpoints;
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Set<String> issued = new HashSet<>();
    private final Set<String> denied = new HashSet<>();
    private final Set<String> disabled = new HashSet<>();
    private final SecureRandom random = new SecureRandom();
    private Duration tokenLifetime = Duration.ofSeconds(3599);

    public CippSimulator(Seed seed, SimCredentials credentials, CallLog calls) {
        this(seed, credentials, calls, Clock.systemUTC());
    }

    public CippSimulator(Seed seed, SimCredentials credentials, CallLog calls, Clock clock) {
        this.credentials = credentials;
        this.calls = calls;
        this.clock = clock;
        this.directory = new CippSimDirectory(seed);
        this.endpoints = new CippSimEndpoints(directory, jobs, random, credentials.cippClientId());
    }

    @Override public ProviderKind kind() { return ProviderKind.CIPP; }

    /** The token URL (with CIPP's "{tenantId}" placeholder) for a connection to this simulator, given its CIPP base URL. */
    public static String tokenUrlTemplate(java.net.URI cippBaseUrl) {
        return cippBaseUrl + "/login/{tenantId}/oauth2/v2.0/token";
    }

    /** The stable Graph object id the simulator gives a seed person. */
    public static String userIdFor(Seed.Person person) { return CippSimDirectory.userIdFor(person.key()); }

    @Override
    public synchronized SimResponse handle(SimRequest request) {
        Instant now = clock.instant();
        // A job's steps change state without a request of their own: they go to the call log as "JOB" entries.
        jobs.advance(now, directory, (jobName, effect) -> calls.record(
                new CallLog.Entry(now, ProviderKind.CIPP, "JOB", "/jobs/" + jobName, 0, null, effect)));
        String path = request.path();
        if (path.startsWith("/login/") && path.endsWith("/oauth2/v2.0/token")) return token(request, path, now);
        if (!path.startsWith("/api/")) return SimResponse.text(404, "Endpoint not found");
        if (!authorized(request, now)) {
            // The Functions platform refuses before CIPP runs: no CIPP body.
            return new SimResponse(401, null, "", Map.of("WWW-Authenticate", "Bearer realm=\"CIPP\""));
        }
        String endpoint = path.substring("/api/".length());
        String lower = endpoint.toLowerCase(Locale.ROOT);
        if (denied.contains(lower)) {
            return SimResponse.text(403, "Access to this CIPP API endpoint is not allowed, you do not have the required"
                    + " permission for " + endpoint);
        }
        if (disabled.contains(lower)) {
            return SimResponse.text(503, "This feature has been disabled. Contact your CIPP administrator to enable " + endpoint);
        }
        return endpoints.handle(lower, request, body(request), now);
    }

    // ---- test hooks -------------------------------------------------------------------------------------------------

    /** How long a queued job stays Planned and then Running (defaults 2 s and 3 s). */
    public synchronized CippSimulator jobTiming(Duration planned, Duration running) {
        jobs.timing(planned, running);
        return this;
    }

    /** Jobs run from now on report this step as failed (with Graph's error text) and still end "Completed". */
    public synchronized CippSimulator failOffboardingStep(String option, String graphError) {
        jobs.failStep(option, graphError);
        return this;
    }

    public synchronized CippSimulator clearOffboardingFailures() {
        jobs.clearFailures();
        return this;
    }

    /** Every issued access token stops working at once (as after a secret rotation or a token-lifetime policy). */
    public synchronized CippSimulator expireTokens() {
        tokens.clear();
        return this;
    }

    public synchronized CippSimulator tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** Answers this endpoint with CIPP's plain-text 403, as for an API client whose role lacks it. */
    public synchronized CippSimulator denyEndpoint(String endpoint) {
        denied.add(endpoint.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Answers this endpoint with CIPP's 503 "This feature has been disabled…". */
    public synchronized CippSimulator disableEndpoint(String endpoint) {
        disabled.add(endpoint.toLowerCase(Locale.ROOT));
        return this;
    }

    /** ListTenants answers with CIPP's single "Failed to retrieve tenants" row. */
    public synchronized CippSimulator failTenantListing(boolean fail) {
        endpoints.failTenantListing(fail);
        return this;
    }

    public synchronized CippSimulator allowEverything() {
        denied.clear();
        disabled.clear();
        endpoints.failTenantListing(false);
        return this;
    }

    /** Every scheduled task as ListScheduledItems shows it (of every tenant), without the need for a token. */
    public synchronized List<Map<String, Object>> scheduledTasks() {
        return jobs.rows(null, null, null);
    }

    /** Every access token this simulator ever issued (tests assert none of them leaks into a log line). */
    public synchronized Set<String> issuedTokens() { return Set.copyOf(issued); }

    // ---- CIPP's 429 and 5xx -----------------------------------------------------------------------------------------

    @Override
    public SimResponse rateLimited(Duration retryAfter) {
        return SimResponse.json(429, Map.of("Results", "Failed to process the request: TooManyRequests. Microsoft Graph is"
                + " throttling requests for this tenant, please try again later."));
    }

    @Override
    public SimResponse serverError(int status) {
        if (status == 503) return SimResponse.text(503, "Function host is not running.");
        return SimResponse.text(status, "Exception calling \"Invoke\" with \"0\" argument(s): \"The operation has timed out.\"");
    }

    // ---- the Entra token endpoint -----------------------------------------------------------------------------------

    private SimResponse token(SimRequest request, String path, Instant now) {
        String tenant = path.substring("/login/".length(), path.length() - "/oauth2/v2.0/token".length());
        Map<String, String> form = form(request.body());
        if (!"POST".equalsIgnoreCase(request.method())) {
            return aadError(405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
        }
        if (!tenant.equalsIgnoreCase(credentials.cippTenantId())) {
            return aadError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have"
                    + " the correct tenant ID and are signing into the correct cloud.");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return aadError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        String clientId = form.getOrDefault("client_id", "");
        if (!clientId.equals(credentials.cippClientId())) {
            return aadError(401, "invalid_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'.");
        }
        if (!credentials.cippClientSecret().equals(form.get("client_secret"))) {
            return aadError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent"
                    + " in the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + clientId + "'.");
        }
        if (!("api://" + clientId + "/.default").equals(form.get("scope"))) {
            return aadError(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid.");
        }
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        String token = "eyJ0eXAiOiJKV1QifQ." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, now.plus(tokenLifetime));
        issued.add(token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetime.toSeconds());
        body.put("ext_expires_in", tokenLifetime.toSeconds());
        body.put("access_token", token);
        return SimResponse.json(200, body);
    }

    private static SimResponse aadError(int status, String error, int code, String text) {
        String trace = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + text + " Trace ID: " + trace + " Correlation ID: "
                + UUID.randomUUID() + " Timestamp: " + Instant.now());
        body.put("error_codes", List.of(code));
        body.put("timestamp", Instant.now().toString());
        body.put("trace_id", trace);
        body.put("correlation_id", UUID.randomUUID().toString());
        return SimResponse.json(status, body);
    }

    private boolean authorized(SimRequest request, Instant now) {
        String token = request.bearerToken();
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null) return false;
        if (!now.isBefore(expiry)) {
            tokens.remove(token);
            return false;
        }
        return true;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        if (body == null || body.isBlank()) return out;
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The JSON body of an Exec call; an unreadable one reads as empty (CIPP then complains about missing fields). */
    private static JsonObject body(SimRequest request) {
        if (request.body() == null || request.body().isBlank()) return new JsonObject();
        try {
            JsonElement e = JsonParser.parseString(request.body());
            return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }
}
