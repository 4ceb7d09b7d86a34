package io.signoff.controller;

import static io.signoff.controller.ConnectionField.BASE_URL;
import static io.signoff.controller.ConnectionField.NAME;
import static io.signoff.controller.ConnectionField.TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.Keychains;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SecretStatus;
import io.signoff.vault.SessionVault;
import io.signoff.vault.VaultStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The controller without an OS keychain (the session fallback), with tests against the simulator. */
class ConnectionsControllerTest {
    private static SimulatorServer sim;
    @TempDir
    Path dir;
    private SessionVault session;
    private SettingsStore settings;
    private ConnectionsController controller;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = Simulators.start(0, Seed.demo(11, Instant.now()), 11);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void setUp() {
        controller = controllerWith(TestProviders.forSimulator(sim));
    }

    private ConnectionsController controllerWith(Providers providers) {
        session = new SessionVault();
        ConnectionSecrets secrets = new ConnectionSecrets(Keychains.missingKeychain(), session);
        settings = SettingsStore.open(dir, secrets);
        return new ConnectionsController(settings, secrets, providers, Runnable::run);
    }

    private ConnectionDraft slack(String baseUrl) {
        return controller.newDraft(ProviderKind.SLACK).with(NAME, "Acme Slack").with(BASE_URL, baseUrl);
    }

    private Connection addForSession(ConnectionDraft draft, String secret) {
        SaveOutcome outcome = controller.add(draft, secret.toCharArray(), null, SecretPlacement.SESSION_ONLY).join();
        return assertInstanceOf(SaveOutcome.Saved.class, outcome).connection();
    }

    @Test
    void invalidInputIsRefusedFieldByFieldBeforeAnythingIsStored() throws Exception {
        ConnectionDraft draft = controller.newDraft(ProviderKind.CIPP).with(NAME, "Contoso")
                .with(BASE_URL, "cipp.example.net").with(TENANT_ID, "not-a-guid");
        SaveOutcome outcome = controller.add(draft, "cipp-client-secret".toCharArray(), null, SecretPlacement.SESSION_ONLY).join();
        SaveOutcome.Invalid invalid = assertInstanceOf(SaveOutcome.Invalid.class, outcome);
        assertEquals(java.util.Set.of(BASE_URL, TENANT_ID, ConnectionField.CLIENT_ID), invalid.errors().keySet());
        assertFalse(Files.exists(settings.file()));
        assertTrue(controller.rows().join().isEmpty());
    }

    @Test
    void withoutAKeychainNothingIsSavedUntilTheOperatorChoosesThisSessionOnly() throws Exception {
        ConnectionDraft draft = slack(sim.baseUrl(ProviderKind.SLACK).toString());
        char[] token = sim.credentials().slackToken().toCharArray();

        SaveOutcome refused = controller.add(draft, token, null, SecretPlacement.KEYCHAIN).join();
        VaultStatus status = assertInstanceOf(SaveOutcome.KeychainUnavailable.class, refused).status();
        assertEquals(VaultStatus.State.UNAVAILABLE, status.state());
        assertFalse(Files.exists(settings.file()), "nothing saved");
        assertEquals(VaultStatus.State.UNAVAILABLE, controller.keychainStatus().join().state());

        SaveOutcome saved = controller.add(draft, token, null, SecretPlacement.SESSION_ONLY).join();
        assertEquals(SecretStatus.SESSION_ONLY, assertInstanceOf(SaveOutcome.Saved.class, saved).secretStatus());
        ConnectionRow row = controller.rows().join().get(0);
        assertEquals(SecretStatus.SESSION_ONLY, row.secretStatus());
        assertEquals("this session only", row.secretStatus().text());
        assertFalse(Files.readString(settings.file()).contains(sim.credentials().slackToken()));

        ConnectionTestResult test = controller.test(row.id()).join();
        assertTrue(test.success(), test.toString());
        assertEquals("Connected as signoff-helpdesk (W0HELPDESK) in Contoso Grid", test.headline());
    }

    @Test
    void renamingKeepsTheIdAndTheSecretAndAnEmptySecretFieldKeepsTheStoredOne() {
        Connection c = addForSession(slack(sim.baseUrl(ProviderKind.SLACK).toString()), sim.credentials().slackToken());
        ConnectionDraft renamed = controller.draftOf(c.id()).orElseThrow().with(NAME, "Acme Grid");
        assertTrue(controller.hasUnsavedChanges(c.id(), renamed));

        SaveOutcome outcome = controller.edit(c.id(), renamed, new char[0], null, SecretPlacement.SESSION_ONLY).join();

        Connection after = assertInstanceOf(SaveOutcome.Saved.class, outcome).connection();
        assertFalse(controller.hasUnsavedChanges(c.id(), renamed));
        assertEquals(c.id(), after.id());
        assertEquals("Acme Grid", after.displayName());
        assertTrue(controller.test(c.id()).join().success(), "the secret still works after the rename");
        assertEquals("Acme Grid", SettingsStore.open(dir, new ConnectionSecrets(Keychains.missingKeychain(), new SessionVault()))
                .connection(c.id()).orElseThrow().displayName());
    }

