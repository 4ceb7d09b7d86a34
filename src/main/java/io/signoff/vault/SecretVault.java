package io.signoff.vault;

import java.util.Arrays;

/**
 * A place for connection secrets, addressed by (connection id, secret name). Secrets travel as {@code char[]}: the
 * caller wipes what it passes in after the call and what it gets back after use.
 */
public interface SecretVault {

    /** Probes the vault; may block on the OS keychain, so call it off the FX thread. */
    VaultStatus availability();

    void store(String connectionId, String secretName, char[] secret) throws VaultException;

    /** The secret, or {@link VaultException.Reason#NO_SUCH_SECRET}. The caller wipes the array after use. */
    char[] read(String connectionId, String secretName) throws VaultException;

    /** Removes the entry; returns false when there was none. */
    boolean delete(String connectionId, String secretName) throws VaultException;

    /** True for a vault that forgets everything when the app exits; the UI marks such secrets. */
    boolean isSessionOnly();

    /** Whether an entry exists; reads it and wipes it at once. */
    default boolean contains(String connectionId, String secretName) throws VaultException {
        try {
            char[] secret = read(connectionId, secretName);
            Arrays.fill(secret, '\0');
            return true;
        } catch (VaultException e) {
            if (e.reason() == VaultException.Reason.NO_SUCH_SECRET) return false;
            throw e;
        }
    }
}
