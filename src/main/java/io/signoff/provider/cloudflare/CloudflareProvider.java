package io.signoff.provider.cloudflare;

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
import io.signoff.provider.cloudflare.CloudflareErrors.Call;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Idempotency;
import io.signoff.provider.http.Json;
import io.signoff.provider.http.Redactor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * Cloudflare Zero Trust Access: the account as the one tenant, Access users by email or name, their active sessions
 * with the apps they cover, and revoke_user, which ends every Access session of a user in every app at once.
 */
public final class CloudflareProvider implements Provider {
    private static final Logger LOG = LoggerFactory.getLogger(CloudflareProvider.class);

    public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
    public static final String ACCOUNT_ID_SETTING = "accountId";
    /** Optional page size for list calls (default 100). */
    public static final String PAGE_SIZE_SETTING = "pageSize";
    public static final String TOKEN_SECRET = "api-token";
    public static final String WRITE_PERMISSION = "Access: Organizations, Identity Providers, and Groups Write";
    public static final String REVOKE_PERMISSION = "Access: Organizations Revoke";
    /** For the connection form: what kind of credential to create. */
    public static final String TOKEN_ONLY_NOTICE = "Signoff signs in to Cloudflare with an API token only (Authorization: Bearer). "
            + "The legacy X-Auth-Email + X-Auth-Key pair (Global API Key) is not supported: create an API token with \""
            + WRITE_PERMISSION + "\" (or \"" + REVOKE_PERMISSION + "\" plus read access) for this account.";
    public static final String RESIDUAL_EXPOSURE = "Revoked users are blocked for up to about 1 minute; pair with disabling at the IdP";
    public static final String SINGLE_SESSION_UNSUPPORTED = "Cloudflare Access cannot end one session: it only revokes per user, "
            + "in all apps at once (revoke all sessions)";

