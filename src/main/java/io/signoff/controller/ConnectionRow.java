package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.vault.SecretStatus;

/** One line of the connection list: the connection and where its credential is (never the credential). */
public record ConnectionRow(Connection connection, SecretStatus secretStatus) {

    public String id() { return connection.id(); }

    public String name() { return connection.displayName(); }

    /** "Microsoft 365 (CIPP)", or for SCIM the app's label when it has one, e.g. "SCIM app · Lucid". */
    public String kindText() {
        String label = connection.setting("label");
        return label == null || label.isBlank()
                ? connection.kind().displayName()
                : connection.kind().displayName() + " · " + label;
    }

    public String url() { return connection.baseUrl(); }

    /** Shown as a warning badge wherever the connection appears. */
    public boolean skipsTlsVerification() { return connection.requestOptions().skipTlsVerification(); }
}
