package io.signoff.offboarding;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One person to offboard: the address they are known by and every connection/tenant searched for them.
 *
 * @param accounts one entry per connection (and tenant) searched, found or not, in the order they were searched
 */
public record OffboardingTarget(String email, String displayName, List<TargetAccount> accounts) {

    public OffboardingTarget {
        Objects.requireNonNull(email, "email");
        email = email.strip().toLowerCase(Locale.ROOT);
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public List<TargetAccount> found() {
        return accounts.stream().filter(TargetAccount::found).toList();
    }

    /** Connections where no account was found or that could not be asked. */
    public List<TargetAccount> missing() {
        return accounts.stream().filter(a -> !a.found()).toList();
    }
}
