package io.signoff.simulator.slack;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.slack.SlackReplies.Page;
import io.signoff.simulator.slack.SlackReplies.SlackError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The mutable state of the simulated Enterprise Grid org and the admin methods that read and change it.
 * Every public-to-the-package method is synchronized: the server calls them from many worker threads.
 */
final class SlackDirectory {
    static final long FIRST_SESSION_ID = 1_000_001L;

    record Team(String id, String name, String domain) { }

    record User(String id, String email, String username, String fullName, String givenName, boolean admin,
                boolean owner, boolean primaryOwner, boolean bot, boolean has2fa, long dateCreated, long lastActive,
                List<String> workspaces, boolean active, long deactivatedTs) {
        User deactivated(long when) {
            return new User(id, email, username, fullName, givenName, admin, owner, primaryOwner, bot, has2fa,
                    dateCreated, lastActive, workspaces, false, when);
        }
    }

    record SimSession(long id, String userId, String teamId, Seed.Device device) {
        /** Slack's "mobile" covers the phone apps; web and desktop apps share the other session class. */
        boolean mobile() {
            String os = device.os() == null ? "" : device.os().toLowerCase(Locale.ROOT);
            return os.equals("ios") || os.equals("android");
        }
    }

    private final String enterpriseId;
    private final String enterpriseName;
    private final List<Team> teams = new ArrayList<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final TreeMap<Long, SimSession> sessions = new TreeMap<>();

    SlackDirectory(Seed seed) {
        Seed.SlackOrg org = seed.slack();
        this.enterpriseId = org.enterpriseId();
        this.enterpriseName = org.enterpriseName();
        for (Seed.Workspace w : org.workspaces()) teams.add(new Team(w.id(), w.name(), w.domain()));
        long nextSession = FIRST_SESSION_ID;
        for (Seed.Person p : seed.peopleIn(ProviderKind.SLACK)) {
            int n = Integer.parseInt(p.key().substring(1));
            User user = new User(userId(p.key()), p.email(), p.email().substring(0, p.email().indexOf('@')),
                    p.displayName(), p.givenName(), p.admin(), p.owner(), p.primaryOwner(), p.bot(), n % 3 != 0,
                    seed.now().minus(Duration.ofDays(30L + n % 700)).getEpochSecond(),
                    p.lastActivity().getEpochSecond(), p.slackWorkspaces(), true, 0);
            // Seed "disabled" describes the Microsoft 365 account: Slack stays active, which is exactly the gap
            // an offboarding has to close.
            users.put(user.id(), user);
            if (p.bot()) continue; // bot users never sign in, so they hold no sessions
            for (String teamId : p.slackWorkspaces()) {
                for (Seed.Device d : p.devices()) {
                    sessions.put(nextSession, new SimSession(nextSession, user.id(), teamId, d));
                    nextSession++;
                }
            }
        }
    }

    /**
     * Grid users mostly carry org-level W ids; some keep the U id of the workspace they came from before the
     * migration to Grid. Derived from the person key so ids are stable across runs.
     */
    static String userId(String personKey) {
        int n = Integer.parseInt(personKey.substring(1));
        return (n % 5 == 0 ? "U" : "W") + "SIM" + personKey.substring(1);
    }

    String enterpriseId() { return enterpriseId; }

    String enterpriseName() { return enterpriseName; }

