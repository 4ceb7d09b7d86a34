package io.signoff.cli;

import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.LookupController;
import io.signoff.controller.LookupRun;
import io.signoff.controller.LookupScope;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.controller.SearchQuery;
import io.signoff.controller.SearchState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fan-out person search as the commands use it: the controller's search, waited for, with a progress line. */
final class PersonSearch {
    private PersonSearch() { }

    /** The addresses on the command line; anything that is not an address is a usage error. */
    static SearchQuery emails(List<String> arguments) {
        SearchQuery query = SearchQuery.parse(String.join("\n", arguments));
        if (query.mode() != SearchQuery.Mode.EMAILS || !query.invalid().isEmpty() || query.emails().isEmpty()) {
            List<String> bad = query.mode() == SearchQuery.Mode.EMAILS ? query.invalid() : arguments;
            throw CliExit.usage("not an email address: " + String.join(", ", bad));
        }
        return query;
    }

    static LookupSnapshot run(LookupController lookup, SearchQuery query, ProgressLine progress) throws InterruptedException {
        LookupRun run = lookup.search(query, LookupScope.everywhere(), snapshot -> progress.update(describe(snapshot)));
        LookupSnapshot done = CliCommand.await(run.done());
        progress.clear();
        return done;
    }

    /** The person known by {@code email} (primary address or alias). */
    static Optional<Person> personOf(LookupSnapshot snapshot, String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return snapshot.people().stream().filter(p -> p.addresses().contains(wanted)).findFirst();
    }

    /**
     * Connections whose answer is missing or partial: an error, no usable client, or some tenants failing. A person
     * "found nowhere" is only known when this is empty.
     */
    static List<ConnectionSearch> incomplete(LookupSnapshot snapshot) {
        return snapshot.connections().stream()
                .filter(c -> c.state() == SearchState.ERROR || c.state() == SearchState.NOT_CONNECTED || c.errorKind() != null)
                .toList();
    }

    static String reason(ConnectionSearch c) {
        return c.connection().displayName() + " (" + c.connection().id() + "): " + c.summary();
    }

    /**
     * The person for sessions and revoke: exit 3 when every connection answered and none knows the address, exit 1
     * when it is unknown because some connection could not be asked.
     */
    static Person require(LookupSnapshot snapshot, String email) {
        Optional<Person> person = personOf(snapshot, email);
        if (person.isPresent()) return person.get();
        List<ConnectionSearch> incomplete = incomplete(snapshot);
        if (incomplete.isEmpty()) throw CliExit.notFound("no account for " + email + " on any connection");
        throw CliExit.failed("no account for " + email + " found, but not every connection could be asked: "
                + String.join("; ", incomplete.stream().map(PersonSearch::reason).toList()));
    }

    private static String describe(LookupSnapshot s) {
        int total = s.connections().size();
        int answered = total - s.searching();
        return "Searching " + total + " connection" + (total == 1 ? "" : "s") + "… " + answered + "/" + total + " answered";
    }
}
