package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.RevokeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static OffboardingOptions leaverOptions() {
        ProviderOptions cipp = ProviderOptions.none().withDisableSignIn(true).withRevokeSessions(true, RevokeOptions.all())
                .withBundleOption(BundleOptions.CONVERT_TO_SHARED, true)
                .withBundleOption(BundleOptions.OOO, "<p>Jane has left; write to finance@contoso.com</p>")
                .withBundleOption(BundleOptions.FORWARD, "manager@contoso.com")
                .withBundleOption(BundleOptions.ACCESS_NO_AUTOMAP, List.of("manager@contoso.com", "deputy@contoso.com"));
        ProviderOptions cloudflare = ProviderOptions.none().withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.ALL, true, true));
        ProviderOptions slack = ProviderOptions.none().withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.WEB_ONLY, false, false))
                .withDeactivate(true);
        ProviderOptions lucid = ProviderOptions.none().withDeactivate(true).withManualLogout(true);
        return new OffboardingOptions(Map.of("cipp", cipp, "cloudflare", cloudflare, "slack", slack, "lucid", lucid),
                List.of(new CustomStep("Collect laptop", "IT desk, room 2")), "HR-1234");
    }

    @Test
    void aTemplateRoundTripsThroughItsJsonFile(@TempDir Path config) throws IOException {
        TemplateStore store = new TemplateStore(config, Clock.fixed(NOW, ZoneOffset.UTC));
        OptionsTemplate saved = store.save(new OptionsTemplate("Leaver — standard", null, leaverOptions(), null));

        assertEquals(NOW, saved.savedAt());
        OptionsTemplate loaded = store.load("leaver — STANDARD").orElseThrow();
        assertEquals(saved, loaded, "names match regardless of case; every option survives the file");
        assertEquals(List.of("manager@contoso.com", "deputy@contoso.com"),
                loaded.options().forConnection("cipp").bundle().get(BundleOptions.ACCESS_NO_AUTOMAP));
        try (Stream<Path> files = Files.list(config.resolve("templates"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one file, no temporary left behind: " + all);
            assertTrue(all.get(0).getFileName().toString().matches("leaver-standard-[0-9a-f]{8}\\.json"), all.toString());
        }
    }

    @Test
    void templatesListPerTenantReplaceByNameAndDelete(@TempDir Path config) throws IOException {
        TemplateStore store = new TemplateStore(config);
        store.save(new OptionsTemplate("Standard", null, leaverOptions(), null));
        store.save(new OptionsTemplate("Contoso leaver", "contoso.onmicrosoft.com", leaverOptions(), null));
        store.save(new OptionsTemplate("Fabrikam leaver", "fabrikam.onmicrosoft.com", OffboardingOptions.empty(), null));
        store.save(new OptionsTemplate("STANDARD", null, OffboardingOptions.empty().withReference("v2"), null));

        assertEquals(List.of("Contoso leaver", "Fabrikam leaver", "STANDARD"), store.list().stream().map(OptionsTemplate::name).toList());
        assertEquals(List.of("Contoso leaver", "STANDARD"),
                store.list("CONTOSO.onmicrosoft.com").stream().map(OptionsTemplate::name).toList());
        assertEquals("v2", store.load("standard").orElseThrow().options().reference());

        assertTrue(store.delete("Fabrikam leaver"));
        assertFalse(store.delete("Fabrikam leaver"));
        assertTrue(store.load("Fabrikam leaver").isEmpty());
    }

    @Test
    void anUnreadableFileIsSkippedNotFatal(@TempDir Path config) throws IOException {
        TemplateStore store = new TemplateStore(config);
        store.save(new OptionsTemplate("Good", null, leaverOptions(), null));
        Files.writeString(store.directory().resolve("broken.json"), "{\"name\": \"Broken\", \"options\": [");
        assertEquals(List.of("Good"), store.list().stream().map(OptionsTemplate::name).toList());
    }
}
