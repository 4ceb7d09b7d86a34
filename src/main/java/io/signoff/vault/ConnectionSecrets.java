package io.signoff.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets of all connections: in the OS keychain, or — when the operator chose so because no keychain was
 * available — in memory for this session only. A session copy wins over the keychain, since it is the newer one.
 * Every call may block on the keychain: run it off the FX thread.
 */
public final class ConnectionSecrets {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSecrets.class);

    private final SecretVault keychain;
    private final SecretVault session;

    public ConnectionSecrets(SecretVault keychain, SecretVault session) {
        this.keychain = Objects.requireNonNull(keychain, "keychain");
        this.session = Objects.requireNonNull(session, "session");
        if (!session.isSessionOnly()) throw new IllegalArgumentException("the session vault must be session-only");
    }

    public VaultStatus keychainStatus() { return keychain.availability(); }

    /**
     * Stores a secret where the operator chose. Storing in the keychain drops any session copy; storing for the
     * session leaves the keychain alone (it may be unreachable). The caller wipes {@code secret} afterwards.
     */
    public void store(String connectionId, String secretName, char[] secret, SecretPlacement placement) throws VaultException {
        if (placement == SecretPlacement.KEYCHAIN) {
            keychain.store(connectionId, secretName, secret);
            session.delete(connectionId, secretName);
        } else {
            session.store(connectionId, secretName, secret);
        }
    }

    /** The secret from the session copy, else the keychain. The caller wipes the array after use. */
    public char[] read(String connectionId, String secretName) throws VaultException {
        if (session.contains(connectionId, secretName)) {
            return session.read(connectionId, secretName);
        }
        return keychain.read(connectionId, secretName);
    }

    public SecretStatus status(String connectionId, String secretName) {
        try {
            if (session.contains(connectionId, secretName)) return SecretStatus.SESSION_ONLY;
            return keychain.contains(connectionId, secretName) ? SecretStatus.IN_KEYCHAIN : SecretStatus.MISSING;
        } catch (VaultException e) {
            LOG.debug("Secret status of {} unknown: {}", KeyringVault.account(connectionId, secretName), e.reason());
            return SecretStatus.KEYCHAIN_UNREACHABLE;
        }
    }

    /**
     * Deletes the named secrets of a connection from both places.
     *
     * @return the names whose keychain entry could not be deleted because the keychain is unreachable (none, or
     *         locked); session copies are always gone
     * @throws VaultException LOCKED_OR_DENIED when the keychain exists but refused, so nothing should be forgotten yet
     */
    public List<String> deleteAll(String connectionId, List<String> secretNames) throws VaultException {
        List<String> unreachable = new ArrayList<>();
        for (String name : secretNames) {
            session.delete(connectionId, name);
            try {
                keychain.delete(connectionId, name);
            } catch (VaultException e) {
                if (e.reason() == VaultException.Reason.LOCKED_OR_DENIED) throw e;
                unreachable.add(name);
            }
        }
        return unreachable;
    }

    /** Deletes one secret from both places; a missing entry is not an error. */
    public void delete(String connectionId, String secretName) throws VaultException {
        session.delete(connectionId, secretName);
        keychain.delete(connectionId, secretName);
    }

    /** The provider clients' view: secrets on demand, failures as typed provider errors. */
    public VaultSecretSource asSecretSource() {
        return new VaultSecretSource(this);
    }
}
