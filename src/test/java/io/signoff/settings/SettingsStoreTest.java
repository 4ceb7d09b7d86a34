package io.signoff.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.Keychains;
import io.signoff.vault.SessionVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private final ConnectionSecrets secrets = new ConnectionSecrets(Keychains.missingKeychain(), new SessionVault());

    private static Connection cipp(String id, String name) {
        RequestOptions options = RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(300), Duration.ofSeconds(600))
                .withProxy(new ProxySettings(ProxySettings.Type.HTTP, "proxy.corp", 3128, "svc-signoff"))
                .withTls(Path.of("/etc/ssl/corp-ca.pem"), false)
                .withRateBudgetPerMinute(0);
        return new Connection(id, ProviderKind.CIPP, name, "https://cipp.example.net",
                Map.of("tenantId", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "clientId", "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e"),
                options);
    }

    @Test
    void roundTripsConnectionsAndPreferencesThroughTheFile() throws Exception {
        SettingsStore store = SettingsStore.open(dir, secrets);
        assertTrue(store.connections().isEmpty());
        assertTrue(store.loadProblems().isEmpty());
        Connection c = cipp("cipp-contoso-000001", "Contoso");
        store.saveConnection(c);
        store.updatePreferences(p -> p.withOperatorName("Ada").withTheme(Preferences.Theme.DARK)
                .withWindow(new Preferences.WindowPlacement(10, 20, 1200, 780, true)).withLastView("sessions"));

        SettingsStore reread = SettingsStore.open(dir, secrets);
        assertEquals(List.of(c), reread.connections());
        assertEquals(new Preferences("Ada", Preferences.Theme.DARK,
                new Preferences.WindowPlacement(10, 20, 1200, 780, true), "sessions"), reread.preferences());
        assertEquals(dir.resolve("settings.json"), reread.file());
    }

    @Test
    void writesAtomicallyReadersNeverSeeHalfAFileAndNoTempFilesRemain() throws Exception {
        SettingsStore store = SettingsStore.open(dir, secrets);
        store.saveConnection(cipp("c-0", "Connection 0"));
        Path file = store.file();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> broken = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (writing.get() && broken.get() == null) {
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    JsonObject root = JsonParser.parseString(text).getAsJsonObject();
                    if (!root.has("preferences")) broken.set(text);
                    reads.incrementAndGet();
                } catch (Exception e) {
                    broken.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 150; i++) {
            store.saveConnection(cipp("c-" + i, "Connection " + i + " " + "x".repeat(i * 20)));
        }
        writing.set(false);
        reader.join();
        assertNull(broken.get(), "a reader saw a partial settings file");
        assertTrue(reads.get() > 0);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(151, SettingsStore.open(dir, secrets).connections().size());
    }

    @Test
    void aFailedWriteChangesNothingAndLeavesNoTempFile() throws Exception {
        SettingsStore store = SettingsStore.open(dir, secrets);
        store.saveConnection(cipp("c-1", "One"));
        // Make the final rename impossible: the settings path becomes a non-empty directory.
        Files.delete(store.file());
        Files.createDirectories(store.file().resolve("blocker"));
        SettingsException e = assertThrows(SettingsException.class, () -> store.saveConnection(cipp("c-2", "Two")));
        assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
        assertEquals(1, store.connections().size(), "memory matches the disk, not the failed write");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("settings.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aCorruptFileIsMovedAsideReportedAndNeverOverwritten() throws Exception {
        String garbage = "{\"version\": 1, \"connections\": [ {\"id\": \"cipp-a\", \"kind\": \"cipp\",";
        Files.writeString(dir.resolve("settings.json"), garbage);
        Clock clock = Clock.fixed(Instant.parse("2026-11-03T10:15:30Z"), ZoneOffset.UTC);

        SettingsStore store = SettingsStore.open(dir, secrets, clock);

        Path backup = dir.resolve("settings.json.corrupt-20261103T101530Z");
        assertEquals(garbage, Files.readString(backup));
        assertEquals(1, store.loadProblems().size());
        String problem = store.loadProblems().get(0);
        assertTrue(problem.contains("not valid JSON") && problem.contains(backup.toString()), problem);
        assertTrue(store.connections().isEmpty());
        assertFalse(store.isReadOnly());

        store.saveConnection(cipp("c-1", "One"));
        assertEquals(garbage, Files.readString(backup), "the backup is left alone");
        // A second corrupt file in the same second gets its own backup name.
        Files.writeString(dir.resolve("settings.json"), "[1, 2, 3]");
        SettingsStore again = SettingsStore.open(dir, secrets, clock);
        assertEquals("[1, 2, 3]", Files.readString(dir.resolve("settings.json.corrupt-20261103T101530Z-1")));
        assertTrue(again.loadProblems().get(0).contains("does not hold a JSON object"), again.loadProblems().get(0));
    }

    @Test
    void anUnreadableFileIsReportedAndNeverWrittenOver() throws Exception {
        Path settings = dir.resolve("settings.json");
        Files.createDirectories(settings.resolve("not-a-file"));

        SettingsStore store = SettingsStore.open(dir, secrets);

        assertTrue(store.isReadOnly());
        assertTrue(store.loadProblems().get(0).contains("could not be read"), store.loadProblems().get(0));
        SettingsException refused = assertThrows(SettingsException.class, () -> store.saveConnection(cipp("c-1", "One")));
        assertTrue(refused.getMessage().contains("will not write over it"), refused.getMessage());
        assertTrue(Files.isDirectory(settings.resolve("not-a-file")));
    }

    @Test
    void keepsFieldsAndConnectionsOfANewerVersionOnRewrite() throws Exception {
        String newer = """
            {
              "version": 3,
              "cloudSync": {"enabled": true},
              "connections": [
                {"id": "cipp-a", "kind": "cipp", "displayName": "Contoso", "baseUrl": "https://cipp.example.net",
                 "settings": {"tenantId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "clientId": "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                              "tokenUrl": "https://login.example/token", "regions": ["eu", "us"]},
                 "requestOptions": {"connectTimeout": "PT7S", "readTimeout": "PT1M", "callTimeout": "PT3M",
                                    "skipTlsVerification": false, "http2": "prefer",
                                    "proxy": {"type": "HTTP", "host": "proxy.corp", "port": 8080, "pac": "auto"}},
                 "colour": "teal"},
                {"id": "okta-main", "kind": "okta", "displayName": "Okta", "baseUrl": "https://acme.okta.com", "orgId": 7},
                {"id": "slack-b", "kind": "slack", "displayName": "Acme Slack", "baseUrl": "https://slack.com/api"}
              ],
              "preferences": {"operatorName": "Ada", "theme": "dark", "fontScale": 1.25,
                              "window": {"x": 1, "y": 2, "width": 800, "height": 600, "maximized": false, "screen": 2}}
            }
            """;
        Files.writeString(dir.resolve("settings.json"), newer);
        SettingsStore store = SettingsStore.open(dir, secrets);
        assertTrue(store.loadProblems().isEmpty(), store.loadProblems().toString());
        assertEquals(List.of("cipp-a", "slack-b"), store.connections().stream().map(Connection::id).toList());
        assertTrue(store.isIdTaken("okta-main"), "ids of kept connections are not handed out again");

        Connection renamed = store.connection("cipp-a").orElseThrow().withDisplayName("Contoso MSP");
        Map<String, String> withoutTokenUrl = Map.of("tenantId", renamed.setting("tenantId"), "clientId", renamed.setting("clientId"));
        store.saveConnection(new Connection(renamed.id(), renamed.kind(), renamed.displayName(), renamed.baseUrl(),
                withoutTokenUrl, renamed.requestOptions()));
        store.removeConnection("slack-b");
        store.updatePreferences(p -> p.withLastView("audit"));

        JsonObject root = JsonParser.parseString(Files.readString(store.file())).getAsJsonObject();
        assertEquals(3, root.get("version").getAsInt());
        assertTrue(root.getAsJsonObject("cloudSync").get("enabled").getAsBoolean());
        var list = root.getAsJsonArray("connections");
        assertEquals(2, list.size(), "slack-b removed, okta kept");
        JsonObject cippJson = list.get(0).getAsJsonObject();
        assertEquals("Contoso MSP", cippJson.get("displayName").getAsString());
        assertEquals("teal", cippJson.get("colour").getAsString());
        assertEquals(2, cippJson.getAsJsonObject("settings").getAsJsonArray("regions").size());
        assertFalse(cippJson.getAsJsonObject("settings").has("tokenUrl"), "a cleared setting stays cleared");
        JsonObject options = cippJson.getAsJsonObject("requestOptions");
        assertEquals("prefer", options.get("http2").getAsString());
        assertEquals("auto", options.getAsJsonObject("proxy").get("pac").getAsString());
        assertEquals("PT7S", options.get("connectTimeout").getAsString());
        JsonObject okta = list.get(1).getAsJsonObject();
        assertEquals("okta", okta.get("kind").getAsString());
        assertEquals(7, okta.get("orgId").getAsInt());
        JsonObject prefs = root.getAsJsonObject("preferences");
        assertEquals(1.25, prefs.get("fontScale").getAsDouble());
        assertEquals(2, prefs.getAsJsonObject("window").get("screen").getAsInt());
        assertEquals("audit", prefs.get("lastView").getAsString());
    }

    @Test
    void aConnectionThatCannotBeReadIsKeptAsIsAndReported() throws Exception {
        Files.writeString(dir.resolve("settings.json"), """
            {"connections": [{"id": "cf-x", "kind": "cloudflare", "baseUrl": "https://api.cloudflare.com/client/v4"},
                             {"id": "slack-b", "kind": "slack", "displayName": "Acme Slack", "baseUrl": "https://slack.com/api"}]}
            """);
        SettingsStore store = SettingsStore.open(dir, secrets);
        assertEquals(List.of("slack-b"), store.connections().stream().map(Connection::id).toList());
        assertTrue(store.loadProblems().get(0).contains("no \"displayName\""), store.loadProblems().toString());
        store.updatePreferences(p -> p.withOperatorName("Bo"));
        assertTrue(Files.readString(store.file()).contains("\"cf-x\""));
    }
}
