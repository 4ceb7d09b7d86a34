package io.signoff.controller;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One human across providers: the union of their accounts, matched by email address (primary or alias).
 *
 * @param email       the address the person is known by: the one searched for, else the most common primary address
 * @param accounts    one entry per (connection, provider user id), in the order the providers answered
 */
public record Person(String email, String displayName, List<DirectoryUser> accounts) {

    public Person {
        Objects.requireNonNull(email, "email");
        accounts = List.copyOf(accounts);
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
    }

    /** Every address any of the accounts answers to, lower-cased. */
    public Set<String> addresses() {
        Set<String> out = new LinkedHashSet<>();
        if (!email.isBlank()) out.add(email.toLowerCase(Locale.ROOT));
        for (DirectoryUser account : accounts) {
            if (!account.email().isBlank()) out.add(account.email().toLowerCase(Locale.ROOT));
            account.aliases().forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    public boolean privileged() {
        return accounts.stream().anyMatch(DirectoryUser::privileged);
    }

    public Set<ProviderKind> kinds() {
        Set<ProviderKind> out = new LinkedHashSet<>();
        accounts.forEach(a -> out.add(a.kind()));
        return out;
    }

    /** True when at least one account can still sign in (not disabled, deactivated or deleted). */
    public boolean anyActive() {
        return accounts.stream().anyMatch(a -> a.status() == AccountStatus.ENABLED || a.status() == AccountStatus.UNKNOWN);
    }

    public Instant lastActivity() {
        return accounts.stream().map(DirectoryUser::lastActivity).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    /** Short description of the roles held anywhere ("Slack primary owner, M365 admin"), or an empty string. */
    public String roles() {
        Set<String> out = new LinkedHashSet<>();
        for (DirectoryUser a : accounts) {
            String role = a.primaryOwner() ? "primary owner" : a.owner() ? "owner" : a.admin() ? "admin" : null;
            if (role != null) out.add(a.kind().displayName() + " " + role);
        }
        return String.join(", ", out);
    }
}