    synchronized SimResponse teamsList(SlackArgs args) throws SlackError {
        Page<Team> page = SlackReplies.page(teams, args, 100, 100);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Team t : page.items()) {
            User owner = users.values().stream().filter(u -> u.primaryOwner() && u.workspaces().contains(t.id()))
                    .findFirst().orElse(null);
            Map<String, Object> team = new LinkedHashMap<>();
            team.put("id", t.id());
            team.put("name", t.name());
            team.put("discoverability", "open");
            if (owner != null) team.put("primary_owner", Map.of("user_id", owner.id(), "email", owner.email()));
            team.put("team_url", "https://" + t.domain() + ".slack.com/");
            out.add(team);
        }
        return SlackReplies.ok(Map.of("teams", out, "response_metadata", page.metadata()));
    }

    synchronized SimResponse lookupByEmail(SlackArgs args) throws SlackError {
        String email = args.get("email");
        if (email == null) throw new SlackError("invalid_arguments");
        // Slack matches the primary address only: aliases known to the mail system are not Slack's business.
        User u = users.values().stream().filter(x -> x.email().equalsIgnoreCase(email)).findFirst()
                .orElseThrow(() -> new SlackError("users_not_found"));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("email", u.email());
        profile.put("real_name", u.fullName());
        profile.put("display_name", u.givenName());
        Map<String, Object> enterpriseUser = new LinkedHashMap<>();
        enterpriseUser.put("id", u.id());
        enterpriseUser.put("enterprise_id", enterpriseId);
        enterpriseUser.put("enterprise_name", enterpriseName);
        enterpriseUser.put("is_admin", u.admin());
        enterpriseUser.put("is_owner", u.owner());
        enterpriseUser.put("is_primary_owner", u.primaryOwner());
        enterpriseUser.put("teams", u.workspaces());
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", u.id());
        user.put("team_id", u.workspaces().isEmpty() ? enterpriseId : u.workspaces().get(0));
        user.put("name", u.username());
        user.put("deleted", !u.active());
        user.put("real_name", u.fullName());
        user.put("is_admin", u.admin());
        user.put("is_owner", u.owner());
        user.put("is_primary_owner", u.primaryOwner());
        user.put("is_bot", u.bot());
        user.put("profile", profile);
        user.put("enterprise_user", enterpriseUser);
        return SlackReplies.ok(Map.of("user", user));
    }

    synchronized SimResponse usersList(SlackArgs args) throws SlackError {
        String teamId = args.get("team_id");
        if (teamId != null) team(teamId);
        String activeFilter = args.get("is_active");
        Predicate<User> wanted = u -> (teamId == null || u.workspaces().contains(teamId))
                && (activeFilter == null || u.active() == Boolean.parseBoolean(activeFilter));
        Page<User> page = SlackReplies.page(users.values().stream().filter(wanted).toList(), args, 100, 100);
        List<Map<String, Object>> out = new ArrayList<>();
        for (User u : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.id());
            m.put("email", u.email());
            m.put("username", u.username());
            m.put("full_name", u.fullName());
            m.put("is_active", u.active());
            m.put("is_admin", u.admin());
            m.put("is_owner", u.owner());
            m.put("is_primary_owner", u.primaryOwner());
            m.put("is_bot", u.bot());
            m.put("has_2fa", u.has2fa());
            m.put("has_sso", true);
            m.put("date_created", u.dateCreated());
            if (!u.active()) m.put("deactivated_ts", u.deactivatedTs());
            m.put("last_active_ts", u.lastActive());
            m.put("workspaces", u.workspaces());
            out.add(m);
        }
        return SlackReplies.ok(Map.of("users", out, "response_metadata", page.metadata()));
    }

    synchronized SimResponse sessionList(SlackArgs args) throws SlackError {
        String userId = args.get("user_id");
        String teamId = args.get("team_id");
        // Both or neither: one alone is refused, neither lists every session of the whole org.
        if (userId != null && teamId == null) throw new SlackError("missing_team");
        if (userId == null && teamId != null) throw new SlackError("missing_user");
        Predicate<SimSession> wanted = s -> true;
        if (userId != null) {
            team(teamId);
            User u = user(userId);
            if (u.bot()) throw new SlackError("bots_not_allowed");
            if (!u.workspaces().contains(teamId)) throw new SlackError("user_not_found");
            wanted = s -> s.userId().equals(userId) && s.teamId().equals(teamId);
        }
        List<SimSession> matching = sessions.values().stream().filter(wanted).toList();
        if (matching.isEmpty()) throw new SlackError("no_active_sessions");
        Page<SimSession> page = SlackReplies.page(matching, args, 100, 1000);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimSession s : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user_id", s.userId());
            m.put("team_id", s.teamId());
            m.put("session_id", s.id());
            m.put("created", device(s.device()));
            m.put("recent", device(s.device()));
            out.add(m);
        }
        return SlackReplies.ok(Map.of("active_sessions", out, "response_metadata", page.metadata()));
    }

    synchronized SimResponse invalidate(SlackArgs args, boolean callerIsPrimaryOwner) throws SlackError {
        String rawId = args.get("session_id");
        String userId = args.get("user_id");
        String teamId = args.get("team_id");
        if (rawId == null || (userId == null && teamId == null)) throw new SlackError("invalid_arguments");
        long sessionId;
        try {
            sessionId = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw new SlackError("invalid_arguments");
        }
        if (userId != null) user(userId);
        SimSession s = sessions.get(sessionId);
        if (s == null || (userId != null && !s.userId().equals(userId)) || (teamId != null && !s.teamId().equals(teamId))) {
            throw new SlackError("session_not_found");
        }
        if (user(s.userId()).primaryOwner() && !callerIsPrimaryOwner) throw new SlackError("cannot_invalidate_primary_owner");
        sessions.remove(sessionId);
        return SlackReplies.ok(Map.of()).withEffect("slack:invalidate:" + sessionId);
    }

    synchronized SimResponse reset(SlackArgs args, boolean callerIsPrimaryOwner) throws SlackError {
        String userId = args.get("user_id");
        if (userId == null) throw new SlackError("invalid_arguments");
        boolean webOnly = args.flag("web_only");
        boolean mobileOnly = args.flag("mobile_only");
        if (webOnly && mobileOnly) throw new SlackError("invalid_arguments");
        User u = user(userId);
        if (u.bot()) throw new SlackError("cannot_reset_bot");
        if (u.primaryOwner() && !callerIsPrimaryOwner) throw new SlackError("cannot_reset_primary_owner");
        sessions.values().removeIf(s -> s.userId().equals(userId)
                && (!webOnly || !s.mobile()) && (!mobileOnly || s.mobile()));
        return SlackReplies.ok(Map.of()).withEffect("slack:reset:" + userId);
    }

    synchronized SimResponse deactivate(SlackArgs args, boolean callerIsPrimaryOwner) throws SlackError {
        String userId = args.get("user_id");
        if (userId == null) throw new SlackError("invalid_arguments");
        User u = user(userId);
        // admin.users.remove's refusal: no admin may remove the primary owner from the org.
        if (u.primaryOwner() && !callerIsPrimaryOwner) throw new SlackError("cannot_modify_primary_owner");
        if (!u.active()) return SlackReplies.ok(Map.of()); // already deactivated: nothing changes, nothing to count
        users.put(userId, u.deactivated(Instant.now().getEpochSecond()));
        // A deactivated account is signed out everywhere.
        sessions.values().removeIf(s -> s.userId().equals(userId));
        return SlackReplies.ok(Map.of()).withEffect("slack:deactivate:" + userId);
    }

    /** For tests: how many live sessions a user has, per the simulator's own state. */
    synchronized List<Long> sessionIds(String userId) {
        return sessions.values().stream().filter(s -> s.userId().equals(userId)).map(SimSession::id).toList();
    }

    synchronized boolean isActive(String userId) {
        User u = users.get(userId);
        return u != null && u.active();
    }

    private Team team(String teamId) throws SlackError {
        return teams.stream().filter(t -> t.id().equals(teamId)).findFirst()
                .orElseThrow(() -> new SlackError("team_not_found"));
    }

    private User user(String userId) throws SlackError {
        User u = users.get(userId);
        if (u == null) throw new SlackError("user_not_found");
        return u;
    }

    private static Map<String, Object> device(Seed.Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device_hardware", d.hardware());
        m.put("os", d.os());
        m.put("os_version", d.osVersion());
        m.put("slack_client_version", d.client());
        m.put("ip", d.ip());
        return m;
    }
}
