package io.signoff.reliability;

import io.signoff.model.AccountStatus;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.cipp.CippProvider;
import io.signoff.provider.cloudflare.CloudflareProvider;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.provider.scim.ScimProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four real provider clients (built through {@link Providers#standard}, as the app builds them), pointed at
 * whatever base URLs a test chooses, with recognisable secrets; and every operation each one offers by capability, so
 * a hostile answer can be put in front of every code path a client has.
 */
final class ProviderCalls {
    static final String CIPP_SECRET = "RELIABILITY-cipp-client-secret-5c1f";
    static final String SLACK_TOKEN = "xoxp-RELIABILITY-slack-token-8e2b";
    static final String CLOUDFLARE_TOKEN = "RELIABILITY-cloudflare-token-3d7a";
    static final String SCIM_TOKEN = "RELIABILITY-scim-token-9b4e";
    static final String CIPP_TENANT_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String CIPP_CLIENT_ID = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e";
    static final String CLOUDFLARE_ACCOUNT = "3f9a1c7e5b2d4e6f8a0b1c2d3e4f5a6b";
    /** Every secret value a client holds: none may appear in a message, a log line or another host's request. */
    static final Set<String> SECRETS = Set.of(CIPP_SECRET, SLACK_TOKEN, CLOUDFLARE_TOKEN, SCIM_TOKEN);

    /** One blocking provider call. */
    @FunctionalInterface
    interface Call {
        Object run() throws ProviderException;
    }

    /** A named call of one client; {@code write} when it changes something at the provider. */
    record Op(String name, boolean write, Call call) {
        @Override public String toString() { return name; }
    }

    /** Where each client points. */
    record Urls(String cipp, String cippToken, String slack, String cloudflare, String scim) { }

    private ProviderCalls() { }

    /** Short timeouts and a 2 MB answer cap, so hostile answers cost seconds and megabytes, not minutes and gigabytes. */
    static RequestOptions hostileOptions() {
        return RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withMaxRetries(1)
                .withMaxResponseBytes(2L * 1024 * 1024);
    }

    static List<Connection> connections(Urls urls, RequestOptions options, String cloudflareAccount) {
        return List.of(
                new Connection("rel-cipp", ProviderKind.CIPP, "Reliability CIPP", urls.cipp(),
                        Map.of(CippProvider.SETTING_TENANT_ID, CIPP_TENANT_ID, CippProvider.SETTING_CLIENT_ID, CIPP_CLIENT_ID,
                                CippProvider.SETTING_TOKEN_URL, urls.cippToken()), options),
                new Connection("rel-slack", ProviderKind.SLACK, "Reliability Slack", urls.slack(), Map.of(), options),
                new Connection("rel-cloudflare", ProviderKind.CLOUDFLARE, "Reliability Cloudflare", urls.cloudflare(),
                        Map.of(CloudflareProvider.ACCOUNT_ID_SETTING, cloudflareAccount), options),
                new Connection("rel-scim", ProviderKind.SCIM, "Lucid", urls.scim(), Map.of(ScimProvider.LABEL_SETTING, "Lucid"),
                        options));
    }

    /** Hands each client its secret by secret name, a fresh copy each time (the clients wipe it). */
    static SecretSource secrets(String cippSecret, String slackToken, String cloudflareToken, String scimToken) {
        return (connectionId, name) -> switch (name) {
            case CippProvider.SECRET_CLIENT_SECRET -> cippSecret.toCharArray();
            case "token" -> slackToken.toCharArray();
            case CloudflareProvider.TOKEN_SECRET -> cloudflareToken.toCharArray();
            case ScimProvider.TOKEN_SECRET -> scimToken.toCharArray();
            default -> throw new AssertionError("unexpected secret " + connectionId + "/" + name);
        };
    }

    static SecretSource recognisableSecrets() {
        return secrets(CIPP_SECRET, SLACK_TOKEN, CLOUDFLARE_TOKEN, SCIM_TOKEN);
    }

    static List<Provider> providers(List<Connection> connections, SecretSource secrets) {
        Providers registry = Providers.standard(new HttpClients("signoff-reliability"), new Redactor());
        List<Provider> out = new ArrayList<>();
        for (Connection c : connections) out.add(registry.create(c, secrets));
        return out;
    }

    /** A tenant, a person and one of their sessions, in the shape each provider's own lookups produce. */
    record Target(Tenant tenant, DirectoryUser user, Session session) { }

    /** Targets made up to look right: for answers that never come from a real directory. */
    static Target madeUpTarget(Provider p) {
        Connection c = p.connection();
        String id = c.id();
        return switch (c.kind()) {
            case CIPP -> target(new Tenant(id, ProviderKind.CIPP, "contoso.onmicrosoft.com", "Contoso", "contoso.com", ""),
                    new DirectoryUser(id, ProviderKind.CIPP, "contoso.onmicrosoft.com", "0b5e2a6c-8f0e-4a51-9d84-2a1a3b4c5d6e",
                            "jane.doe@contoso.com", "Jane Doe", AccountStatus.ENABLED, false, false, false, false, null,
                            List.of(), List.of(), Map.of(CippProvider.ATTR_UPN, "jane.doe@contoso.com")), "sign-in-1");
            case SLACK -> target(new Tenant(id, ProviderKind.SLACK, "T0SIM0001", "Contoso", "contoso.slack.com", ""),
                    new DirectoryUser(id, ProviderKind.SLACK, "T0SIM0001", "WSIM00001", "jane.doe@contoso.com", "Jane Doe",
                            AccountStatus.ENABLED, false, false, false, false, null, List.of(), List.of("T0SIM0001"), Map.of()),
                    "1000001");
            case CLOUDFLARE -> target(new Tenant(id, ProviderKind.CLOUDFLARE, CLOUDFLARE_ACCOUNT, "Contoso", "", ""),
                    new DirectoryUser(id, ProviderKind.CLOUDFLARE, CLOUDFLARE_ACCOUNT, "4c3b2a19-0f8e-4d7c-a6b5-9e8d7c6b5a49",
                            "jane.doe@contoso.com", "Jane Doe", AccountStatus.ENABLED, false, false, false, false, null,
                            List.of(), List.of(), Map.of()), "nonce-1");
            case SCIM -> target(new Tenant(id, ProviderKind.SCIM, c.baseUrl(), "Lucid", "", ""),
                    new DirectoryUser(id, ProviderKind.SCIM, c.baseUrl(), "u-0001", "jane.doe@contoso.com", "Jane Doe",
                            AccountStatus.ENABLED, false, false, false, false, null, List.of(), List.of(), Map.of()), "manual");
        };
    }

    private static Target target(Tenant tenant, DirectoryUser user, String sessionId) {
        return new Target(tenant, user, new Session(user.connectionId(), user.kind(), user.tenantId(), user.id(), sessionId,
                null, null, null, null, null, List.of(), null, null, null, true));
    }

    /**
     * Every call the client offers that goes over HTTP, by capability (what the UI and the offboarding runner reach).
     * Calls answered without HTTP (Cloudflare's and SCIM's single tenant, SCIM's manual session list) are left out.
     */
    static List<Op> operations(Provider p, Target t) {
        List<Op> ops = new ArrayList<>();
        String n = p.connection().kind().displayName() + " ";
        ProviderKind kind = p.connection().kind();
        ops.add(new Op(n + "testConnection", false, p::testConnection));
        if (kind == ProviderKind.CIPP || kind == ProviderKind.SLACK) ops.add(new Op(n + "listTenants", false, p::listTenants));
        ops.add(new Op(n + "findUsers(email)", false, () -> p.findUsers(t.tenant(), t.user().email())));
        ops.add(new Op(n + "findUsers(name)", false, () -> p.findUsers(t.tenant(), "Jane")));
        ops.add(new Op(n + "getUser", false, () -> p.getUser(t.tenant(), t.user().id())));
        if (p.supports(Capability.LIST_SESSIONS) && kind != ProviderKind.SCIM) {
            ops.add(new Op(n + "listSessions", false, () -> p.listSessions(t.user())));
        }
        if (p.supports(Capability.REVOKE_ONE_SESSION)) {
            ops.add(new Op(n + "revokeSession", true, () -> p.revokeSession(t.user(), t.session())));
        }
        if (p.supports(Capability.REVOKE_ALL_SESSIONS)) {
            ops.add(new Op(n + "revokeAllSessions", true, () -> p.revokeAllSessions(t.user(), RevokeOptions.all())));
        }
        if (p.supports(Capability.DISABLE_SIGN_IN)) ops.add(new Op(n + "disableSignIn", true, () -> p.disableSignIn(t.user())));
        if (p.supports(Capability.RESET_PASSWORD)) {
            ops.add(new Op(n + "resetPassword", true, () -> {
                p.resetPassword(t.user(), true).wipe();
                return "reset";
            }));
        }
        if (p.supports(Capability.RESET_MFA)) ops.add(new Op(n + "resetMfa", true, () -> p.resetMfa(t.user())));
        if (p.supports(Capability.DEACTIVATE)) ops.add(new Op(n + "deactivate", true, () -> p.deactivate(t.user())));
        if (p.supports(Capability.HARD_DELETE)) ops.add(new Op(n + "hardDelete", true, () -> p.hardDelete(t.user())));
        if (p.supports(Capability.OFFBOARD_BUNDLE)) {
            ops.add(new Op(n + "queueOffboarding", true, () -> p.queueOffboarding(t.user(),
                    new BundleRequest(Map.of("RevokeSessions", true), "REL-1", null, null))));
            ops.add(new Op(n + "offboardingStatus", false, () -> p.offboardingStatus(new BundleJob(p.connection().id(),
                    t.user().tenantId(), t.user().email(), CippProvider.JOB_NAME_PREFIX + t.user().email(), ""))));
        }
        return ops;
    }
}
