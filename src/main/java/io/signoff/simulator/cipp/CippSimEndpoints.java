package io.signoff.simulator.cipp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.cipp.CippSimDirectory.SimUser;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** CIPP's endpoints over the simulated directory, with CIPP's answers: bare arrays, {"Results": …} and sentences. */
final class CippSimEndpoints {
    private static final String NOT_EXIST = "' does not exist or one of its queried reference-property objects are not present.";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+=?";

    private final CippSimDirectory directory;
    private final CippSimJobs jobs;
    private final SecureRandom random;
    private final String clientId;
    private boolean tenantListingFails;

    CippSimEndpoints(CippSimDirectory directory, CippSimJobs jobs, SecureRandom random, String clientId) {
        this.directory = directory;
        this.jobs = jobs;
        this.random = random;
        this.clientId = clientId;
    }

    void failTenantListing(boolean fail) { this.tenantListingFails = fail; }

    SimResponse handle(String endpoint, SimRequest request, JsonObject body, Instant now) {
        Params p = new Params(request, body);
        return switch (endpoint) {
            case "me" -> me();
            case "listtenants" -> listTenants();
            case "listusers" -> listUsers(p);
            case "listusersigninlogs" -> signIns(p);
            case "listscheduleditems" -> SimResponse.json(200, jobs.rows(p.get("Type"), p.get("tenantFilter"), p.get("Name")));
            case "execrevokesessions" -> revoke(p, now);
            case "execdisableuser" -> disable(p);
            case "execresetpass" -> resetPassword(p);
            case "execresetmfa" -> resetMfa(p);
            case "execoffboarduser" -> offboard(body, now);
            default -> SimResponse.text(404, "Endpoint not found");
        };
    }

    private SimResponse me() {
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("appId", clientId);
        principal.put("appRole", List.of("api-client", "editor"));
        return SimResponse.json(200, Map.of("clientPrincipal", principal, "permissions", List.of(
                "CIPP.Core.Read", "CIPP.Scheduler.ReadWrite", "Identity.User.ReadWrite", "Tenant.Administration.Read")));
    }

    private SimResponse listTenants() {
        if (tenantListingFails) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customerId", "");
            row.put("defaultDomainName", "Invalid");
            row.put("displayName", "Failed to retrieve tenants. Error: AADSTS700082: The refresh token has expired due to"
                    + " inactivity. Re-run the CIPP setup wizard to refresh the partner token.");
            row.put("LastGraphError", "Could not retrieve tenants");
            return SimResponse.json(200, List.of(row));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Seed.Tenant> tenants = directory.tenants();
        for (int i = 0; i < tenants.size(); i++) {
            Seed.Tenant t = tenants.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("customerId", t.customerId());
            row.put("defaultDomainName", t.defaultDomainName());
            row.put("initialDomainName", t.defaultDomainName());
            row.put("displayName", t.displayName());
            row.put("delegatedPrivilegeStatus", t.delegatedPrivilegeStatus());
            row.put("domains", List.of(t.mailDomain(), t.defaultDomainName()));
            row.put("Excluded", false);
            row.put("GraphErrorCount", 0);
            row.put("LastGraphError", "");
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("RevokeSessions", true);
            defaults.put("DisableSignIn", true);
            defaults.put("ResetPass", true);
            defaults.put("RemoveMFADevices", true);
            defaults.put("HideFromGAL", i == 0);
            defaults.put("ConvertToShared", true);
            defaults.put("RemoveLicenses", true);
            // Both readings of the contract: an object for the first tenant, a JSON string for the second.
            if (i == 0) row.put("offboardingDefaults", defaults);
            if (i == 1) row.put("offboardingDefaults", SimResponse.gson().toJson(defaults));
            rows.add(row);
        }
        return SimResponse.json(200, rows);
    }

