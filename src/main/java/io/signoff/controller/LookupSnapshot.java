package io.signoff.controller;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A person search as known at one moment. The search publishes a new snapshot each time any connection answers, so a
 * view renders the newest one and never waits for the slowest provider.
 *
 * @param people         accounts found so far, merged into people
 * @param foundAddresses the searched addresses at least one account was found for
 */
public record LookupSnapshot(SearchQuery query, List<ConnectionSearch> connections, List<Person> people,
                             Set<String> foundAddresses, boolean finished, boolean cancelled) {
    public LookupSnapshot {
        connections = List.copyOf(connections);
        people = List.copyOf(people);
        foundAddresses = Set.copyOf(foundAddresses);
    }

    public Optional<ConnectionSearch> connection(String connectionId) {
        return connections.stream().filter(c -> c.connection().id().equals(connectionId)).findFirst();
    }

    /** Searched addresses for which no provider found an account (meaningful once finished). */
    public List<String> notFound() {
        return query.emails().stream().filter(e -> !foundAddresses.contains(e)).toList();
    }

    public int searching() {
        return (int) connections.stream().filter(c -> c.state() == SearchState.SEARCHING).count();
    }
}
