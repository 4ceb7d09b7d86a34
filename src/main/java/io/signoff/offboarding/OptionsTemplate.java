package io.signoff.offboarding;

import java.time.Instant;
import java.util.Objects;

/**
 * A named set of options a helpdesk reuses ("Leaver — standard", "Compromised account").
 *
 * @param tenant  the tenant it was made for (CIPP defaultDomainName), or null for a template that applies everywhere
 * @param savedAt when it was last saved (set by the store)
 */
public record OptionsTemplate(String name, String tenant, OffboardingOptions options, Instant savedAt) {
    public OptionsTemplate {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("a template needs a name");
        name = name.strip();
        tenant = tenant == null || tenant.isBlank() ? null : tenant.strip();
        options = options == null ? OffboardingOptions.empty() : options;
    }

    public boolean appliesTo(String tenantId) {
        return tenant == null || tenant.equalsIgnoreCase(tenantId);
    }
}
