package io.signoff.offboarding;

import io.signoff.model.AccountStatus;
import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-built people and accounts with the capabilities the real clients declare, for plan tests. */
final class PlanFixtures {
    static final Set<Capability> CIPP_CAPS = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER, Capability.LIST_SESSIONS,
            Capability.REVOKE_ALL_SESSIONS, Capability.DISABLE_SIGN_IN, Capability.RESET_PASSWORD, Capability.RESET_MFA,
            Capability.OFFBOARD_BUNDLE);
    static final Set<Capability> SLACK_CAPS = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER, Capability.LIST_SESSIONS,
            Capability.REVOKE_ONE_SESSION, Capability.REVOKE_ALL_SESSIONS, Capability.DEACTIVATE);
    static final Set<Capability> CLOUDFLARE_CAPS = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER,
            Capability.LIST_SESSIONS, Capability.REVOKE_ALL_SESSIONS);
    static final Set<Capability> SCIM_CAPS = EnumSet.of(Capability.LIST_TENANTS, Capability.FIND_USER, Capability.LIST_SESSIONS,
            Capability.DEACTIVATE, Capability.HARD_DELETE);
    static final String LUCID_LOGOUT = "In Lucid Admin, open the user and choose 'Log out user'";

    static final Connection CIPP = connection("cipp", ProviderKind.CIPP, "Demo MSP");
    static final Connection SLACK = connection("slack", ProviderKind.SLACK, "Contoso Grid");
    static final Connection CLOUDFLARE = connection("cloudflare", ProviderKind.CLOUDFLARE, "Contoso Zero Trust");
    static final Connection LUCID = connection("lucid", ProviderKind.SCIM, "Lucid");

    private PlanFixtures() { }

    static Connection connection(String id, ProviderKind kind, String name) {
        return new Connection(id, kind, name, "https://" + id + ".example", Map.of(), null);
    }

    static DirectoryUser user(Connection c, String tenant, String id, String email, boolean admin, boolean primaryOwner) {
        return new DirectoryUser(c.id(), c.kind(), tenant, id, email, "Jane Doe", AccountStatus.ENABLED, admin, primaryOwner,
                primaryOwner, false, null, List.of(), List.of(), Map.of());
    }

    static TargetAccount account(Connection c, Set<Capability> caps, String tenant, String id, String email, String manual,
                                 Map<String, Object> defaults) {
        return TargetAccount.found(c, new Tenant(c.id(), c.kind(), tenant, tenant, null, null),
                user(c, tenant, id, email, false, false), caps, manual, defaults);
    }

    /** Jane in all four providers. */
    static OffboardingTarget jane() {
        return person("jane.doe@contoso.com", Map.of());
    }

    static OffboardingTarget person(String email, Map<String, Object> cippDefaults) {
        return new OffboardingTarget(email, "Jane Doe", List.of(
                account(CIPP, CIPP_CAPS, "contoso.onmicrosoft.com", "aad-" + email, email, null, cippDefaults),
                account(SLACK, SLACK_CAPS, "T01HQCONTO", "W-" + email, email, null, Map.of()),
                account(CLOUDFLARE, CLOUDFLARE_CAPS, "cf-account", "cf-" + email, email, null, Map.of()),
                account(LUCID, SCIM_CAPS, "lucid", "lucid-" + email, email, LUCID_LOGOUT, Map.of())));
    }
}
