package io.signoff.controller;

import io.signoff.model.Connection;
import io.signoff.vault.SecretStatus;
import io.signoff.vault.VaultStatus;
import java.util.Map;

/** What happened to an add or edit. */
public sealed interface SaveOutcome {

    /** Saved; the credential is where {@code secretStatus} says. */
    record Saved(Connection connection, SecretStatus secretStatus) implements SaveOutcome { }

    /** Nothing saved: fix these fields first. */
    record Invalid(Map<ConnectionField, String> errors) implements SaveOutcome {
        public Invalid {
            errors = Map.copyOf(errors);
        }
    }

    /**
     * Nothing saved: the keychain could not take the secret. The console explains {@code status} and offers to
     * save again keeping the secret for this session only.
     */
    record KeychainUnavailable(VaultStatus status) implements SaveOutcome { }

    /** Nothing (or, as the message says, not everything) saved. */
    record Failed(String message) implements SaveOutcome { }
}
