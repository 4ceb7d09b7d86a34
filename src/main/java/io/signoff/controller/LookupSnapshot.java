package io.signoff.controller;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person search as known at one moment. The search publishes a new snapshot each time any connection answers, so a
 * view renders the newest one and never waits for the slowest provider.
 *
 * @param people accounts found so far, merged into people
 */
public record LookupSnapshot(SearchQuery query, List<ConnectionSearch> connections, List<Person> people,
                             boolean finished, boolean cancelled) {
    public LookupSnapshot {
        connections = List.copyOf(connections);
        people = List.copyOf(people);
    }

    public Optional<ConnectionSearch> connection(String connectionId) {
        return connections.stream().filter(c -> c.connection().id().equals(connectionId)).findFirst();
    }

    /** Searched addresses that no account answered to (meaningful once finished). */
    public List<String> notFound() {
        return query.emails().stream().filter(e -> people.stream().map(Person::addresses).noneMatch(a -> contains(a, e))).toList();
    }

    private static boolean contains(Set<String> addresses, String email) {
        return addresses.contains(email);
    }

    public int searching() {
        return (int) connections.stream().filter(c -> c.state() == SearchState.SEARCHING).count();
    }
}
