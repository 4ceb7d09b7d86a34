package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippResponses.member;
import static io.signoff.provider.cipp.CippResponses.string;

import com.google.gson.JsonElement;
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
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.PasswordReset;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;
import io.signoff.provider.cipp.CippResponses.Sentence;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Microsoft 365 tenants through a CIPP instance (see shared/providers/cipp.md). CIPP's answers are read for their
 * sentences as well as their status: a "Failed to …" with HTTP 200 is a failure.
 *
 * <p>Besides the SPI, {@link #offboardingDefaults(Tenant)} exposes the per-tenant offboarding defaults CIPP returns
 * with ListTenants, for the offboarding wizard to pre-select (the shared Tenant record has no room for them).
 */
public final class CippProvider implements Provider {
    public static final String SETTING_TENANT_ID = "tenantId";
    public static final String SETTING_CLIENT_ID = "clientId";
    /** Optional; "{tenantId}" in it is replaced. Default: the public Entra endpoint. */
    public static final String SETTING_TOKEN_URL = "tokenUrl";
    public static final String SECRET_CLIENT_SECRET = "client-secret";

    /** Keys of {@link DirectoryUser#attributes()} this provider fills. */
    public static final String ATTR_UPN = "userPrincipalName";
    public static final String ATTR_ACCOUNT_ENABLED = "accountEnabled";
    public static final String ATTR_USER_TYPE = "userType";
    public static final String ATTR_LICENCES = "licences";
    public static final String ATTR_SESSIONS_VALID_FROM = "signInSessionsValidFromDateTime";
    public static final String ATTR_REFRESH_TOKENS_VALID_FROM = "refreshTokensValidFromDateTime";
    public static final String ATTR_ON_PREMISES_SYNC = "onPremisesSyncEnabled";
    public static final String ATTR_JOB_TITLE = "jobTitle";

    public static final String RESIDUAL_EXPOSURE = "access tokens stay valid up to 1 hour (CAE-capable apps ~15 min)";
    /** CIPP names each offboarding task "Offboarding: {upn}". */
    public static final String JOB_NAME_PREFIX = "Offboarding: ";
    /** Starts {@link BundleJob#message()} when CIPP said a task of that name was already queued. */
    public static final String ALREADY_QUEUED = "Already queued (not a new job): ";
    public static final String OFFBOARDING_COMMAND = "Invoke-CIPPOffboardingJob";
    static final int SIGN_IN_TOP = 50;

    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.LIST_TENANTS, Capability.FIND_USER, Capability.LIST_SESSIONS, Capability.REVOKE_ALL_SESSIONS,
            Capability.DISABLE_SIGN_IN, Capability.RESET_PASSWORD, Capability.RESET_MFA, Capability.OFFBOARD_BUNDLE));
    private static final Pattern JOB_NAME_IN_SENTENCE = Pattern.compile(
            "(?:Successfully added task: (.+?)\\. It will run|Task with name (.+?) already exists|Task (.+?) scheduled to run now)",
            Pattern.CASE_INSENSITIVE);

    private final Connection connection;
    private final Redactor redactor;
    private final Clock clock;
    private final CippTransport transport;
    private final Map<String, Map<String, Object>> defaultsByTenant = new ConcurrentHashMap<>();

    public CippProvider(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor) {
        this(connection, secrets, http, redactor, Clock.systemUTC());
    }

    /** @param clock decides token expiry (tests move it forward) */
    public CippProvider(Connection connection, SecretSource secrets, HttpClients http, Redactor redactor, Clock clock) {
        if (connection.kind() != ProviderKind.CIPP) {
            throw new IllegalArgumentException("Not a CIPP connection: " + connection.kind());
        }
        this.connection = connection;
        this.redactor = redactor;
        this.clock = clock;
        this.transport = new CippTransport(connection, secrets, http, redactor, clock);
    }

    @Override public Connection connection() { return connection; }

    @Override public Set<Capability> capabilities() { return CAPABILITIES; }

    @Override
    public ConnectionCheck testConnection() throws ProviderException {
        JsonElement root = transport.get("me", Map.of()).root();
        JsonObject me = root.isJsonObject() ? root.getAsJsonObject() : new JsonObject();
        JsonElement principal = member(me, "clientPrincipal");
        JsonObject p = principal != null && principal.isJsonObject() ? principal.getAsJsonObject() : new JsonObject();
        String appId = Optional.ofNullable(string(p, "appId")).orElse(connection.setting(SETTING_CLIENT_ID));
        List<String> roles = texts(member(p, "appRole"));
        List<String> permissions = texts(member(me, "permissions"));
        return new ConnectionCheck("CIPP API client " + appId, permissions.isEmpty() ? roles : permissions,
                roles.isEmpty() ? "" : "roles: " + String.join(", ", roles));
    }

    @Override
    public List<Tenant> listTenants() throws ProviderException {
        JsonElement root = transport.get("ListTenants", Map.of("IncludeOffboardingDefaults", "true")).root();
        List<Tenant> tenants = new ArrayList<>();
        for (JsonObject row : CippMapping.rows(root)) {
            String customerId = string(row, "customerId");
            String name = string(row, "displayName");
            if ((customerId == null || customerId.isBlank()) && name != null
                    && name.toLowerCase(Locale.ROOT).contains("failed to retrieve tenants")) {
                // CIPP answers 200 with one pseudo-tenant whose name is the error.
                throw ProviderException.of(CippResponses.classify(name, ErrorKind.TRANSIENT),
                        transport.responses().message("ListTenants", 200, name)).httpStatus(200)
                        .providerCode(CippResponses.graphCode(name)).build();
            }
            String domain = string(row, "defaultDomainName");
            if (domain == null || domain.isBlank() || CippMapping.excluded(row)) continue;
            Tenant tenant = CippMapping.tenant(connection.id(), row);
            defaultsByTenant.put(key(tenant.id()), CippMapping.offboardingDefaults(row));
            tenants.add(tenant);
        }
        return tenants;
    }

    /**
     * The tenant's offboarding defaults as CIPP stores them (option name -> value, e.g. "ConvertToShared" -> true),
     * read with the last {@link #listTenants()}; empty when the tenant has none.
     */
    public Map<String, Object> offboardingDefaults(Tenant tenant) throws ProviderException {
        Map<String, Object> defaults = defaultsByTenant.get(key(tenant.id()));
        if (defaults == null) {
            listTenants();
            // A tenant CIPP no longer lists (or excludes) has no defaults; remember that instead of asking again.
            defaults = defaultsByTenant.computeIfAbsent(key(tenant.id()), k -> Map.of());
        }
        return defaults == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    @Override
    public List<DirectoryUser> findUsers(Tenant tenant, String query) throws ProviderException {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, "Type an email address, a UPN or the start of a name").build();
        }
        if (q.contains("@")) {
            Optional<DirectoryUser> exact = byUserId(tenant.id(), q);
            if (exact.isPresent()) return List.of(exact.get());
            String literal = odataLiteral(q);
            String filter = "mail eq '" + literal + "' or proxyAddresses/any(p:p eq 'smtp:" + literal + "')";
            return listUsers(tenant.id(), Map.of("graphFilter", filter), row -> true).stream()
                    .filter(u -> u.matchesEmail(q)).toList();
        }
        String literal = odataLiteral(q);
        String filter = List.of("displayName", "givenName", "surname", "userPrincipalName", "mail").stream()
                .map(field -> "startswith(" + field + ",'" + literal + "')").collect(Collectors.joining(" or "));
        String prefix = q.toLowerCase(Locale.ROOT);
        // Also filtered here: a CIPP that ignores graphFilter would otherwise hand back the whole tenant.
        return listUsers(tenant.id(), Map.of("graphFilter", filter), row -> List.of("displayName", "givenName", "surname",
                "userPrincipalName", "mail").stream().map(f -> string(row, f))
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).startsWith(prefix)));
    }

    @Override
    public DirectoryUser getUser(Tenant tenant, String userId) throws ProviderException {
        return fetchUser(tenant.id(), userId);
    }

    @Override
    public SessionList listSessions(DirectoryUser user) throws ProviderException {
        String tenantId = tenantOf(user);
        // Re-read the user: signInSessionsValidFromDateTime is what proves a revoke took effect.
        DirectoryUser fresh = fetchUser(tenantId, user.id());
        Instant validFrom = CippMapping.instant(fresh.attributes().get(ATTR_SESSIONS_VALID_FROM));
        JsonElement root = transport.get("ListUserSigninLogs", Map.of("tenantFilter", tenantId, "UserID", user.id(),
                "top", Integer.toString(SIGN_IN_TOP))).root();
        List<Session> sessions = CippMapping.rows(root).stream()
                .filter(CippMapping::succeeded)
                .map(row -> CippMapping.session(connection.id(), tenantId, user.id(), row, validFrom))
                .sorted(Comparator.comparing(Session::created, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(SIGN_IN_TOP)
                .toList();
        return new SessionList(sessions, validFrom, null, RESIDUAL_EXPOSURE);
    }

    @Override
    public ActionResult revokeAllSessions(DirectoryUser user, RevokeOptions options) throws ProviderException {
        JsonObject body = target(user, user.id());
        body.addProperty("Username", upn(user));
        return exec("ExecRevokeSessions", body);
    }

    @Override
    public ActionResult disableSignIn(DirectoryUser user) throws ProviderException {
        JsonObject body = target(user, user.id());
        body.addProperty("Enable", false);
        return exec("ExecDisableUser", body);
    }

    @Override
    public ActionResult resetMfa(DirectoryUser user) throws ProviderException {
        return exec("ExecResetMFA", target(user, upn(user)));
    }

    @Override
    public PasswordReset resetPassword(DirectoryUser user, boolean mustChange) throws ProviderException {
        JsonObject body = target(user, user.id());
        body.addProperty("displayName", user.displayName());
        body.addProperty("MustChange", mustChange);
        CippTransport.Answer answer = transport.post("ExecResetPass", body);
        JsonElement results = answer.root().isJsonObject() ? member(answer.root().getAsJsonObject(), "Results") : answer.root();
        if (results != null && results.isJsonArray() && results.getAsJsonArray().size() == 1) {
            results = results.getAsJsonArray().get(0);
        }
        String password = results != null && results.isJsonObject() ? string(results.getAsJsonObject(), "copyField") : null;
        // Registered before anything else touches the answer, so no later message or log line can carry it.
        redactor.register(password);
        List<Sentence> sentences = CippResponses.sentences(answer.root());
        if (sentences.stream().anyMatch(Sentence::failed)) {
            throw transport.responses().failedSentences("ExecResetPass", answer.reply(), sentences);
        }
        String text = sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
        String message = redactor.redact(password == null ? text : text.replace(password, Redactor.MASK));
        if (password == null || password.isBlank()) {
            throw ProviderException.of(ErrorKind.UNKNOWN_OUTCOME, transport.responses().message("ExecResetPass",
                            answer.reply().status(), "CIPP returned no new password (" + message + "); reset it again to get one"))
                    .httpStatus(answer.reply().status()).providerCode("no_password_returned").build();
        }
        char[] secret = password.toCharArray();
        try {
            return new PasswordReset(secret, message);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public BundleJob queueOffboarding(DirectoryUser user, BundleRequest request) throws ProviderException {
        CippOffboardingOptions.validate(request.options());
        String upn = upn(user);
        JsonObject body = CippOffboardingOptions.body(tenantOf(user), user.displayName(), upn, request, clock.instant());
        CippTransport.Answer answer = transport.post("ExecOffboardUser", body);
        List<Sentence> sentences = CippResponses.sentences(answer.root());
        if (sentences.stream().anyMatch(Sentence::failed)) {
            throw transport.responses().failedSentences("ExecOffboardUser", answer.reply(), sentences);
        }
        if (sentences.isEmpty()) throw transport.responses().noSentence("ExecOffboardUser", answer.reply());
        String text = redactor.redact(sentences.stream().map(Sentence::text).collect(Collectors.joining(" ")));
        String jobName = JOB_NAME_PREFIX + upn;
        Matcher m = JOB_NAME_IN_SENTENCE.matcher(text);
        if (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) jobName = m.group(g).strip();
            }
        }
        boolean already = text.toLowerCase(Locale.ROOT).contains("already exists");
        // A job that was already queued is someone else's (or an earlier one): it is followed by its name alone.
        return already ? new BundleJob(connection.id(), tenantOf(user), upn, jobName, ALREADY_QUEUED + text, null)
                : new BundleJob(connection.id(), tenantOf(user), upn, jobName, text, request.jobMarker());
    }

    /** True when {@link #queueOffboarding} found a job of that name already queued instead of queueing a new one. */
    public static boolean alreadyQueued(BundleJob job) {
        return job.message() != null && job.message().startsWith(ALREADY_QUEUED);
    }

    @Override
    public BundleStatus offboardingStatus(BundleJob job) throws ProviderException {
        JsonElement root = transport.get("ListScheduledItems", Map.of("Type", OFFBOARDING_COMMAND,
                "tenantFilter", job.tenantId(), "Name", job.jobName())).root();
        return CippJobResults.pick(CippMapping.rows(root), job.jobName(), job.tenantId(), job.reference())
                .map(row -> CippJobResults.status(row, redactor, job.reference()))
                .orElseGet(() -> new BundleStatus(BundleStatus.State.NOT_FOUND, List.of(), ""));
    }

    private ActionResult exec(String endpoint, JsonObject body) throws ProviderException {
        CippTransport.Answer answer = transport.post(endpoint, body);
        List<Sentence> sentences = CippResponses.sentences(answer.root());
        if (sentences.stream().anyMatch(Sentence::failed)) {
            throw transport.responses().failedSentences(endpoint, answer.reply(), sentences);
        }
        if (sentences.isEmpty()) throw transport.responses().noSentence(endpoint, answer.reply());
        String text = sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
        return ActionResult.done(redactor.redact(text), answer.reply().requestId());
    }

    private Optional<DirectoryUser> byUserId(String tenantId, String userId) throws ProviderException {
        List<DirectoryUser> found;
        try {
            found = listUsers(tenantId, Map.of("UserID", userId), row -> userId.equalsIgnoreCase(string(row, "id"))
                    || userId.equalsIgnoreCase(string(row, "userPrincipalName"))
                    || userId.equalsIgnoreCase(string(row, "mail")));
        } catch (ProviderException e) {
            // CIPP passes Graph's "Resource '…' does not exist" through as a failure sentence.
            if (e.kind() == ErrorKind.NOT_FOUND) return Optional.empty();
            throw e;
        }
        return found.stream().findFirst();
    }

    private DirectoryUser fetchUser(String tenantId, String userId) throws ProviderException {
        return byUserId(tenantId, userId).orElseThrow(() -> ProviderException.of(ErrorKind.NOT_FOUND,
                connection.displayName() + ": no user " + userId + " in " + tenantId).providerCode("user_not_found").build());
    }

    private List<DirectoryUser> listUsers(String tenantId, Map<String, String> params, Predicate<JsonObject> keep)
            throws ProviderException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tenantFilter", tenantId);
        query.putAll(params);
        JsonElement root = transport.get("ListUsers", query).root();
        List<DirectoryUser> users = new ArrayList<>();
        for (JsonObject row : CippMapping.rows(root)) {
            // Rows without an id are CIPP notices (e.g. the AllTenants deprecation "Message" row), not users.
            if (string(row, "id") == null || !keep.test(row)) continue;
            users.add(CippMapping.user(connection.id(), tenantId, row));
        }
        return users;
    }

    private JsonObject target(DirectoryUser user, String id) throws ProviderException {
        JsonObject body = new JsonObject();
        body.addProperty("tenantFilter", tenantOf(user));
        body.addProperty("ID", id);
        return body;
    }

    private String tenantOf(DirectoryUser user) throws ProviderException {
        if (user.kind() != ProviderKind.CIPP || user.tenantId() == null || user.tenantId().isBlank()) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, "Not a Microsoft 365 account found through CIPP: " + user.email())
                    .build();
        }
        return user.tenantId();
    }

    /** The UPN, which CIPP's MFA and offboarding endpoints want (they refuse a value without '@'). */
    static String upn(DirectoryUser user) throws ProviderException {
        String upn = user.attributes().getOrDefault(ATTR_UPN, user.email());
        if (upn == null || !upn.contains("@")) {
            throw ProviderException.of(ErrorKind.INVALID_INPUT, "The account " + user.id() + " has no user principal name")
                    .build();
        }
        return upn;
    }

    /** An OData string literal body: a single quote is doubled, so "o'brien" cannot end the literal early. */
    static String odataLiteral(String value) {
        return value.replace("'", "''");
    }

    private static List<String> texts(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
        } else {
            out.add(e.isJsonPrimitive() ? e.getAsString() : e.toString());
        }
        return out;
    }

    private static String key(String tenantId) {
        return tenantId.toLowerCase(Locale.ROOT);
    }
}