    private SimResponse listUsers(Params p) {
        String filter = p.get("tenantFilter");
        if (filter == null || filter.isBlank()) return SimResponse.json(400, Map.of("Results", "tenantFilter is required"));
        if (filter.equalsIgnoreCase("AllTenants")) {
            return SimResponse.json(200, List.of(Map.of("Message",
                    "AllTenants is no longer supported for ListUsers; use the reporting database")));
        }
        Optional<Seed.Tenant> tenant = directory.tenant(filter);
        if (tenant.isEmpty()) return tenantNotFound("Failed to retrieve users", filter);
        String userId = p.get("UserID");
        if (userId != null && !userId.isBlank()) {
            Optional<SimUser> user = directory.find(tenant.get(), userId);
            if (user.isEmpty()) {
                return SimResponse.json(500, Map.of("Results", "Failed to retrieve user " + userId + ". Error: Resource '"
                        + userId + NOT_EXIST));
            }
            return SimResponse.json(200, List.of(directory.graphUser(user.get())));
        }
        Predicate<SimUser> keep = u -> true;
        String graphFilter = p.get("graphFilter");
        if (graphFilter != null && !graphFilter.isBlank()) {
            try {
                keep = CippSimDirectory.filter(graphFilter);
            } catch (IllegalArgumentException e) {
                return SimResponse.json(500, Map.of("Results", "Failed to retrieve users. Error: " + e.getMessage()));
            }
        }
        return SimResponse.json(200, directory.users(tenant.get()).stream().filter(keep).map(directory::graphUser).toList());
    }

    private SimResponse signIns(Params p) {
        Optional<Seed.Tenant> tenant = directory.tenant(p.get("tenantFilter"));
        if (tenant.isEmpty()) return tenantNotFound("Failed to retrieve Sign In report", p.get("tenantFilter"));
        int top = 50;
        try {
            if (p.get("top") != null) top = Integer.parseInt(p.get("top"));
        } catch (NumberFormatException e) {
            return SimResponse.json(500, Map.of("Results", "Failed to retrieve Sign In report. Error: Invalid $top value"));
        }
        // Graph filters signIns by userId: an unknown id simply has no sign-ins.
        int limit = top;
        return SimResponse.json(200, directory.find(tenant.get(), p.get("UserID"))
                .map(u -> directory.signIns(u, limit)).orElse(List.of()));
    }

    private SimResponse revoke(Params p, Instant now) {
        Target t = target(p, p.getOr("Username", p.get("ID")), "Failed to revoke sessions for ");
        if (t.error != null) return t.error;
        t.user.sessionsValidFrom = CippSimJobs.nowSeconds(now);
        return SimResponse.json(200, Map.of("Results", "Successfully revoked sessions for " + p.getOr("Username", t.user.upn)))
                .withEffect("cipp:revoke:" + t.user.id);
    }

    private SimResponse disable(Params p) {
        Target t = target(p, p.get("ID"), "Failed to set account enabled state for ");
        if (t.error != null) return t.error;
        boolean enable = Boolean.parseBoolean(p.getOr("Enable", "false"));
        t.user.accountEnabled = enable;
        return SimResponse.json(200, Map.of("Results", "Successfully set account enabled state to " + (enable ? "True" : "False")
                + " for " + t.user.upn)).withEffect((enable ? "cipp:enable:" : "cipp:disable:") + t.user.id);
    }

    private SimResponse resetPassword(Params p) {
        Target t = target(p, p.getOr("displayName", p.get("ID")), "Failed to reset the password for ");
        if (t.error != null) {
            // ExecResetPass fails in its own shape: the Results object with state "error".
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("resultText", "Failed to reset the password for " + p.getOr("displayName", p.get("ID"))
                    + ". Error: Resource '" + p.get("ID") + NOT_EXIST);
            results.put("copyField", "");
            results.put("state", "error");
            return SimResponse.json(500, Map.of("Results", results));
        }
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        boolean mustChange = Boolean.parseBoolean(p.getOr("MustChange", "true"));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("resultText", "Successfully reset the password for " + t.user.displayName + ". User must change password is set to "
                + (mustChange ? "True" : "False"));
        results.put("copyField", password.toString());
        results.put("state", "success");
        return SimResponse.json(200, Map.of("Results", results)).withEffect("cipp:resetpass:" + t.user.id);
    }

