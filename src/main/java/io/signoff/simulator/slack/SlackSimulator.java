package io.signoff.simulator.slack;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.SimulatedApi;
import io.signoff.simulator.slack.SlackReplies.SlackError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Slack Enterprise Grid's admin Web API over the seeded org: {@code POST /slack/{method}} (also {@code /slack/api/{method}}),
 * form or JSON bodies, bearer token, {@code ok:false} errors with HTTP 200, per-method tier budgets answered with
 * HTTP 429 + Retry-After, and scopes that can be withdrawn to provoke {@code missing_scope}.
 */
public final class SlackSimulator implements SimulatedApi {

    /** Slack's rate tiers, with the documented minimum calls per minute as the defaults. */
    public enum Tier {
        TIER_2(20), TIER_3(50), TIER_4(100);

        private final int defaultPerMinute;

        Tier(int defaultPerMinute) { this.defaultPerMinute = defaultPerMinute; }

        public int defaultPerMinute() { return defaultPerMinute; }
    }

    /** The identity behind the demo token: an Org Admin (not the primary owner), as a helpdesk would hold. */
    public static final String CALLER_USER_ID = "W0HELPDESK";
    public static final String CALLER_NAME = "signoff-helpdesk";
    public static final Set<String> ALL_SCOPES = Set.of(
            "admin.teams:read", "admin.users:read", "admin.users:write", "users:read", "users:read.email");

    private record MethodSpec(Tier tier, String scope) { }

    private static final Map<String, MethodSpec> METHODS = Map.of(
            "auth.test", new MethodSpec(Tier.TIER_4, null),
            "admin.teams.list", new MethodSpec(Tier.TIER_2, "admin.teams:read"),
            "users.lookupByEmail", new MethodSpec(Tier.TIER_3, "users:read.email"),
            "admin.users.list", new MethodSpec(Tier.TIER_4, "admin.users:read"),
            "admin.users.session.list", new MethodSpec(Tier.TIER_2, "admin.users:read"),
            "admin.users.session.invalidate", new MethodSpec(Tier.TIER_2, "admin.users:write"),
            "admin.users.session.reset", new MethodSpec(Tier.TIER_2, "admin.users:write"),
            "admin.users.deactivate", new MethodSpec(Tier.TIER_2, "admin.users:write"));

    private final SlackDirectory directory;
    private final SlackRateWindows rateWindows = new SlackRateWindows();
    private final String acceptedToken;
    private volatile Set<String> grantedScopes = ALL_SCOPES;

    public SlackSimulator(Seed seed, SimCredentials credentials) {
        this.directory = new SlackDirectory(seed);
        this.acceptedToken = credentials.slackToken();
    }

    @Override
    public ProviderKind kind() { return ProviderKind.SLACK; }

    /** Changes a tier's budget (per method, sliding window); resets the counted calls. */
    public SlackSimulator tierLimit(Tier tier, int calls, Duration window) {
        rateWindows.limit(tier, calls, window);
        return this;
    }

    /** Forgets the calls counted so far, so a test starts with full budgets. */
    public SlackSimulator resetRateWindows() {
        rateWindows.clear();
        return this;
    }

    /** The scopes the demo token carries; withdraw one to make its methods answer {@code missing_scope}. */
    public SlackSimulator grantedScopes(Set<String> scopes) {
        this.grantedScopes = Set.copyOf(scopes);
        return this;
    }

    /** The simulator's own view of a user's live session ids, for tests that check a revoke really happened. */
    public List<Long> sessionIds(String userId) { return directory.sessionIds(userId); }

    public boolean isActive(String userId) { return directory.isActive(userId); }

    /** The user id the simulator derives for a seed person. */
    public static String userIdOf(Seed.Person person) { return SlackDirectory.userId(person.key()); }

    @Override
    public SimResponse handle(SimRequest request) {
        String method = methodName(request.path());
        SlackArgs args;
        try {
            args = SlackArgs.of(request);
        } catch (SlackArgs.BadBody e) {
            return SlackReplies.error(200, e.code(), Map.of());
        }
        String token = request.bearerToken() != null ? request.bearerToken() : args.get("token");
        if (token == null) return SlackReplies.error(200, "not_authed", Map.of());
        if (!token.equals(acceptedToken)) return SlackReplies.error(200, "invalid_auth", Map.of());
        MethodSpec spec = METHODS.get(method);
        if (spec == null) return SlackReplies.error(200, "unknown_method", Map.of("req_method", method));
        Set<String> scopes = grantedScopes;
        if (spec.scope() != null && !scopes.contains(spec.scope())) {
            return SlackReplies.error(200, "missing_scope",
                    Map.of("needed", spec.scope(), "provided", String.join(",", new TreeSet<>(scopes))));
        }
        Optional<Duration> wait = rateWindows.admit(method, spec.tier(), System.nanoTime());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return rateLimited(wait.get()).withHeader("Retry-After", Long.toString(seconds));
        }
        try {
            return withScopesHeader(dispatch(method, args), scopes);
        } catch (SlackError e) {
            return e.response();
        }
    }

    private SimResponse dispatch(String method, SlackArgs args) throws SlackError {
        return switch (method) {
            case "auth.test" -> authTest();
            case "admin.teams.list" -> directory.teamsList(args);
            case "users.lookupByEmail" -> directory.lookupByEmail(args);
            case "admin.users.list" -> directory.usersList(args);
            case "admin.users.session.list" -> directory.sessionList(args);
            case "admin.users.session.invalidate" -> directory.invalidate(args, false);
            case "admin.users.session.reset" -> directory.reset(args, false);
            case "admin.users.deactivate" -> directory.deactivate(args, false);
            default -> throw new SlackError("unknown_method");
        };
    }

    private SimResponse authTest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "https://" + directory.enterpriseId().toLowerCase(java.util.Locale.ROOT) + ".enterprise.slack.com/");
        body.put("team", directory.enterpriseName());
        body.put("user", CALLER_NAME);
        body.put("team_id", directory.enterpriseId());
        body.put("user_id", CALLER_USER_ID);
        body.put("enterprise_id", directory.enterpriseId());
        body.put("is_enterprise_install", true);
        return SlackReplies.ok(body);
    }

    /** Slack names the token's scopes in a header on every answer. */
    private static SimResponse withScopesHeader(SimResponse response, Set<String> scopes) {
        return response.withHeader("X-OAuth-Scopes", String.join(",", new TreeSet<>(scopes)));
    }

    private static String methodName(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("api/")) p = p.substring(4);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    public SimResponse rateLimited(Duration retryAfter) {
        return SlackReplies.error(429, "ratelimited", Map.of());
    }

    @Override
    public SimResponse serverError(int status) {
        return SlackReplies.error(status, status == 503 ? "service_unavailable" : "internal_error", Map.of());
    }
}
