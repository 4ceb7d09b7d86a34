package io.signoff.model;

/** The kinds of system Signoff can reach. Views and plan builders ask {@link Capability}, never the kind. */
public enum ProviderKind {
    CIPP("Microsoft 365 (CIPP)", "cipp"),
    SLACK("Slack Enterprise Grid", "slack"),
    CLOUDFLARE("Cloudflare Access", "cloudflare"),
    SCIM("SCIM app", "scim");

    private final String displayName;
    private final String slug;

    ProviderKind(String displayName, String slug) {
        this.displayName = displayName;
        this.slug = slug;
    }

    public String displayName() { return displayName; }

    /** Stable lower-case name used in settings files, CLI flags and audit rows. */
    public String slug() { return slug; }

    public static ProviderKind fromSlug(String value) {
        for (ProviderKind kind : values()) {
            if (kind.slug.equalsIgnoreCase(value) || kind.name().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown provider '" + value + "'; expected one of cipp, slack, cloudflare, scim");
    }
}
