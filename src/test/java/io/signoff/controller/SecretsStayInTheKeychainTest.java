package io.signoff.controller;

import static io.signoff.controller.ConnectionField.ACCOUNT_ID;
import static io.signoff.controller.ConnectionField.BASE_URL;
import static io.signoff.controller.ConnectionField.CLIENT_ID;
import static io.signoff.controller.ConnectionField.LABEL;
import static io.signoff.controller.ConnectionField.NAME;
import static io.signoff.controller.ConnectionField.PROXY_HOST;
import static io.signoff.controller.ConnectionField.PROXY_PORT;
import static io.signoff.controller.ConnectionField.PROXY_TYPE;
import static io.signoff.controller.ConnectionField.PROXY_USER;
import static io.signoff.controller.ConnectionField.TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.LogCapture;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.provider.Providers;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.KeyringVault;
import io.signoff.vault.Keychains;
import io.signoff.vault.SecretNames;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SecretStatus;
import io.signoff.vault.SessionVault;
import io.signoff.vault.VaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves a connection of every kind with its secrets into the REAL keychain, restarts the settings layer from disk,
 * reads every secret back, and proves no secret is in the config directory, the log output or fresh temp files.
 */
class SecretsStayInTheKeychainTest {
    @TempDir
    Path config;
    private final List<String> createdIds = new ArrayList<>();
    private KeyringVault keychain;

    @AfterEach
    void deleteKeychainEntries() throws VaultException {
        if (keychain != null) Keychains.deleteAll(keychain, createdIds);
    }

