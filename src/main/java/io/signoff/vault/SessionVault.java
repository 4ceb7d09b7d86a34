package io.signoff.vault;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps secrets in memory for this session only: the fallback when no OS keychain exists. Nothing is ever written
 * to disk; {@link #clear()} (and the end of the process) forgets everything.
 */
public final class SessionVault implements SecretVault {
    private final Map<String, char[]> secrets = new ConcurrentHashMap<>();

    @Override
    public VaultStatus availability() {
        return VaultStatus.available("Kept in memory for this session only; forgotten when Signoff closes.");
    }

    @Override
    public void store(String connectionId, String secretName, char[] secret) {
        char[] previous = secrets.put(key(connectionId, secretName), secret.clone());
        if (previous != null) Arrays.fill(previous, '\0');
    }

    @Override
    public char[] read(String connectionId, String secretName) throws VaultException {
        char[] secret = secrets.get(key(connectionId, secretName));
        if (secret == null) {
            throw new VaultException(VaultException.Reason.NO_SUCH_SECRET, connectionId, secretName, null);
        }
        return secret.clone();
    }

    @Override
    public boolean delete(String connectionId, String secretName) {
        char[] previous = secrets.remove(key(connectionId, secretName));
        if (previous == null) return false;
        Arrays.fill(previous, '\0');
        return true;
    }

    @Override
    public boolean contains(String connectionId, String secretName) {
        return secrets.containsKey(key(connectionId, secretName));
    }

    @Override
    public boolean isSessionOnly() { return true; }

    /** Wipes and forgets every secret. */
    public void clear() {
        secrets.values().forEach(s -> Arrays.fill(s, '\0'));
        secrets.clear();
    }

    private static String key(String connectionId, String secretName) {
        return KeyringVault.account(connectionId, secretName);
    }
}