    @Test
    void aTestNamesThePreciseProblem() throws Exception {
        Connection wrongToken = addForSession(slack(sim.baseUrl(ProviderKind.SLACK).toString()), "xoxp-wrong-token");
        ConnectionTestResult rejected = controller.test(wrongToken.id()).join();
        assertEquals("Credentials rejected", rejected.headline());
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, rejected.errorKind());

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Connection unreachable = addForSession(slack("http://127.0.0.1:" + closedPort + "/slack").with(NAME, "Closed port"),
                sim.credentials().slackToken());
        ConnectionTestResult down = controller.test(unreachable.id()).join();
        assertEquals("Unreachable", down.headline(), down.toString());
        assertTrue(down.advice().contains("proxy"), down.advice());

        try (ServerSocket plainHttp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            answerEveryConnectionWithPlainHttp(plainHttp);
            Connection httpsToPlainHttp = addForSession(slack("https://127.0.0.1:" + plainHttp.getLocalPort() + "/slack")
                    .with(NAME, "TLS to plain").with(ConnectionField.READ_TIMEOUT, "5"), sim.credentials().slackToken());
            ConnectionTestResult tls = controller.test(httpsToPlainHttp.id()).join();
            assertEquals("TLS failure", tls.headline(), tls.toString());
            assertTrue(tls.advice().contains("CA bundle"), tls.advice());
        }

        session.delete(wrongToken.id(), "token");
        ConnectionTestResult noSecret = controller.test(wrongToken.id()).join();
        assertEquals("Keychain not available", noSecret.headline(), "no session copy, and no keychain to ask");
        assertTrue(noSecret.detail().contains(wrongToken.id()) && noSecret.detail().contains("GNOME Keyring"), noSecret.detail());
    }

    @Test
    void aMissingPermissionIsNamedWithItsScope() {
        ConnectionsController c = controllerWith(new Providers(Map.of(ProviderKind.SLACK, (connection, secrets) -> {
            throw new IllegalStateException("not reached");
        })));
        Connection conn = assertInstanceOf(SaveOutcome.Saved.class, c.add(
                slack("https://slack.example"), "xoxp-1234-abcd".toCharArray(), null, SecretPlacement.SESSION_ONLY).join()).connection();
        assertEquals("Could not run the test", c.test(conn.id()).join().headline());

        ConnectionsController scoped = new ConnectionsController(settings, new ConnectionSecrets(Keychains.missingKeychain(), session),
                new Providers(Map.of(ProviderKind.SLACK, (connection, secrets) -> new FailingProvider(connection,
                        ProviderException.of(ErrorKind.PERMISSION_MISSING, "Slack refused: the token lacks admin.users:write")
                                .providerCode("missing_scope").httpStatus(200).build()))), Runnable::run);
        ConnectionTestResult result = scoped.test(conn.id()).join();
        assertEquals("Missing permission", result.headline());
        assertTrue(result.detail().contains("admin.users:write") && result.detail().contains("missing_scope"), result.detail());
        assertEquals(ErrorKind.PERMISSION_MISSING.advice(), result.advice());
    }

    @Test
    void removingForgetsTheConnectionAndItsSessionSecrets() throws Exception {
        Connection c = addForSession(slack(sim.baseUrl(ProviderKind.SLACK).toString()), sim.credentials().slackToken());
        RemoveOutcome outcome = controller.remove(c.id()).join();
        RemoveOutcome.Removed removed = assertInstanceOf(RemoveOutcome.Removed.class, outcome);
        assertEquals("Acme Slack", removed.name());
        assertTrue(removed.note().contains("No keychain could be reached"), removed.note());
        assertFalse(session.contains(c.id(), "token"));
        assertTrue(controller.rows().join().isEmpty());
        assertInstanceOf(RemoveOutcome.Failed.class, controller.remove(c.id()).join());
    }

    /** A server that speaks plain HTTP to whoever connects: what an https:// URL pointed at an http port meets. */
    private static void answerEveryConnectionWithPlainHttp(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "plain-http");
        t.setDaemon(true);
        t.start();
    }

    /** A provider whose test call fails the way a real client reports a missing scope. */
    private record FailingProvider(Connection connection, ProviderException failure) implements io.signoff.provider.Provider {
        @Override public java.util.Set<io.signoff.model.Capability> capabilities() { return java.util.Set.of(); }
        @Override public io.signoff.model.ConnectionCheck testConnection() throws ProviderException { throw failure; }
        @Override public java.util.List<io.signoff.model.Tenant> listTenants() { return java.util.List.of(); }
        @Override public java.util.List<io.signoff.model.DirectoryUser> findUsers(io.signoff.model.Tenant t, String q) {
            return java.util.List.of();
        }
    }
}
