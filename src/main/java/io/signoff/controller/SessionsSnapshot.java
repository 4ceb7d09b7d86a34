package io.signoff.controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A person's sessions across providers as known at one moment. */
public record SessionsSnapshot(Person person, List<AccountSessions> accounts) {
    public SessionsSnapshot {
        accounts = List.copyOf(accounts);
    }

    public boolean finished() {
        return accounts.stream().allMatch(a -> a.state().done());
    }

    public int sessionCount() {
        return accounts.stream().mapToInt(AccountSessions::sessionCount).sum();
    }

    public Optional<AccountSessions> account(String connectionId, String userId) {
        return accounts.stream()
                .filter(a -> a.connection().id().equals(connectionId) && a.account().id().equals(userId)).findFirst();
    }

    /** Table rows: every session, plus one row per account without sessions saying why (none, manual, error). */
    public List<SessionRow> rows() {
        List<SessionRow> rows = new ArrayList<>();
        for (AccountSessions a : accounts) {
            switch (a.state()) {
                case LOADING -> rows.add(new SessionRow(SessionRow.Kind.LOADING, a, null, "Loading…"));
                case ERROR -> rows.add(new SessionRow(SessionRow.Kind.ERROR, a, null, a.message()));
                case NOT_CONNECTED -> rows.add(new SessionRow(SessionRow.Kind.ERROR, a, null, a.message()));
                case LOADED -> {
                    if (a.sessions() == null || a.sessions().manualOnly() || a.sessions().sessions().isEmpty() && a.manualOnly()) {
                        rows.add(new SessionRow(SessionRow.Kind.MANUAL, a, null, "No API — manual step: " + a.manualInstruction()));
                    } else if (a.sessions().sessions().isEmpty()) {
                        rows.add(new SessionRow(SessionRow.Kind.NONE, a, null, "No active sessions"));
                    } else {
                        a.sessions().sessions().forEach(s -> rows.add(new SessionRow(SessionRow.Kind.SESSION, a, s, "")));
                    }
                }
            }
        }
        return rows;
    }
}
