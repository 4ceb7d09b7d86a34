package io.signoff.ui.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.controller.ConnectionsController;
import io.signoff.controller.TestProviders;
import io.signoff.model.ProviderKind;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.ui.MainWindow;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.KeyringVault;
import io.signoff.vault.Keychains;
import io.signoff.vault.SecretNames;
import io.signoff.vault.SecretVault;
import io.signoff.vault.SessionVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Connections section driven through its form, headless (Monocle), against the simulator. */
class ConnectionsViewTest {
    private static SimulatorServer sim;
    private final FxRobot robot = new FxRobot();
    private ExecutorService background;
    @TempDir
    Path config;

    @BeforeAll
    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        sim = Simulators.start(0, Seed.demo(3, Instant.now()), 3);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (background != null) background.shutdownNow(); // null when the keychain test was skipped
    }

    private void show(SecretVault keychain) throws Exception {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "connections-test-background");
            t.setDaemon(true);
            return t;
        });
        ConnectionSecrets secrets = new ConnectionSecrets(keychain, new SessionVault());
        ConnectionsController controller = new ConnectionsController(SettingsStore.open(config, secrets), secrets,
                TestProviders.forSimulator(sim), background);
        FxToolkit.setupStage(stage -> {
            ConnectionsView view = new ConnectionsView(controller);
            // Monocle's headless screen is 1280x800: the whole window must be on it for clicks to land.
            Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 760);
            scene.getStylesheets().add(MainWindow.class.getResource("signoff.css").toExternalForm());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            view.onShow();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void withoutAKeychainAddFixSaveForThisSessionAndTest() throws Exception {
        show(Keychains.missingKeychain());
        await(() -> visible("#keychain-banner"));
        assertTrue(text("#keychain-text").contains("GNOME Keyring"), text("#keychain-text"));

        robot.clickOn("#add-connection").clickOn(ProviderKind.SLACK.displayName());
        robot.clickOn("#field-name").write("Acme", 0);
        replaceText("#field-base_url", "x"); // no scheme, no host
        fill("#field-secret", sim.credentials().slackToken());
        robot.clickOn("#save-connection");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Must start with https://.", text("#error-base_url"));
        assertTrue(visible("#error-base_url"));

        fill("#field-base_url", sim.baseUrl(ProviderKind.SLACK).toString());
        robot.clickOn("#save-connection");
        await(() -> visible("#keep-for-session"));
        assertFalse(visible("#error-base_url"), "the fixed field shows no error");
        assertTrue(table().getItems().isEmpty(), "nothing saved before the operator chose");

        robot.clickOn("#keep-for-session");
        await(() -> table().getItems().size() == 1);
        assertEquals("this session only", table().getItems().get(0).secretStatus().text());
        assertEquals("", robot.lookup("#field-secret").queryAs(PasswordField.class).getText(), "secret fields are write-only");
        assertTrue(text("#secret-status").contains("this session only"), text("#secret-status"));
        assertEquals("Edit Slack Enterprise Grid connection", text("#form-title"));

        robot.clickOn("#test-connection");
        await(() -> text("#test-result").startsWith("✔"));
        assertEquals("✔ Connected as signoff-helpdesk (W0HELPDESK) in Contoso Grid", text("#test-result"));
    }

    @Test
    void withTheKeychainSaveWarnAboutSkippedTlsTestAndRemoveWithConfirmation() throws Exception {
        KeyringVault keychain = Keychains.requireKeychain();
        show(keychain);
        await(() -> !text("#keychain-text").isEmpty()); // the keychain probe has answered
        assertTrue(text("#keychain-text").contains("OS keychain"), text("#keychain-text"));
        assertFalse(visible("#keychain-banner"), "no banner while the keychain works");

        robot.clickOn("#add-connection");
        robot.clickOn(ProviderKind.SCIM.displayName());
        robot.clickOn("#field-name").write("Lab", 0);
        fill("#field-label", "Lucid");
        fill("#field-base_url", sim.baseUrl(ProviderKind.SCIM).toString());
        fill("#field-secret", sim.credentials().scimToken());
        robot.interact(() -> robot.lookup("#advanced").queryAs(TitledPane.class).setExpanded(true));
        assertFalse(visible("#skip-tls-warning"));
        robot.interact(() -> robot.lookup("#field-skip_tls").queryAs(CheckBox.class).fire());
        assertTrue(visible("#skip-tls-warning"));
        robot.interact(() -> robot.lookup("#advanced").queryAs(TitledPane.class).setExpanded(false));

        robot.clickOn("#save-connection");
        await(() -> table().getItems().size() == 1);
        String id = table().getItems().get(0).id();
        try {
            assertEquals("stored in keychain", table().getItems().get(0).secretStatus().text());
            assertTrue(keychain.contains(id, SecretNames.SCIM_BEARER_TOKEN));
            assertTrue(robot.lookup(".tls-badge").tryQuery().isPresent(), "the list shows the skip-TLS badge");
            assertTrue(text("#secret-status").contains("stored in the keychain"), text("#secret-status"));
            assertTrue(Files.readString(config.resolve("settings.json")).contains("\"skipTlsVerification\": true"));

            robot.clickOn("#test-connection");
            await(() -> text("#test-result").startsWith("✔"));

            robot.clickOn("#remove-connection");
            await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            String question = robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText();
            assertTrue(question.contains("\"Lab\""), question);
            robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("OK")).queryButton());
            await(() -> table().getItems().isEmpty());
            assertFalse(keychain.contains(id, SecretNames.SCIM_BEARER_TOKEN), "removing deleted the keychain entry");
        } finally {
            keychain.delete(id, SecretNames.SCIM_BEARER_TOKEN);
        }
    }

    /** Long values are set on the field itself: typing them key by key costs seconds per field under Monocle. */
    private void fill(String query, String value) {
        javafx.scene.control.TextInputControl field = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> field.setText(value));
    }

    private void replaceText(String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(value, 0);
    }

    @SuppressWarnings("unchecked")
    private TableView<io.signoff.controller.ConnectionRow> table() {
        return robot.lookup("#connections-table").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private boolean visible(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

}
