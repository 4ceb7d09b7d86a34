package io.signoff.ui.offboarding;

import io.signoff.model.AccountStatus;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.TargetAccount;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built people and connections for the view-model tests (no provider, no FX). */
final class Fixtures {
    static final Connection CIPP = new Connection("cipp", ProviderKind.CIPP, "Demo MSP", "http://127.0.0.1/cipp", Map.of(), null);
    static final Connection SLACK = new Connection("slack", ProviderKind.SLACK, "Contoso Grid", "http://127.0.0.1/slack", Map.of(), null);
    static final Connection CLOUDFLARE = new Connection("cf", ProviderKind.CLOUDFLARE, "Zero Trust", "http://127.0.0.1/cf", Map.of(), null);
    static final Connection LUCID = new Connection("lucid", ProviderKind.SCIM, "Lucid", "http://127.0.0.1/scim", Map.of(), null);

    static final Set<Capability> CIPP_CAPS = EnumSet.of(Capability.FIND_USER, Capability.REVOKE_ALL_SESSIONS,
            Capability.DISABLE_SIGN_IN, Capability.OFFBOARD_BUNDLE);
    static final Set<Capability> SLACK_CAPS = EnumSet.of(Capability.FIND_USER, Capability.REVOKE_ALL_SESSIONS, Capability.DEACTIVATE);
    static final Set<Capability> CF_CAPS = EnumSet.of(Capability.FIND_USER, Capability.REVOKE_ALL_SESSIONS);
    static final Set<Capability> SCIM_CAPS = EnumSet.of(Capability.FIND_USER, Capability.DEACTIVATE, Capability.HARD_DELETE);

    static final String LUCID_LOGOUT = "Lucid admin panel → Users → Log out user";

    private Fixtures() { }

    static Tenant tenant(Connection c, String id) {
        return new Tenant(c.id(), c.kind(), id, id, id, "");
    }

    static DirectoryUser user(Connection c, String tenant, String id, String email, boolean admin) {
        return new DirectoryUser(c.id(), c.kind(), tenant, id, email, "Jane Doe", AccountStatus.ENABLED, admin, false, false,
                false, null, List.of(), List.of(), Map.of());
    }

    /** Jane in all four providers; CIPP sends offboarding defaults for her tenant. */
    static OffboardingTarget jane() {
        String email = "jane.doe@contoso.com";
        return new OffboardingTarget(email, "Jane Doe", List.of(
                TargetAccount.found(CIPP, tenant(CIPP, "contoso.onmicrosoft.com"), user(CIPP, "contoso.onmicrosoft.com", "g-1", email, false),
                        CIPP_CAPS, null, Map.of(BundleOptions.CONVERT_TO_SHARED, true, BundleOptions.HIDE_FROM_GAL, true)),
                TargetAccount.found(SLACK, tenant(SLACK, "E1"), user(SLACK, "E1", "W1", email, true), SLACK_CAPS, null, Map.of()),
                TargetAccount.found(CLOUDFLARE, tenant(CLOUDFLARE, "acc1"), user(CLOUDFLARE, "acc1", "cf-1", email, false), CF_CAPS, null, Map.of()),
                TargetAccount.found(LUCID, tenant(LUCID, "lucid"), user(LUCID, "lucid", "lucid-1", email, false), SCIM_CAPS, LUCID_LOGOUT, Map.of())));
    }

    /** Omar: in CIPP (another tenant), not in Slack, Cloudflare not reachable. */
    static OffboardingTarget omar() {
        String email = "omar.haddad@contoso.com";
        return new OffboardingTarget(email, "Omar Haddad", List.of(
                TargetAccount.found(CIPP, tenant(CIPP, "fabrikam.onmicrosoft.com"), user(CIPP, "fabrikam.onmicrosoft.com", "g-2", email, false),
                        CIPP_CAPS, null, Map.of()),
                TargetAccount.notFound(SLACK, tenant(SLACK, "E1"), SLACK_CAPS, "users_not_found"),
                TargetAccount.unreachable(CLOUDFLARE, null, "The provider rejected the credentials")));
    }
}