    static final int DEFAULT_PAGE_SIZE = 100;
    /** A bound on pages per listing: 100 pages of 100 is far beyond any name search an operator means. */
    static final int MAX_PAGES = 100;
    /** Identities are fetched one call each: only for the first few sessions, and only while the budget is not low. */
    static final int MAX_ENRICHED_SESSIONS = 10;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER,
            Capability.LIST_SESSIONS, Capability.REVOKE_ALL_SESSIONS);

    private final Connection connection;
    private final BearerTokenCaller http;
    private final RatelimitPacer pacer;
    private final String label;
    private final int pageSize;

    public CloudflareProvider(Connection connection, SecretSource secrets, HttpClients httpClients, Redactor redactor) {
        this.connection = connection;
        this.label = "Cloudflare Access '" + connection.displayName() + "'";
        this.http = new BearerTokenCaller(connection, secrets, TOKEN_SECRET, httpClients, redactor, label);
        this.pacer = new RatelimitPacer(System::nanoTime, label);
        this.pageSize = pageSize(connection.setting(PAGE_SIZE_SETTING));
    }

    @Override public Connection connection() { return connection; }

    @Override public Set<Capability> capabilities() { return CAPABILITIES; }

    @Override
    public ConnectionCheck testConnection() throws ProviderException {
        JsonObject token;
        try {
            JsonElement result = verifyToken().result();
            token = result != null && result.isJsonObject() ? result.getAsJsonObject() : new JsonObject();
        } catch (ProviderException e) {
            if (e.kind() != ErrorKind.NOT_FOUND || e.httpStatus() == 0) throw e;
            // Account-owned tokens are not verified under /user: a list call proves them instead.
            LOG.debug("{}: /user/tokens/verify answered not found; checking with a list call", label);
            probeUsers();
            return new ConnectionCheck("API token", List.of(), "Account " + accountId() + " readable");
        }
        String status = CloudflareMapper.text(token, "status");
        if (status != null && !status.equalsIgnoreCase("active")) {
            throw ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": the API token is " + status
                    + "; issue a new one").providerCode("token_" + status.toLowerCase(Locale.ROOT)).build();
        }
        // A valid token may still lack the account or the permission: prove it can see the Access users.
        probeUsers();
        String expires = CloudflareMapper.text(token, "expires_on");
        String id = CloudflareMapper.text(token, "id");
        return new ConnectionCheck(id == null ? "API token" : "API token " + id, List.of(),
                "Token active" + (expires == null ? "" : ", expires " + expires) + "; account " + accountId() + " readable");
    }

    @Override
    public List<Tenant> listTenants() throws ProviderException {
        return List.of(new Tenant(connection.id(), connection.kind(), accountId(), connection.displayName(), "", ""));
    }

    @Override
    public List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) return List.of();
        boolean email = looksLikeEmail(q);
        HttpUrl.Builder url = http.url("accounts", accountId(), "access", "users").addQueryParameter(email ? "email" : "search", q);
        List<DirectoryUser> out = new ArrayList<>();
        for (JsonObject u : list(url)) {
            DirectoryUser user = CloudflareMapper.user(u, connection.id(), accountId());
            // The email filter may match loosely on the provider side: an email query means this one address.
            if (!email || user.matchesEmail(q)) out.add(user);
        }
        return out;
    }

    @Override
    public DirectoryUser getUser(Tenant tenant, String userId) throws ProviderException {
        try {
            JsonElement result = get(http.url("accounts", accountId(), "access", "users", userId).build()).result();
            if (result != null && result.isJsonObject()) {
                return CloudflareMapper.user(result.getAsJsonObject(), connection.id(), accountId());
            }
        } catch (ProviderException e) {
            if (e.kind() != ErrorKind.NOT_FOUND) throw e;
            LOG.debug("{}: no single-user endpoint answered for {}; looking through the user list", label, userId);
        }
        for (JsonObject u : list(http.url("accounts", accountId(), "access", "users"))) {
            if (userId.equals(CloudflareMapper.text(u, "id"))) return CloudflareMapper.user(u, connection.id(), accountId());
        }
        throw ProviderException.of(ErrorKind.NOT_FOUND, label + ": no Access user with id " + userId).httpStatus(404).build();
    }

    @Override
    public SessionList listSessions(DirectoryUser user) throws ProviderException {
        JsonElement result = get(http.url("accounts", accountId(), "access", "users", user.id(), "active_sessions").build()).result();
        List<Session> sessions = new ArrayList<>();
        if (result != null && result.isJsonArray()) {
            int enriched = 0;
            for (JsonElement e : result.getAsJsonArray()) {
                if (!e.isJsonObject()) continue;
                JsonObject s = e.getAsJsonObject();
                JsonObject identity = null;
                String nonce = CloudflareMapper.nonce(s);
                if (nonce != null && enriched < MAX_ENRICHED_SESSIONS && !pacer.low()) {
                    enriched++;
                    identity = identity(user, nonce);
                }
                sessions.add(CloudflareMapper.session(s, identity, user));
            }
        }
        return SessionList.of(sessions, RESIDUAL_EXPOSURE);
    }

    @Override
    public ActionResult revokeSession(DirectoryUser user, Session session) throws ProviderException {
        throw ProviderException.unsupported(SINGLE_SESSION_UNSUPPORTED);
    }

    @Override
    public ActionResult revokeAllSessions(DirectoryUser user, RevokeOptions options) throws ProviderException {
        if (user.email().isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": revoke_user needs the user's email, and this user has none")
                    .providerCode("missing_email").build();
        }
        RevokeOptions o = options == null ? RevokeOptions.all() : options;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", user.email());
        body.put("devices", o.includeDevices());
        String uid = user.attributes().get("uid");
        if (uid != null && !uid.isBlank()) body.put("user_uid", uid);
        body.put("warp_session_reauth", o.warpReauth());
        Request.Builder request = new Request.Builder()
                .url(http.url("accounts", accountId(), "access", "organizations", "revoke_user").build())
                .post(RequestBody.create(Json.GSON.toJson(body), JSON));
        Envelope envelope = call(request, Idempotency.NON_IDEMPOTENT, Call.REVOKE, true);
        JsonElement result = envelope.result();
        if (result == null || !result.isJsonPrimitive() || !result.getAsJsonPrimitive().isBoolean()) {
            throw ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, label + " accepted revoke_user for " + user.email()
                    + " but its answer did not say whether it revoked; check the sessions before retrying")
                    .providerCode("unexpected_result").requestId(envelope.requestId()).build();
        }
        if (!result.getAsBoolean()) {
            throw ProviderException.of(ErrorKind.NOT_FOUND, label + " answered result:false for " + user.email()
                    + ": it revoked nothing (no Access user with that email?)").providerCode("result_false")
                    .requestId(envelope.requestId()).build();
        }
        return ActionResult.done("Cloudflare revoked every Access session of " + user.email() + " in all apps"
                + (o.includeDevices() ? ", and the user's WARP devices" : "")
                + (o.warpReauth() ? "; WARP must re-authenticate" : "") + ". " + RESIDUAL_EXPOSURE + ".", envelope.requestId());
    }

    private JsonObject identity(DirectoryUser user, String nonce) throws ProviderException {
        try {
            JsonElement r = get(http.url("accounts", accountId(), "access", "users", user.id(), "active_sessions", nonce).build()).result();
            return r != null && r.isJsonObject() ? r.getAsJsonObject() : null;
        } catch (ProviderException e) {
            // The identity only adds detail (ip, country, device): the session list stands without it.
            if (e.kind() == ErrorKind.CREDENTIALS_REJECTED || e.kind() == ErrorKind.UNKNOWN_OUTCOME) throw e;
            LOG.debug("{}: no identity for one session ({}); listing it without details", label, e.kind());
            return null;
        }
    }

    /** Pages with page/per_page until an empty page, as the API documents it; bounded. */
    private List<JsonObject> list(HttpUrl.Builder url) throws ProviderException {
        List<JsonObject> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            HttpUrl pageUrl = url.setQueryParameter("page", Integer.toString(page))
                    .setQueryParameter("per_page", Integer.toString(pageSize)).build();
            JsonElement result = get(pageUrl).result();
            if (result == null || !result.isJsonArray() || result.getAsJsonArray().isEmpty()) return out;
            for (JsonElement e : result.getAsJsonArray()) {
                if (e.isJsonObject()) out.add(e.getAsJsonObject());
            }
        }
        LOG.warn("{}: stopped listing after {} pages ({} users); refine the search", label, MAX_PAGES, out.size());
        return out;
    }

    private void probeUsers() throws ProviderException {
        get(http.url("accounts", accountId(), "access", "users").addQueryParameter("page", "1")
                .addQueryParameter("per_page", "1").build());
    }

    private Envelope verifyToken() throws ProviderException {
        return call(new Request.Builder().url(http.url("user", "tokens", "verify").build()).get(), Idempotency.IDEMPOTENT,
                Call.READ, false);
    }

    private Envelope get(HttpUrl url) throws ProviderException {
        return call(new Request.Builder().url(url).get(), Idempotency.IDEMPOTENT, Call.READ, true);
    }

    /**
     * @param disambiguate whether a 403 "Authentication error" may be checked against /user/tokens/verify (not when
     *                     the failing call is that check itself)
     */
    private Envelope call(Request.Builder request, Idempotency idempotency, Call kind, boolean disambiguate)
            throws ProviderException {
        request.header("Accept", "application/json");
        pacer.pace();
        HttpReply reply;
        try {
            reply = http.send(request, idempotency);
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.RATE_LIMITED) pacer.blocked(e.retryAfter());
            throw e;
        }
        pacer.observe(reply);
        if (reply.successful()) {
            JsonElement parsed = Json.parse(reply, label, kind.write() ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT);
            if (parsed.isJsonObject()) {
                JsonObject envelope = parsed.getAsJsonObject();
                JsonElement success = envelope.get("success");
                if (success != null && success.isJsonPrimitive() && success.getAsBoolean()) {
                    return new Envelope(envelope.get("result"), reply.requestId());
                }
                throw mapped(reply, envelope, kind, disambiguate);
            }
            throw ProviderException.of(kind.write() ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT,
                    label + " answered HTTP " + reply.status() + " without its usual envelope").httpStatus(reply.status())
                    .providerCode("no_envelope").requestId(reply.requestId()).build();
        }
        throw mapped(reply, envelopeOrNull(reply), kind, disambiguate);
    }

    private ProviderException mapped(HttpReply reply, JsonObject envelope, Call kind, boolean disambiguate) {
        ProviderException e = CloudflareErrors.failure(reply, envelope, label, kind, http.redactor());
        if (e.kind() == ErrorKind.RATE_LIMITED) pacer.blocked(e.retryAfter());
        if (!disambiguate || !CloudflareErrors.ambiguousAuthentication(e)) return e;
        // 403 "Authentication error" means a bad token OR a good token without the permission: ask the token itself.
        try {
            JsonElement token = verifyToken().result();
            String status = token != null && token.isJsonObject() ? CloudflareMapper.text(token.getAsJsonObject(), "status") : null;
            if (status != null && !status.equalsIgnoreCase("active")) {
                return ProviderException.of(ErrorKind.CREDENTIALS_REJECTED, label + ": the API token is " + status)
                        .httpStatus(403).providerCode(e.providerCode()).requestId(e.requestId()).build();
            }
            return e;
        } catch (ProviderException verifyFailed) {
            return verifyFailed.kind() == ErrorKind.CREDENTIALS_REJECTED ? verifyFailed : e;
        }
    }

    private JsonObject envelopeOrNull(HttpReply reply) {
        try {
            JsonElement parsed = Json.parse(reply, label, ErrorKind.TRANSIENT);
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (ProviderException notJson) {
            return null; // an edge error page or plain text: the HTTP status says enough
        }
    }

    private String accountId() throws ProviderException {
        String id = connection.setting(ACCOUNT_ID_SETTING);
        if (id == null || id.isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, label + ": no account id is set for this connection")
                    .providerCode("missing_account_id").build();
        }
        return id.strip();
    }

    private static boolean looksLikeEmail(String q) {
        int at = q.indexOf('@');
        return at > 0 && at < q.length() - 1 && q.indexOf(' ') < 0;
    }

    private static int pageSize(String setting) {
        if (setting == null || setting.isBlank()) return DEFAULT_PAGE_SIZE;
        try {
            return Math.max(1, Math.min(1000, Integer.parseInt(setting.strip())));
        } catch (NumberFormatException notNumber) {
            return DEFAULT_PAGE_SIZE;
        }
    }

    private record Envelope(JsonElement result, String requestId) { }
}
