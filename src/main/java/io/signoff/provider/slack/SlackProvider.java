package io.signoff.provider.slack;

import com.google.gson.JsonObject;
import io.signoff.model.ActionResult;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack Enterprise Grid through the org-level admin Web API (slack.md), with an org-installed user token of an Org
 * Admin or Owner. Tenants are the org's workspaces; a user is org-wide and belongs to several of them.
 */
public final class SlackProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(SlackProvider.class);

    static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.LIST_TENANTS, Capability.FIND_USER, Capability.LIST_SESSIONS, Capability.REVOKE_ONE_SESSION,
            Capability.REVOKE_ALL_SESSIONS, Capability.DEACTIVATE));
    public static final String RESIDUAL_EXPOSURE =
            "None once invalidated: Slack signs the session out at once and the device must sign in again.";
    /** Name searches scan admin.users.list; past this many matches the query is too vague to be useful. */
    static final int MAX_NAME_MATCHES = 50;
    /**
     * Lookup failures after which the admin.users.list scan may still find the person: lookupByEmail is restricted
     * for the token, or it matched nothing (it knows the primary address only, exactly as stored).
     */
    private static final Set<String> LOOKUP_FALLBACK_CODES = Set.of("users_not_found", "missing_scope",
            "enterprise_is_restricted", "not_allowed_token_type", "no_permission", "feature_not_enabled");

    private final Connection connection;
    private final SlackApi api;

    public SlackProvider(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor) {
        this(connection, secrets, http, redactor, SlackLimits.from(connection));
    }

    public SlackProvider(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor, SlackLimits limits) {
        if (connection.kind() != ProviderKind.SLACK) {
            throw new IllegalArgumentException("SlackProvider needs a Slack connection, got " + connection.kind());
        }
        this.connection = connection;
        this.api = new SlackApi(connection, secrets, http, redactor, limits);
    }

    @Override
    public Connection connection() { return connection; }

    @Override
    public Set<Capability> capabilities() { return CAPABILITIES; }

    @Override
    public ConnectionCheck testConnection() throws ProviderException {
        SlackApi.Reply reply = api.read("auth.test", Map.of());
        JsonObject b = reply.body();
        String identity = SlackMapping.text(b, "user") + " (" + SlackMapping.text(b, "user_id") + ") in "
                + SlackMapping.text(b, "team");
        String enterprise = SlackMapping.text(b, "enterprise_id");
        String detail;
        if (enterprise == null) {
            detail = "Not an Enterprise Grid org: the admin methods Signoff needs exist only on Grid.";
        } else if (!SlackMapping.bool(b, "is_enterprise_install")) {
            detail = "Enterprise " + enterprise + ", but the token is a workspace install: admin methods need the app installed on the org.";
        } else {
            detail = "Enterprise Grid org " + enterprise + ", org-level install.";
        }
        return new ConnectionCheck(identity, reply.scopes(), detail);
    }

    @Override
    public List<Tenant> listTenants() throws ProviderException {
        List<Tenant> out = new ArrayList<>();
        api.paginate("admin.teams.list", Map.of(), api.limits().pageSize(), "teams", team -> {
            out.add(SlackMapping.tenant(connection.id(), team));
            return true;
        });
        return out;
    }

    @Override
    public List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) return List.of();
        return q.contains("@") ? findByEmail(tenant, q) : findByName(tenant, q);
    }

    @Override
    public DirectoryUser getUser(Tenant tenant, String userId) throws ProviderException {
        if (userId == null || userId.isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, api.label() + ": no user id given").build();
        }
        DirectoryUser found = scan(tenant, u -> userId.equals(SlackMapping.text(u, "id")));
        if (found == null) {
            throw ProviderException.of(ErrorKind.NOT_FOUND, api.label() + ": no user " + userId
                    + (tenant == null ? " in the org" : " in workspace " + tenant.displayName())).providerCode("user_not_found").build();
        }
        return found;
    }

    @Override
    public SessionList listSessions(DirectoryUser user) throws ProviderException {
        requireSlackUser(user);
        List<String> teams = workspacesOf(user);
        List<Session> sessions = new ArrayList<>();
        int userMissing = 0;
        // One call per workspace, always with user_id AND team_id: without both Slack lists the whole org's sessions.
        for (String teamId : teams) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("user_id", user.id());
            args.put("team_id", teamId);
            try {
                api.paginate("admin.users.session.list", args, api.limits().sessionPageSize(), "active_sessions", s -> {
                    Session session = SlackMapping.session(connection.id(), s);
                    if (user.id().equals(session.userId()) && session.id() != null) sessions.add(session);
                    return true;
                });
            } catch (ProviderException e) {
                if ("no_active_sessions".equals(e.providerCode())) continue;
                if ("user_not_found".equals(e.providerCode())) {
                    userMissing++;
                    LOG.debug("{}: user {} is not in workspace {}", api.label(), user.id(), teamId);
                    continue;
                }
                throw e;
            }
        }
        if (userMissing == teams.size()) {
            throw ProviderException.of(ErrorKind.NOT_FOUND, api.label() + ": user " + describe(user)
                    + " was not found in any of its workspaces " + teams).providerCode("user_not_found").build();
        }
        return SessionList.of(sessions, RESIDUAL_EXPOSURE);
    }

    @Override
    public ActionResult revokeSession(DirectoryUser user, Session session) throws ProviderException {
        requireSlackUser(user);
        String sessionId = session.id().strip();
        if (!sessionId.matches("\\d{1,19}")) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, api.label() + ": '" + sessionId
                    + "' is not a Slack session id (Slack's are integers)").build();
        }
        Map<String, String> args = new LinkedHashMap<>();
        args.put("session_id", sessionId);
        // slack.md prefers user_id, the method page documents team_id: both are sent so either reading is served.
        args.put("user_id", user.id());
        if (session.tenantId() != null && !session.tenantId().isBlank()) args.put("team_id", session.tenantId());
        SlackApi.Reply reply = api.write("admin.users.session.invalidate", args);
        return ActionResult.done(withWarnings("Slack signed out session " + sessionId + " of " + describe(user)
                + (session.tenantId() == null ? "" : " in workspace " + session.tenantId()), reply), reply.requestId());
    }

    @Override
    public ActionResult revokeAllSessions(DirectoryUser user, RevokeOptions options) throws ProviderException {
        requireSlackUser(user);
        RevokeOptions.Scope scope = options == null ? RevokeOptions.Scope.ALL : options.scope();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("user_id", user.id());
        if (scope == RevokeOptions.Scope.WEB_ONLY) args.put("web_only", "true");
        if (scope == RevokeOptions.Scope.MOBILE_ONLY) args.put("mobile_only", "true");
        SlackApi.Reply reply = api.write("admin.users.session.reset", args);
        String which = switch (scope) {
            case ALL -> "every session";
            case WEB_ONLY -> "every web and desktop session";
            case MOBILE_ONLY -> "every mobile session";
        };
        return ActionResult.done(withWarnings("Slack reset " + which + " of " + describe(user), reply), reply.requestId());
    }

    @Override
    public ActionResult deactivate(DirectoryUser user) throws ProviderException {
        requireSlackUser(user);
        SlackApi.Reply reply = api.write("admin.users.deactivate", Map.of("user_id", user.id()));
        return ActionResult.done(withWarnings("Slack deactivated " + describe(user) + " across the org", reply),
                reply.requestId());
    }

    private List<DirectoryUser> findByEmail(Tenant tenant, String email) throws ProviderException {
        JsonObject user;
        try {
            user = api.read("users.lookupByEmail", Map.of("email", email)).body().getAsJsonObject("user");
        } catch (ProviderException e) {
            if (!LOOKUP_FALLBACK_CODES.contains(e.providerCode())) throw e;
            LOG.debug("{}: users.lookupByEmail gave {}; scanning admin.users.list instead", api.label(), e.providerCode());
            DirectoryUser found = scan(tenant, u -> email.equalsIgnoreCase(SlackMapping.text(u, "email")));
            return found == null ? List.of() : List.of(found);
        }
        if (user == null) return List.of();
        List<String> teams = SlackMapping.enterpriseTeams(user);
        if (teams == null) {
            // No enterprise_user.teams in the answer: admin.users.list is the one place that names the workspaces.
            String id = SlackMapping.text(user, "id");
            DirectoryUser listed = scan(tenant, u -> id != null && id.equals(SlackMapping.text(u, "id")));
            return listed == null ? List.of() : List.of(listed);
        }
        DirectoryUser found = SlackMapping.fromLookup(connection.id(), tenantId(tenant), user, teams);
        return inTenant(found, tenant) ? List.of(found) : List.of();
    }

    private List<DirectoryUser> findByName(Tenant tenant, String fragment) throws ProviderException {
        String[] words = fragment.toLowerCase(Locale.ROOT).split("\\s+");
        List<DirectoryUser> out = new ArrayList<>();
        api.paginate("admin.users.list", teamArgs(tenant), api.limits().pageSize(), "users", u -> {
            String haystack = String.join(" ", String.valueOf(SlackMapping.text(u, "full_name")),
                    String.valueOf(SlackMapping.text(u, "username")), String.valueOf(SlackMapping.text(u, "email")))
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!haystack.contains(w)) return true;
            }
            out.add(SlackMapping.fromAdminList(connection.id(), tenantId(tenant), u));
            return out.size() < MAX_NAME_MATCHES;
        });
        return out;
    }

    /** The first admin.users.list entry (in the tenant's workspace, or the whole org) that matches. */
    private DirectoryUser scan(Tenant tenant, java.util.function.Predicate<JsonObject> matches) throws ProviderException {
        DirectoryUser[] found = new DirectoryUser[1];
        api.paginate("admin.users.list", teamArgs(tenant), api.limits().pageSize(), "users", u -> {
            if (!matches.test(u)) return true;
            found[0] = SlackMapping.fromAdminList(connection.id(), tenantId(tenant), u);
            return false;
        });
        return found[0];
    }

    private List<String> workspacesOf(DirectoryUser user) throws ProviderException {
        if (!user.workspaces().isEmpty()) return user.workspaces();
        if (user.tenantId() != null && user.tenantId().startsWith("T")) return List.of(user.tenantId());
        throw ProviderException.of(ErrorKind.INVALID_INPUT, api.label() + ": no workspace is known for " + describe(user)
                + "; look the user up again (Signoff never lists sessions without a workspace: Slack would list the whole org's)").build();
    }

    private void requireSlackUser(DirectoryUser user) throws ProviderException {
        if (user.kind() != ProviderKind.SLACK || user.id().isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, api.label() + ": " + describe(user)
                    + " is not a Slack account").build();
        }
    }

    private static Map<String, String> teamArgs(Tenant tenant) {
        return tenant == null ? Map.of() : Map.of("team_id", tenant.id());
    }

    private static String tenantId(Tenant tenant) { return tenant == null ? null : tenant.id(); }

    private static boolean inTenant(DirectoryUser user, Tenant tenant) {
        return tenant == null || user.workspaces().isEmpty() || user.workspaces().contains(tenant.id());
    }

    private static String describe(DirectoryUser user) {
        return user.email().isBlank() ? user.id() : user.email() + " (" + user.id() + ")";
    }

    private static String withWarnings(String message, SlackApi.Reply reply) {
        List<String> warnings = reply.warnings();
        return warnings.isEmpty() ? message : message + " (Slack warns: " + String.join(", ", warnings) + ")";
    }
}
