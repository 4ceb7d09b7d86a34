package io.signoff.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The vault's behaviour without a keychain, the session vault, and the three user messages. No keychain needed. */
class VaultFailuresTest {

    @Test
    void withoutSecretServiceEveryCallSaysUnavailableAndExplainsHowToGetOne() {
        KeyringVault vault = Keychains.missingKeychain();
        VaultStatus status = vault.availability();
        assertEquals(VaultStatus.State.UNAVAILABLE, status.state());
        assertTrue(status.explanation().contains("GNOME Keyring") && status.explanation().contains("KWallet")
                && status.explanation().contains("Windows and macOS always have a keychain"), status.explanation());
        for (VaultCall call : List.<VaultCall>of(
                () -> vault.store("c1", "token", "xoxp-secret-value".toCharArray()),
                () -> vault.read("c1", "token"),
                () -> vault.delete("c1", "token"))) {
            assertEquals(VaultException.Reason.UNAVAILABLE, assertThrows(VaultException.class, call::run).reason());
        }
    }

    @Test
    void theThreeFailuresHaveThreeMessagesNamingTheEntryNeverTheSecret() {
        Set<String> messages = Stream.of(VaultException.Reason.values())
                .map(r -> new VaultException(r, "cipp-contoso-1a2b3c", "client-secret", null).userMessage())
                .collect(Collectors.toSet());
        assertEquals(3, messages.size());
        for (String m : messages) {
            assertTrue(m.contains("cipp-contoso-1a2b3c") && m.contains("client-secret"), m);
        }
        assertNotEquals(VaultStatus.unavailable().explanation(), VaultStatus.lockedOrDenied().explanation());
    }

    @Test
    void sessionVaultKeepsCopiesAndWipesOnDelete() throws Exception {
        SessionVault session = new SessionVault();
        char[] typed = "bearer-token-value".toCharArray();
        session.store("scim-lucid", "bearer-token", typed);
        typed[0] = 'X'; // the caller wiping its array must not touch the stored copy
        char[] read = session.read("scim-lucid", "bearer-token");
        assertArrayEquals("bearer-token-value".toCharArray(), read);
        read[0] = 'Y';
        assertArrayEquals("bearer-token-value".toCharArray(), session.read("scim-lucid", "bearer-token"));
        assertTrue(session.isSessionOnly());
        assertTrue(session.delete("scim-lucid", "bearer-token"));
        assertEquals(VaultException.Reason.NO_SUCH_SECRET,
                assertThrows(VaultException.class, () -> session.read("scim-lucid", "bearer-token")).reason());
    }

    @Test
    void connectionSecretsFallBackToTheSessionWhenNoKeychainExists() throws Exception {
        SessionVault session = new SessionVault();
        ConnectionSecrets secrets = new ConnectionSecrets(Keychains.missingKeychain(), session);
        char[] token = "sim-cf-token-value".toCharArray();

        VaultException refused = assertThrows(VaultException.class,
                () -> secrets.store("cf-acme", "api-token", token, SecretPlacement.KEYCHAIN));
        assertEquals(VaultException.Reason.UNAVAILABLE, refused.reason());
        assertEquals(SecretStatus.KEYCHAIN_UNREACHABLE, secrets.status("cf-acme", "api-token"));

        secrets.store("cf-acme", "api-token", token, SecretPlacement.SESSION_ONLY);
        assertEquals(SecretStatus.SESSION_ONLY, secrets.status("cf-acme", "api-token"));
        assertArrayEquals(token, secrets.asSecretSource().secret("cf-acme", "api-token"));

        ProviderException noKeychain = assertThrows(ProviderException.class,
                () -> secrets.asSecretSource().secret("cf-acme", "proxy-password"));
        assertEquals(ErrorKind.TRANSIENT, noKeychain.kind());
        assertEquals("vault:unavailable", noKeychain.providerCode());

        assertEquals(List.of("api-token", "proxy-password"),
                secrets.deleteAll("cf-acme", List.of("api-token", "proxy-password")), "keychain entries not reached");
        assertFalse(session.contains("cf-acme", "api-token"), "the session copy is gone");
    }

    @Test
    void aMissingSecretReachesProvidersAsRejectedCredentialsWithAVaultCode() {
        ConnectionSecrets secrets = new ConnectionSecrets(new SessionVault(), new SessionVault());
        ProviderException missing = assertThrows(ProviderException.class,
                () -> secrets.asSecretSource().secret("slack-acme", "token"));
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, missing.kind());
        assertEquals("vault:no_such_secret", missing.providerCode());
        assertTrue(missing.getMessage().contains("slack-acme"), missing.getMessage());
    }

    @FunctionalInterface
    private interface VaultCall {
        void run() throws VaultException;
    }
}
