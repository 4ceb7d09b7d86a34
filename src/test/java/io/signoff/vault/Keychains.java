package io.signoff.vault;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.javakeyring.BackendNotSupportedException;
import org.junit.jupiter.api.Assumptions;

/** Test access to the REAL OS keychain: fails in CI (SIGNOFF_REQUIRE_KEYCHAIN=1) when missing, else skips. */
public final class Keychains {
    public static final String REQUIRE_ENV = "SIGNOFF_REQUIRE_KEYCHAIN";

    private Keychains() { }

    /** The OS keychain, usable; otherwise the calling test fails (CI) or is skipped (a developer machine). */
    public static KeyringVault requireKeychain() {
        KeyringVault vault = KeyringVault.system();
        VaultStatus status = vault.availability();
        if (!status.isAvailable()) {
            String message = "No usable OS keychain (" + status.state() + "). Run the tests inside a D-Bus session "
                    + "with an unlocked keyring: XDG_DATA_HOME=$(mktemp -d) dbus-run-session -- bash -c "
                    + "'echo -n pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null; mvn -B -o test'";
            if ("1".equals(System.getenv(REQUIRE_ENV))) fail(message + " [" + REQUIRE_ENV + "=1, so this fails]");
            Assumptions.abort(message);
        }
        return vault;
    }

    /** Removes every secret a test may have stored for these connections, of every kind. */
    public static void deleteAll(KeyringVault keychain, java.util.List<String> connectionIds) throws VaultException {
        for (String id : connectionIds) {
            for (io.signoff.model.ProviderKind kind : io.signoff.model.ProviderKind.values()) {
                for (String name : SecretNames.allOf(kind)) keychain.delete(id, name);
            }
        }
    }

    /** A keychain vault whose backend reports what java-keyring reports without a Secret Service. */
    public static KeyringVault missingKeychain() {
        return new KeyringVault(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        });
    }
}
