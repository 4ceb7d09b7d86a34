package io.signoff.provider.slack;

import io.signoff.model.Connection;

/**
 * How hard the Slack client may push: per-method budgets by Slack rate tier (calls per minute, per method, as Slack
 * counts them) and the paging bounds.
 *
 * @param tier2PerMinute  admin.users.session.*, admin.teams.list, admin.users.deactivate (Slack: 20+/min)
 * @param tier3PerMinute  users.lookupByEmail (Slack: 50+/min)
 * @param tier4PerMinute  admin.users.list, auth.test (Slack: 100+/min)
 * @param pageSize        limit sent to admin.users.list and admin.teams.list (Slack allows 1–100)
 * @param sessionPageSize limit sent to admin.users.session.list (Slack allows up to 1000)
 * @param maxPages        the most pages one listing reads before it stops (guards against a cursor that never ends)
 */
public record SlackLimits(int tier2PerMinute, int tier3PerMinute, int tier4PerMinute,
                          int pageSize, int sessionPageSize, int maxPages) {

    public static final int TIER_2_PER_MINUTE = 20;
    public static final int TIER_3_PER_MINUTE = 50;
    public static final int TIER_4_PER_MINUTE = 100;
    /** Connection settings that override the Tier 3 / Tier 4 budgets (Tier 2 follows the connection's rate budget). */
    public static final String TIER_3_SETTING = "tier3PerMinute";
    public static final String TIER_4_SETTING = "tier4PerMinute";

    public SlackLimits {
        if (tier2PerMinute < 1 || tier3PerMinute < 1 || tier4PerMinute < 1) {
            throw new IllegalArgumentException("Slack tier budgets must allow at least one call per minute");
        }
        if (pageSize < 1 || pageSize > 100) throw new IllegalArgumentException("pageSize must be 1-100, was " + pageSize);
        if (sessionPageSize < 1 || sessionPageSize > 1000) {
            throw new IllegalArgumentException("sessionPageSize must be 1-1000, was " + sessionPageSize);
        }
        if (maxPages < 1) throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
    }

    public static SlackLimits defaults() {
        return new SlackLimits(TIER_2_PER_MINUTE, TIER_3_PER_MINUTE, TIER_4_PER_MINUTE, 100, 1000, 200);
    }

    /**
     * The connection's own limits: its rate budget (when set) replaces the Tier 2 budget, the one that paces
     * session listing and revocation, so benchmarks and big orgs with raised limits can scale it.
     */
    public static SlackLimits from(Connection connection) {
        int budget = connection.requestOptions().rateBudgetPerMinute();
        return new SlackLimits(budget > 0 ? budget : TIER_2_PER_MINUTE,
                setting(connection, TIER_3_SETTING, TIER_3_PER_MINUTE),
                setting(connection, TIER_4_SETTING, TIER_4_PER_MINUTE),
                100, 1000, 200);
    }

    public int perMinute(SlackTier tier) {
        return switch (tier) {
            case TIER_2 -> tier2PerMinute;
            case TIER_3 -> tier3PerMinute;
            case TIER_4 -> tier4PerMinute;
        };
    }

    public SlackLimits withPageSizes(int users, int sessions) {
        return new SlackLimits(tier2PerMinute, tier3PerMinute, tier4PerMinute, users, sessions, maxPages);
    }

    public SlackLimits withMaxPages(int pages) {
        return new SlackLimits(tier2PerMinute, tier3PerMinute, tier4PerMinute, pageSize, sessionPageSize, pages);
    }

    private static int setting(Connection connection, String key, int fallback) {
        String value = connection.setting(key);
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Connection '" + connection.displayName() + "': setting " + key
                    + " must be a whole number of calls per minute, was '" + value + "'", e);
        }
    }
}
