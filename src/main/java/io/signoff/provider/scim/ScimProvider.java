package io.signoff.provider.scim;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.ActionResult;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.bearer.BearerTokenCaller;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Json;
import io.signoff.provider.http.Redactor;
import io.signoff.provider.scim.ScimErrors.Call;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any SCIM 2.0 app (RFC 7643/7644), with Lucid's specifics: find users with escaped {@code eq} filters, deactivate
 * with a PATCH (the default offboarding step), hard delete as a separate capability. SCIM has no session API, so the
 * session view shows what a person must do by hand instead.
 */
public final class ScimProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(ScimProvider.class);

    public static final String LUCID_BASE_URL = "https://users.lucid.app/scim/v2";
    /** The app's name as the operator knows it ("Lucid"); Lucid's specifics apply when it (or the host) says Lucid. */
    public static final String LABEL_SETTING = "label";
    /** Optional page size for list calls (default 100). */
    public static final String PAGE_SIZE_SETTING = "pageSize";
    public static final String TOKEN_SECRET = "bearer-token";
    /** Lucid ends sessions only in its admin UI, and only with the Enterprise Shield add-on. */
    public static final String LUCID_LOGOUT_INSTRUCTION = "Admin panel → Users → Log out user; needs Enterprise Shield";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int DEFAULT_PAGE_SIZE = 100;
    /** A bound on pages per listing (filtered results are exact matches: more than a page is already unusual). */
    static final int MAX_PAGES = 100;
    private static final MediaType SCIM_JSON = MediaType.get("application/scim+json; charset=utf-8");
    private static final String ACCEPT = "application/scim+json, application/json";
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER,
            // LIST_SESSIONS answers with the manual instruction: the session view is where the operator looks for it.
            Capability.LIST_SESSIONS, Capability.DEACTIVATE, Capability.HARD_DELETE);

    private final Connection connection;
    private final BearerTokenCaller http;
    private final String appName;
    private final String label;
    private final boolean lucid;
    private final int pageSize;

    public ScimProvider(Connection connection, SecretSource secrets, HttpClients httpClients, Redactor redactor) {
        this.connection = connection;
        HttpUrl base = HttpUrl.parse(connection.baseUrl().strip());
        String host = base == null ? "" : base.host().toLowerCase(Locale.ROOT);
        String configured = connection.setting(LABEL_SETTING);
        this.appName = configured == null || configured.isBlank() ? connection.displayName() : configured.strip();
        this.lucid = appName.toLowerCase(Locale.ROOT).contains("lucid") || host.endsWith("lucid.app") || host.endsWith("lucid.co")
                || host.endsWith("lucidchart.com");
        this.label = "SCIM app '" + appName + "'";
        this.http = new BearerTokenCaller(connection, secrets, TOKEN_SECRET, httpClients, redactor, label);
        this.pageSize = pageSize(connection.setting(PAGE_SIZE_SETTING));
    }

    @Override public Connection connection() { return connection; }

    @Override public Set<Capability> capabilities() { return CAPABILITIES; }

    /** What a person does by hand to end this app's sessions. */
    public String manualLogoutInstruction() {
        return lucid ? LUCID_LOGOUT_INSTRUCTION
                : appName + " has no API to end sessions: sign the user out in " + appName
                        + "'s admin console (deactivating the user also ends them)";
    }

    @Override
    public ConnectionCheck testConnection() throws ProviderException {
        List<String> features = new ArrayList<>();
        try {
            JsonObject config = object(get(http.url("ServiceProviderConfig").build()));
            for (String feature : List.of("patch", "filter", "bulk", "changePassword", "sort", "etag")) {
                JsonObject f = ScimMapper.object(config, feature);
                if (f != null && Boolean.TRUE.equals(ScimMapper.active(f.get("supported")))) features.add(feature);
            }
        } catch (ProviderException e) {
            if (e.kind() != ErrorKind.NOT_FOUND && e.kind() != ErrorKind.UNSUPPORTED) throw e;
            LOG.debug("{}: no /ServiceProviderConfig ({}); checking with a user list call", label, e.kind());
        }
        // The configuration may be served without authentication: only a user read proves the token.
        JsonObject page = object(get(http.url("Users").addQueryParameter("startIndex", "1").addQueryParameter("count", "1").build()));
        int total = ScimMapper.integer(page, "totalResults");
        return new ConnectionCheck(appName + " SCIM", features,
                (total >= 0 ? total + " active users visible" : "Users readable") + (lucid ? "; Lucid specifics on" : ""));
    }

    @Override
    public List<Tenant> listTenants() {
        HttpUrl base = HttpUrl.parse(connection.baseUrl().strip());
        return List.of(new Tenant(connection.id(), connection.kind(), connection.baseUrl(), appName,
                base == null ? "" : base.host(), ""));
    }

    @Override
    public List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) return List.of();
        List<String> filters = new ArrayList<>();
        filters.add(ScimFilter.eq("userName", q));
        if (q.contains("@")) {
            // Lucid documents "email eq"; RFC 7643 names the attribute "emails.value": try the app's own reading first.
            filters.add(ScimFilter.eq(lucid ? "email" : "emails.value", q));
            filters.add(ScimFilter.eq(lucid ? "emails.value" : "email", q));
        }
        ProviderException refused = null;
        boolean answered = false;
        for (String filter : filters) {
            try {
                List<JsonObject> found = listUsers(filter);
                answered = true;
                if (!found.isEmpty()) {
                    List<DirectoryUser> out = new ArrayList<>();
                    for (JsonObject u : found) out.add(ScimMapper.user(u, connection.id(), tenantId(tenant)));
                    return out;
                }
            } catch (ProviderException e) {
                if (e.kind() != ErrorKind.INVALID_INPUT) throw e;
                LOG.debug("{}: filter on {} refused ({}); trying the next reading", label,
                        filter.substring(0, filter.indexOf(' ')), e.providerCode());
                refused = e;
            }
        }
        if (!answered && refused != null) throw refused;
        return List.of();
    }

    @Override
    public DirectoryUser getUser(Tenant tenant, String userId) throws ProviderException {
        return ScimMapper.user(object(get(http.url("Users", userId).build())), connection.id(), tenantId(tenant));
    }

    @Override
    public SessionList listSessions(DirectoryUser user) {
        return SessionList.manual(manualLogoutInstruction());
    }

    @Override
    public ActionResult revokeSession(DirectoryUser user, Session session) throws ProviderException {
        throw ProviderException.unsupported(manualLogoutInstruction());
    }

    @Override
    public ActionResult revokeAllSessions(DirectoryUser user, RevokeOptions options) throws ProviderException {
        throw ProviderException.unsupported(manualLogoutInstruction());
    }

    @Override
    public ActionResult deactivate(DirectoryUser user) throws ProviderException {
        Map<String, Object> body = Map.of("schemas", List.of(PATCH_OP),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", false)));
        Request.Builder request = new Request.Builder().url(http.url("Users", user.id()).build())
                .patch(RequestBody.create(Json.GSON.toJson(body), SCIM_JSON));
        HttpReply reply = send(request, Idempotency.NON_IDEMPOTENT, Call.DEACTIVATE);
        if (!reply.body().isBlank()) {
            JsonElement parsed = Json.parse(reply, label, ErrorKind.UNKNOWN_OUTCOME);
            if (parsed.isJsonObject() && Boolean.TRUE.equals(ScimMapper.active(parsed.getAsJsonObject().get("active")))) {
                throw ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, label + " accepted the deactivation of " + who(user)
                                + " but still reports the user active; check in the app before retrying")
                        .httpStatus(reply.status()).providerCode("still_active").requestId(reply.requestId()).build();
            }
        }
        return ActionResult.done(appName + " deactivated " + who(user) + " (active=false)", reply.requestId());
    }

    @Override
    public ActionResult hardDelete(DirectoryUser user) throws ProviderException {
        Request.Builder request = new Request.Builder().url(http.url("Users", user.id()).build()).delete();
        HttpReply reply = send(request, Idempotency.NON_IDEMPOTENT, Call.DELETE);
        return ActionResult.done(appName + " deleted " + who(user) + " permanently", reply.requestId());
    }

    /** startIndex/count paging until totalResults is reached (or a short/empty page when the total is missing); bounded. */
    private List<JsonObject> listUsers(String filter) throws ProviderException {
        List<JsonObject> out = new ArrayList<>();
        int startIndex = 1;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject list = object(get(http.url("Users").addQueryParameter("filter", filter)
                    .addQueryParameter("startIndex", Integer.toString(startIndex))
                    .addQueryParameter("count", Integer.toString(pageSize)).build()));
            JsonArray resources = resources(list);
            for (JsonElement e : resources) {
                if (e.isJsonObject()) out.add(e.getAsJsonObject());
            }
            int total = ScimMapper.integer(list, "totalResults");
            // Step by what actually came back: itemsPerPage is often missing, and some servers echo the requested count.
            int received = resources.size();
            if (received == 0) return out;
            startIndex += received;
            if (total >= 0 ? startIndex > total : received < pageSize) return out;
        }
        LOG.warn("{}: stopped listing after {} pages ({} users)", label, MAX_PAGES, out.size());
        return out;
    }

    private static JsonArray resources(JsonObject list) {
        for (String key : List.of("Resources", "resources")) {
            JsonElement e = list.get(key);
            if (e != null && e.isJsonArray()) return e.getAsJsonArray();
        }
        return new JsonArray();
    }

    private JsonElement get(HttpUrl url) throws ProviderException {
        HttpReply reply = send(new Request.Builder().url(url).get(), Idempotency.IDEMPOTENT, Call.READ);
        return Json.parse(reply, label, ErrorKind.TRANSIENT);
    }

    private HttpReply send(Request.Builder request, Idempotency idempotency, Call call) throws ProviderException {
        HttpReply reply = http.send(request.header("Accept", ACCEPT), idempotency);
        if (!reply.successful()) throw ScimErrors.failure(reply, label, call, http.redactor());
        return reply;
    }

    private JsonObject object(JsonElement e) throws ProviderException {
        if (e != null && e.isJsonObject()) return e.getAsJsonObject();
        throw ProviderException.of(ErrorKind.TRANSIENT, label + " answered with JSON that is not a SCIM resource")
                .providerCode("not_a_resource").build();
    }

    private String tenantId(Tenant tenant) {
        return tenant == null ? connection.baseUrl() : tenant.id();
    }

    private static String who(DirectoryUser user) {
        return user.email().isBlank() ? user.id() : user.email() + " (" + user.id() + ")";
    }

    private static int pageSize(String setting) {
        if (setting == null || setting.isBlank()) return DEFAULT_PAGE_SIZE;
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(setting.strip())));
        } catch (NumberFormatException notNumber) {
            return DEFAULT_PAGE_SIZE;
        }
    }
}