    private SimResponse resetMfa(Params p) {
        Target t = target(p, p.get("ID"), "Failed to remove MFA methods for ");
        if (t.error != null) return t.error;
        t.user.mfaMethods = 0;
        return SimResponse.json(200, Map.of("Results", "Successfully removed MFA methods for " + t.user.upn))
                .withEffect("cipp:resetmfa:" + t.user.id);
    }

    private SimResponse offboard(JsonObject body, Instant now) {
        List<String> errors = new ArrayList<>();
        JsonElement tf = CippSimJobs.member(body, "tenantFilter");
        String tenant = tf == null || tf.isJsonNull() ? null
                : tf.isJsonObject() ? text(CippSimJobs.member(tf.getAsJsonObject(), "value")) : tf.getAsString();
        if (tenant == null || tenant.isBlank()) errors.add("tenantFilter is required");
        List<String> upns = new ArrayList<>();
        JsonElement users = CippSimJobs.member(body, "user");
        JsonArray list = users == null ? new JsonArray() : users.isJsonArray() ? users.getAsJsonArray() : single(users);
        for (JsonElement u : list) {
            String value = u.isJsonObject() ? text(CippSimJobs.member(u.getAsJsonObject(), "value")) : text(u);
            if (value != null && value.contains("@")) upns.add(value);
        }
        if (upns.isEmpty()) errors.add("user is required and must contain a value with an '@'");
        Long date = null;
        JsonElement scheduled = CippSimJobs.member(body, "Scheduled");
        if (scheduled != null && scheduled.isJsonObject() && CippSimJobs.selected(scheduled.getAsJsonObject(), "enabled")) {
            String raw = text(CippSimJobs.member(scheduled.getAsJsonObject(), "date"));
            try {
                date = raw == null ? null : Long.parseLong(raw);
            } catch (NumberFormatException e) {
                date = null;
            }
            if (date == null || date <= 0) errors.add("Scheduled.date must be a positive unix time when Scheduled.enabled is true");
        }
        if (CippSimJobs.RUN_ORDER.stream().noneMatch(o -> CippSimJobs.selected(body, o))) {
            errors.add("No offboarding action was selected");
        }
        if (!errors.isEmpty()) return SimResponse.json(400, Map.of("Results", errors));
        List<String> sentences = new ArrayList<>();
        String reference = text(CippSimJobs.member(body, "reference"));
        for (String upn : upns) {
            sentences.add(jobs.queue(tenant, upn, body.deepCopy(), date, reference, now));
        }
        return SimResponse.json(200, Map.of("Results", sentences)).withEffect("cipp:offboard-queued:" + String.join(",", upns));
    }

    /** The user an Exec call names, or CIPP's 500 failure sentence when there is none. */
    private Target target(Params p, String nameForMessage, String failurePrefix) {
        Optional<Seed.Tenant> tenant = directory.tenant(p.get("tenantFilter"));
        Optional<SimUser> user = tenant.flatMap(t -> directory.find(t, p.get("ID")));
        if (user.isPresent()) return new Target(user.get(), null);
        if (tenant.isEmpty()) return new Target(null, tenantNotFound(failurePrefix + nameForMessage, p.get("tenantFilter")));
        return new Target(null, SimResponse.json(500, Map.of("Results", failurePrefix + nameForMessage
                + ". Error: Resource '" + p.get("ID") + NOT_EXIST)));
    }

    private record Target(SimUser user, SimResponse error) { }

    private static SimResponse tenantNotFound(String what, String tenant) {
        return SimResponse.json(500, Map.of("Results", what + ". Error: Could not get token for tenant " + tenant
                + ": AADSTS90002: Tenant '" + tenant + "' not found."));
    }

    private static JsonArray single(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** Parameters from the JSON body (Exec*) or the query (List*), names matched without case, as CIPP does. */
    private record Params(SimRequest request, JsonObject body) {
        String get(String name) {
            String fromBody = text(CippSimJobs.member(body, name));
            return fromBody != null ? fromBody : request.queryParam(name);
        }

        String getOr(String name, String fallback) {
            String v = get(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }
}
