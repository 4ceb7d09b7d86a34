package io.signoff.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javakeyring.Keyring;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the REAL OS keychain (Secret Service on Linux): see {@link Keychains#requireKeychain()}. */
class KeyringVaultTest {
    private KeyringVault vault;
    private final String connectionId = "test-" + UUID.randomUUID();

    @BeforeEach
    void keychain() {
        vault = Keychains.requireKeychain();
    }

    @AfterEach
    void cleanUp() throws VaultException {
        if (vault == null) return;
        for (String name : new String[] {"token", "client-secret", "proxy-password"}) {
            vault.delete(connectionId, name);
        }
    }

    @Test
    void storesReadsAndDeletesAndTellsMissingApart() throws Exception {
        char[] secret = ("xoxp-" + UUID.randomUUID()).toCharArray();
        vault.store(connectionId, "token", secret);

        assertArrayEquals(secret, vault.read(connectionId, "token"));
        assertTrue(vault.contains(connectionId, "token"));
        assertFalse(vault.contains(connectionId, "client-secret"));
        VaultException missing = assertThrows(VaultException.class, () -> vault.read(connectionId, "client-secret"));
        assertEquals(VaultException.Reason.NO_SUCH_SECRET, missing.reason());

        assertTrue(vault.delete(connectionId, "token"));
        assertFalse(vault.delete(connectionId, "token"), "a second delete finds nothing");
        assertEquals(VaultException.Reason.NO_SUCH_SECRET,
                assertThrows(VaultException.class, () -> vault.read(connectionId, "token")).reason());
        assertFalse(vault.isSessionOnly());
    }

    @Test
    void usesTheFixedServiceNameAndConnectionSlashSecretAccount() throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        vault.store(connectionId, "client-secret", secret.toCharArray());
        Keyring raw = Keyring.create();
        try {
            assertEquals(secret, raw.getPassword("Signoff", connectionId + "/client-secret"));
        } finally {
            raw.close();
        }
    }

    @Test
    void replacesAnEntryAndKeepsUnusualCharacters() throws Exception {
        vault.store(connectionId, "proxy-password", "first-value".toCharArray());
        char[] unusual = "pä ss/wörd:€\"{}\\ 🙂".toCharArray();
        vault.store(connectionId, "proxy-password", unusual);
        assertArrayEquals(unusual, vault.read(connectionId, "proxy-password"));
    }

    @Test
    void reportsAnAvailableKeychain() {
        VaultStatus status = vault.availability();
        assertEquals(VaultStatus.State.AVAILABLE, status.state());
        assertTrue(status.explanation().contains("OS keychain"), status.explanation());
    }
}
