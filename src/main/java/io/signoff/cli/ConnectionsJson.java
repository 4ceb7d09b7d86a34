package io.signoff.cli;

import io.signoff.controller.ConnectionRow;
import io.signoff.controller.ConnectionTestResult;
import io.signoff.model.Connection;
import java.util.List;

/** The JSON of {@code signoff connections} and {@code signoff connections test}. Never a secret: only where it is. */
final class ConnectionsJson {
    private ConnectionsJson() { }

    record Listing(List<Entry> connections) { }

    /** @param secret in-keychain, session-only, missing or keychain-unreachable */
    record Entry(String id, String kind, String kindName, String name, String url, String secret,
                 boolean skipsTlsVerification) {
        static Entry of(ConnectionRow row) {
            return new Entry(row.id(), row.connection().kind().slug(), row.kindText(), row.name(), row.url(),
                    CliJson.slug(row.secretStatus()), row.skipsTlsVerification());
        }
    }

    record Tests(List<Test> results) { }

    record Test(String id, String name, String kind, boolean ok, String headline, String detail, String advice,
                String errorKind, String providerCode) {
        static Test of(Connection c, ConnectionTestResult r) {
            return new Test(c.id(), c.displayName(), c.kind().slug(), r.success(), r.headline(), r.detail(), r.advice(),
                    CliJson.slug(r.errorKind()), r.providerCode());
        }
    }
}
