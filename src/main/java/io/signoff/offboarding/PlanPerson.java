package io.signoff.offboarding;

import java.util.List;

/**
 * A person in a plan, with where they were found and where not.
 *
 * @param foundOn   display names of the connections (and tenants) holding an account
 * @param missingOn "connection: reason" for connections without an account or not reachable
 */
public record PlanPerson(String email, String displayName, List<String> foundOn, List<String> missingOn) {
    public PlanPerson {
        foundOn = foundOn == null ? List.of() : List.copyOf(foundOn);
        missingOn = missingOn == null ? List.of() : List.copyOf(missingOn);
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
    }
}