    @Test
    void everyKindKeepsItsSecretsInTheKeychainOnly() throws Exception {
        keychain = Keychains.requireKeychain();
        Instant started = Instant.now().minusSeconds(1);
        Map<ProviderKind, String> secretOf = new EnumMap<>(ProviderKind.class);
        secretOf.put(ProviderKind.CIPP, "cippSecret~" + UUID.randomUUID());
        secretOf.put(ProviderKind.SLACK, "xoxp-" + UUID.randomUUID());
        secretOf.put(ProviderKind.CLOUDFLARE, "cfToken_" + UUID.randomUUID());
        secretOf.put(ProviderKind.SCIM, "scimBearer." + UUID.randomUUID());
        String proxyPassword = "proxyPw#" + UUID.randomUUID();
        List<String> allSecrets = new ArrayList<>(secretOf.values());
        allSecrets.add(proxyPassword);

        try (LogCapture logs = new LogCapture(); SimulatorServer sim = Simulators.start(0, Seed.demo(5, Instant.now()), 5)) {
            Providers providers = TestProviders.forSimulator(sim);
            ConnectionsController controller = controllerOn(keychain, providers);
            Map<ProviderKind, Connection> saved = new EnumMap<>(ProviderKind.class);
            for (ProviderKind kind : ProviderKind.values()) {
                char[] proxy = kind == ProviderKind.CIPP ? proxyPassword.toCharArray() : null;
                SaveOutcome outcome = controller.add(draftFor(kind, sim), secretOf.get(kind).toCharArray(), proxy,
                        SecretPlacement.KEYCHAIN).join();
                SaveOutcome.Saved s = assertInstanceOf(SaveOutcome.Saved.class, outcome, outcome.toString());
                assertEquals(SecretStatus.IN_KEYCHAIN, s.secretStatus());
                createdIds.add(s.connection().id());
                saved.put(kind, s.connection());
                // The secrets travel through the provider path too: the simulator refuses these random ones, and the
                // CIPP connection goes through a proxy that does not exist.
                assertEquals(kind == ProviderKind.CIPP ? "Unreachable" : "Credentials rejected",
                        controller.test(s.connection().id()).join().headline());
            }

            // Restart: new vault, settings and controller, all from disk.
            KeyringVault freshKeychain = KeyringVault.system();
            ConnectionSecrets reopened = new ConnectionSecrets(freshKeychain, new SessionVault());
            ConnectionsController afterRestart = new ConnectionsController(SettingsStore.open(config, reopened), reopened,
                    providers, Runnable::run);
            List<ConnectionRow> rows = afterRestart.rows().join();
            assertEquals(4, rows.size());
            rows.forEach(r -> assertEquals(SecretStatus.IN_KEYCHAIN, r.secretStatus(), r.name()));
            for (ProviderKind kind : ProviderKind.values()) {
                String id = saved.get(kind).id();
                assertArrayEquals(secretOf.get(kind).toCharArray(),
                        reopened.asSecretSource().secret(id, SecretNames.credentialOf(kind)), kind.name());
            }
            String cippId = saved.get(ProviderKind.CIPP).id();
            assertArrayEquals(proxyPassword.toCharArray(), reopened.read(cippId, ProxySettings.PASSWORD_SECRET));

            // A rename keeps the id, so the keychain entries still belong to it.
            ConnectionDraft renamed = afterRestart.draftOf(cippId).orElseThrow().with(NAME, "Contoso (renamed)");
            assertInstanceOf(SaveOutcome.Saved.class,
                    afterRestart.edit(cippId, renamed, null, null, SecretPlacement.KEYCHAIN).join());
            assertArrayEquals(secretOf.get(ProviderKind.CIPP).toCharArray(), reopened.read(cippId, SecretNames.CIPP_CLIENT_SECRET));

            // A secret deleted behind Signoff's back is reported as missing, not as a broken keychain.
            String slackId = saved.get(ProviderKind.SLACK).id();
            freshKeychain.delete(slackId, SecretNames.SLACK_TOKEN);
            assertEquals("No secret stored", afterRestart.test(slackId).join().headline());

            // Removing deletes every keychain entry of the connection.
            assertInstanceOf(RemoveOutcome.Removed.class, afterRestart.remove(cippId).join());
            for (String name : SecretNames.allOf(ProviderKind.CIPP)) {
                assertEquals(VaultException.Reason.NO_SUCH_SECRET,
                        assertThrows(VaultException.class, () -> freshKeychain.read(cippId, name)).reason(), name);
            }

            List<String> lines = logs.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("added")), "the capture saw the controller's log lines");
            for (String secret : allSecrets) {
                lines.forEach(line -> assertFalse(line.contains(secret), "a secret reached the log: " + line.replace(secret, "<SECRET>")));
            }
        }
        assertNoFileContainsAny(config, null, allSecrets);
        assertNoFileContainsAny(Path.of(System.getProperty("java.io.tmpdir")), started, allSecrets);
    }

    private ConnectionsController controllerOn(KeyringVault vault, Providers providers) {
        ConnectionSecrets secrets = new ConnectionSecrets(vault, new SessionVault());
        return new ConnectionsController(SettingsStore.open(config, secrets), secrets, providers, Runnable::run);
    }

    private static ConnectionDraft draftFor(ProviderKind kind, SimulatorServer sim) {
        ConnectionDraft d = ConnectionDraft.blank(kind).with(NAME, kind.displayName() + " test")
                .with(BASE_URL, sim.baseUrl(kind).toString());
        return switch (kind) {
            case CIPP -> d.with(TENANT_ID, sim.credentials().cippTenantId()).with(CLIENT_ID, sim.credentials().cippClientId())
                    .with(PROXY_TYPE, "HTTP").with(PROXY_HOST, "proxy.invalid").with(PROXY_PORT, "3128").with(PROXY_USER, "svc-signoff");
            case CLOUDFLARE -> d.with(ACCOUNT_ID, sim.seed().cloudflare().accountId());
            case SCIM -> d.with(LABEL, "Lucid");
            case SLACK -> d;
        };
    }

    /** Reads every regular file under {@code root} (changed after {@code since}, when given) looking for any secret. */
    private static void assertNoFileContainsAny(Path root, Instant since, List<String> secrets) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, java.util.Set.of(), since == null ? Integer.MAX_VALUE : 4, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean fresh = since == null || attrs.lastModifiedTime().compareTo(FileTime.from(since)) >= 0;
                if (attrs.isRegularFile() && fresh && attrs.size() <= 4 * 1024 * 1024) files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // other users' unreadable temp entries
            }
        });
        if (since == null) assertFalse(files.isEmpty(), "the config directory holds the settings");
        for (Path file : files) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException unreadableOrGone) {
                continue;
            }
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret is in " + file);
                assertFalse(text.contains(new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1)),
                        "a secret (UTF-16) is in " + file);
            }
        }
    }
}
