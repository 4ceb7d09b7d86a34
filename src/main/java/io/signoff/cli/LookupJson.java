package io.signoff.cli;

import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.LookupController;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.Person;
import io.signoff.model.DirectoryUser;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code signoff lookup}. */
final class LookupJson {
    private LookupJson() { }

    /**
     * @param query    the addresses searched, lower-cased
     * @param found    those at least one connection has an account for
     * @param notFound those no connection that answered has an account for
     */
    record Result(List<String> query, List<String> found, List<String> notFound, List<PersonEntry> people,
                  List<ConnectionEntry> connections) {
        static Result of(LookupSnapshot s, LookupController lookup) {
            List<String> found = s.query().emails().stream().filter(e -> s.foundAddresses().contains(e)).toList();
            return new Result(s.query().emails(), found, s.notFound(),
                    s.people().stream().map(p -> PersonEntry.of(p, lookup)).toList(),
                    s.connections().stream().map(ConnectionEntry::of).toList());
        }
    }

    /** @param roles "Slack primary owner, Microsoft 365 (CIPP) admin"; empty when none */
    record PersonEntry(String email, String displayName, boolean privileged, String roles, List<Account> accounts) {
        static PersonEntry of(Person p, LookupController lookup) {
            return new PersonEntry(p.email(), p.displayName(), p.privileged(), p.roles(),
                    p.accounts().stream().map(a -> Account.of(a, lookup)).toList());
        }
    }

    /** @param status enabled, disabled, deactivated, deleted or unknown */
    record Account(String connectionId, String connectionName, String kind, String tenantId, String tenantName,
                   String userId, String email, String displayName, String status, boolean admin, boolean owner,
                   boolean primaryOwner, Instant lastActivity) {
        static Account of(DirectoryUser u, LookupController lookup) {
            return new Account(u.connectionId(), lookup.connectionName(u.connectionId()), u.kind().slug(), u.tenantId(),
                    lookup.tenantName(u), u.id(), u.email(), u.displayName(), CliJson.slug(u.status()), u.admin(),
                    u.owner(), u.primaryOwner(), u.lastActivity());
        }
    }

    /**
     * @param state     found, not-found, error, not-connected (no usable client), out-of-scope, cancelled
     * @param errorKind for error, or for found/not-found with some tenants failing; else null
     */
    record ConnectionEntry(String id, String name, String kind, String state, int accounts, String errorKind,
                           String reason, long elapsedMs) {
        static ConnectionEntry of(ConnectionSearch c) {
            return new ConnectionEntry(c.connection().id(), c.connection().displayName(), c.connection().kind().slug(),
                    CliJson.slug(c.state()), c.accounts(), CliJson.slug(c.errorKind()), c.reason(), c.elapsed().toMillis());
        }
    }
}
