package io.signoff.vault;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keychain through java-keyring: Windows Credential Manager, macOS Keychain, and on Linux the
 * Secret Service (GNOME Keyring, KWallet). Entries use the fixed service name {@value #SERVICE} and the account
 * {@code <connection id>/<secret name>}.
 *
 * <p>java-keyring speaks {@code String}, so a secret exists as an unwipeable String for the length of one call; the
 * arrays this class hands out and takes in are the caller's to wipe. The keychain is opened lazily (and again after
 * a failure), so a Secret Service started after Signoff is found on the next "check again".
 */
public final class KeyringVault implements SecretVault {
    public static final String SERVICE = "Signoff";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringVault.class);
    private static final String PROBE_ACCOUNT = "signoff-availability-probe/not-a-secret";
    /** How each java-keyring backend says "no such entry" (it throws instead of returning null). */
    private static final String[] MISSING_MARKERS = {
        "no stored credentials match", "password not found", "not in wallet", "no password to delete"};

    /** Opens the OS keychain; {@code Keyring::create} in production. */
    @FunctionalInterface
    public interface Opener {
        Keyring open() throws BackendNotSupportedException;
    }

    private final Opener opener;
    private Keyring keyring;

    public KeyringVault(Opener opener) {
        this.opener = opener;
    }

    /** The OS keychain. */
    public static KeyringVault system() {
        return new KeyringVault(Keyring::create);
    }

    public static String account(String connectionId, String secretName) {
        return connectionId + "/" + secretName;
    }

    @Override
    public synchronized VaultStatus availability() {
        Keyring k;
        try {
            k = keyring(PROBE_ACCOUNT, "probe");
        } catch (VaultException e) {
            return VaultStatus.unavailable();
        }
        try {
            // Only a write tells a locked Secret Service collection from an open one: lookups succeed on both.
            k.setPassword(SERVICE, PROBE_ACCOUNT, "probe");
            k.deletePassword(SERVICE, PROBE_ACCOUNT);
            return availableStatus(k);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("The OS keychain is locked or refused a test entry: {}", e.toString());
            forget();
            return VaultStatus.lockedOrDenied();
        }
    }

    @Override
    public synchronized void store(String connectionId, String secretName, char[] secret) throws VaultException {
        Keyring k = keyring(connectionId, secretName);
        try {
            k.setPassword(SERVICE, account(connectionId, secretName), new String(secret));
        } catch (PasswordAccessException | RuntimeException e) {
            // secret-service throws a bare NullPointerException when the collection is locked.
            throw failure(connectionId, secretName, e);
        }
    }

    @Override
    public synchronized char[] read(String connectionId, String secretName) throws VaultException {
        Keyring k = keyring(connectionId, secretName);
        try {
            String value = k.getPassword(SERVICE, account(connectionId, secretName));
            if (value == null) {
                throw new VaultException(VaultException.Reason.NO_SUCH_SECRET, connectionId, secretName, null);
            }
            return value.toCharArray();
        } catch (PasswordAccessException e) {
            if (isMissing(e)) {
                throw new VaultException(VaultException.Reason.NO_SUCH_SECRET, connectionId, secretName, null);
            }
            throw failure(connectionId, secretName, e);
        } catch (RuntimeException e) {
            throw failure(connectionId, secretName, e);
        }
    }

    @Override
    public synchronized boolean delete(String connectionId, String secretName) throws VaultException {
        Keyring k = keyring(connectionId, secretName);
        try {
            k.deletePassword(SERVICE, account(connectionId, secretName));
            return true;
        } catch (PasswordAccessException e) {
            if (isMissing(e)) return false;
            throw failure(connectionId, secretName, e);
        } catch (RuntimeException e) {
            throw failure(connectionId, secretName, e);
        }
    }

    @Override
    public boolean isSessionOnly() { return false; }

    private Keyring keyring(String connectionId, String secretName) throws VaultException {
        if (keyring != null) return keyring;
        try {
            keyring = opener.open();
            LOG.info("Using the OS keychain: {}", keyring.getKeyringStorageType());
            return keyring;
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw new VaultException(VaultException.Reason.UNAVAILABLE, connectionId, secretName, e);
        }
    }

    private VaultException failure(String connectionId, String secretName, Exception e) {
        // Drop the handle: a restarted keyring daemon needs a new D-Bus session, and the next call reopens.
        forget();
        return new VaultException(VaultException.Reason.LOCKED_OR_DENIED, connectionId, secretName, e);
    }

    private void forget() {
        Keyring old = keyring;
        keyring = null;
        if (old == null) return;
        try {
            old.close();
        } catch (Exception e) {
            LOG.debug("Closing the keychain handle failed: {}", e.toString());
        }
    }

    private static VaultStatus availableStatus(Keyring k) {
        return VaultStatus.available("Secrets are kept in the OS keychain (" + describe(k) + ").");
    }

    private static String describe(Keyring k) {
        try {
            return switch (k.getKeyringStorageType()) {
                case GNOME_KEYRING -> "Secret Service";
                case KWALLET -> "KWallet";
                case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
                case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            };
        } catch (RuntimeException e) {
            return "OS keychain";
        }
    }

    static boolean isMissing(PasswordAccessException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (String marker : MISSING_MARKERS) {
            if (message.contains(marker)) return true;
        }
        return false;
    }
}
