package io.signoff.ui.offboarding;

import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.offboarding.AccountLookup;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.TargetAccount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Page 2's state: which connections to search, the accounts found in each (and those not found, with why), and which
 * found accounts the operator keeps in scope. Plain Java.
 */
final class ScopeModel {

    /**
     * One line of the scope table.
     *
     * @param key      identifies a found account across searches ("" for a not-found line)
     * @param result   "found", "not found", "not reachable"
     * @param detail   the account's state and roles when found, else the reason
     */
    record Row(String key, String person, String connection, String tenant, String account, String result,
               String detail, boolean found, boolean included) { }

    private final Map<String, Connection> connections = new LinkedHashMap<>();
    private final Set<String> selected = new LinkedHashSet<>();
    private final Set<String> excluded = new HashSet<>();
    private List<OffboardingTarget> targets = List.of();

    /** Sets the connections on offer; a new connection starts selected, a gone one is dropped. */
    void setConnections(List<Connection> available) {
        Set<String> before = new HashSet<>(connections.keySet());
        connections.clear();
        for (Connection c : available) {
            connections.put(c.id(), c);
            if (!before.contains(c.id())) selected.add(c.id());
        }
        selected.retainAll(connections.keySet());
    }

    List<Connection> connections() { return List.copyOf(connections.values()); }

    boolean isSelected(String connectionId) { return selected.contains(connectionId); }

    void select(String connectionId, boolean on) {
        if (on && connections.containsKey(connectionId)) selected.add(connectionId);
        else selected.remove(connectionId);
    }

    Set<String> selectedConnectionIds() { return Set.copyOf(selected); }

    boolean anyConnectionSelected() { return !selected.isEmpty(); }

    /** The search results; previous exclusions of accounts still found are kept. */
    void setTargets(List<OffboardingTarget> found) {
        targets = List.copyOf(found);
    }

    List<OffboardingTarget> targets() { return targets; }

    void include(String key, boolean on) {
        if (on) excluded.remove(key);
        else excluded.add(key);
    }

    List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (OffboardingTarget t : targets) {
            for (TargetAccount a : t.accounts()) {
                if (!selected.contains(a.connection().id())) continue;
                String tenant = a.tenant() == null ? "" : a.tenant().displayName();
                if (a.found()) {
                    String key = key(t, a);
                    out.add(new Row(key, t.displayName(), a.connection().displayName(), tenant, accountLabel(a.account()),
                            "found", describe(a.account()), true, !excluded.contains(key)));
                } else {
                    String result = a.lookup() == AccountLookup.UNREACHABLE ? "not reachable" : "not found";
                    out.add(new Row("", t.displayName(), a.connection().displayName(), tenant, t.email(), result,
                            a.detail().isBlank() ? "no account for this address" : a.detail(), false, false));
                }
            }
        }
        return out;
    }

    /**
     * The people as the plan should see them: only the selected connections, and without the accounts the operator
     * left out. A person left with no account at all is dropped (the page says so).
     */
    List<OffboardingTarget> targetsInScope() {
        List<OffboardingTarget> out = new ArrayList<>();
        for (OffboardingTarget t : targets) {
            List<TargetAccount> kept = new ArrayList<>();
            for (TargetAccount a : t.accounts()) {
                if (!selected.contains(a.connection().id())) continue;
                if (a.found() && excluded.contains(key(t, a))) continue;
                kept.add(a);
            }
            if (kept.stream().anyMatch(TargetAccount::found)) {
                out.add(new OffboardingTarget(t.email(), t.displayName(), kept));
            }
        }
        return out;
    }

    /** People searched for whom nothing in scope was found. */
    List<String> peopleWithoutAccounts() {
        List<String> kept = targetsInScope().stream().map(OffboardingTarget::email).toList();
        return targets.stream().map(OffboardingTarget::email).filter(e -> !kept.contains(e)).toList();
    }

    boolean canProceed() { return !targetsInScope().isEmpty(); }

    /** "2 people · 7 accounts in scope · 3 not found · 1 connection not reachable" */
    String summary() {
        List<Row> rows = rows();
        long found = rows.stream().filter(r -> r.found() && r.included()).count();
        long notFound = rows.stream().filter(r -> r.result().equals("not found")).count();
        long unreachable = rows.stream().filter(r -> r.result().equals("not reachable")).count();
        StringBuilder s = new StringBuilder();
        s.append(targets.size()).append(targets.size() == 1 ? " person" : " people").append(" · ")
                .append(found).append(found == 1 ? " account" : " accounts").append(" in scope");
        if (notFound > 0) s.append(" · ").append(notFound).append(" not found");
        if (unreachable > 0) s.append(" · ").append(unreachable).append(" not reachable");
        return s.toString();
    }

    private static String key(OffboardingTarget t, TargetAccount a) {
        return t.email() + '\u0000' + a.connection().id() + '\u0000' + a.tenantId() + '\u0000' + a.account().id();
    }

    private static String accountLabel(DirectoryUser u) {
        return u.email().isBlank() ? u.id() : u.email() + " (" + u.id() + ")";
    }

    private static String describe(DirectoryUser u) {
        List<String> parts = new ArrayList<>();
        parts.add(u.status().name().toLowerCase(java.util.Locale.ROOT));
        if (u.primaryOwner()) parts.add("primary owner");
        else if (u.owner()) parts.add("owner");
        else if (u.admin()) parts.add("admin");
        if (u.bot()) parts.add("bot");
        return String.join(", ", parts);
    }
}
