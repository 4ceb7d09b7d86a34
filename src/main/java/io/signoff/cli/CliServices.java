package io.signoff.cli;

import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.SessionsController;
import io.signoff.model.Connection;
import java.util.List;
import java.util.Set;

/**
 * The controllers a headless command drives: the same ones the console's views use, wired by the composition root for
 * the channel "cli" (audit rows and journalled runs say so). Opened once per command, after its options are parsed,
 * and closed when it ends.
 */
public interface CliServices extends AutoCloseable {

    /** Opens the services a command's options ask for; the composition root supplies it. */
    @FunctionalInterface
    interface Opener {
        CliServices open(CliEnvironment environment);
    }

    /** True when running against the built-in simulator. */
    boolean demo();

    /** The configured connections (the demo's under --demo). */
    List<Connection> connections();

    /** Problems met reading the settings file, to mention when a command finds no connection. */
    List<String> settingsProblems();

    /**
     * Uses {@code secret} as the credential of the connection for this process only, ahead of the keychain. The caller
     * wipes the array afterwards.
     *
     * @throws IllegalArgumentException when no such connection is configured
     */
    void useSecretForThisProcess(String connectionId, char[] secret);

    ConnectionsController connectionsController();

    /** The person search over the connections in {@code connectionIds}; empty means every connection. */
    LookupController lookup(Set<String> connectionIds);

    /** Sessions and revokes over every connection, audited with the channel "cli". */
    SessionsController sessions();

    /** The offboarding engine on the journal, audited and journalled with the channel "cli". */
    OffboardingController offboarding();

    @Override
    void close();
}
