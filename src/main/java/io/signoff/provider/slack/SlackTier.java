package io.signoff.provider.slack;

/** Slack's Web API rate tiers, which Slack counts per method, per org, per app. */
public enum SlackTier {
    TIER_2, TIER_3, TIER_4;

    /** The tier of each method this client calls; methods Slack lists as "special" are counted as Tier 4. */
    static SlackTier of(String method) {
        return switch (method) {
            case "users.lookupByEmail" -> TIER_3;
            case "admin.users.list", "auth.test" -> TIER_4;
            // admin.users.session.*, admin.teams.list and admin.users.deactivate (undocumented tier: the safe guess)
            default -> TIER_2;
        };
    }
}
