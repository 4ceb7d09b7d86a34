package io.signoff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.ProviderOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

class OptionsFileTest {
    static final List<Connection> CONNECTIONS = List.of(
            new Connection("m365", ProviderKind.CIPP, "M365", "https://cipp.example", Map.of(), null),
            new Connection("grid", ProviderKind.SLACK, "Grid", "https://slack.com/api", Map.of(), null),
            new Connection("grid-2", ProviderKind.SLACK, "Grid 2", "https://slack.com/api", Map.of(), null),
            new Connection("lucid", ProviderKind.SCIM, "Lucid", "https://lucid.example/scim/v2", Map.of(), null));

    @TempDir
    Path dir;

    @Test
    void aKindAppliesToEachOfItsConnectionsUnlessOneIsNamedByItsId() throws Exception {
        OffboardingOptions o = read("""
                {"reference": " T-1 ",
                 "byConnection": {
                   "slack": {"revokeSessions": true, "revoke": {"scope": "web-only"}},
                   "grid-2": {"deactivate": true},
                   "m365": {"disableSignIn": true, "bundle": {"converttoshared": true, "OOO": "Gone", "OnedriveAccess": ["a@x.com"]}}},
                 "customSteps": [{"title": "Collect the laptop"}]}
                """);
        assertEquals("T-1", o.reference());
        ProviderOptions grid = o.forConnection("grid");
        assertTrue(grid.revokeSessions());
        assertEquals(RevokeOptions.Scope.WEB_ONLY, grid.revoke().scope());
        ProviderOptions grid2 = o.forConnection("grid-2");
        assertTrue(grid2.deactivate());
        assertFalse(grid2.revokeSessions(), "the id wins over the kind");
        ProviderOptions m365 = o.forConnection("m365");
        assertEquals(Map.of("ConvertToShared", true, "OOO", "Gone", "OnedriveAccess", List.of("a@x.com")), m365.bundle());
        assertFalse(o.byConnection().containsKey("lucid"), "no entry: no automatic step");
        assertEquals("Collect the laptop", o.customSteps().get(0).title());
    }

    @Test
    void aTemplateFileSavedByTheConsoleIsReadToo() throws Exception {
        OffboardingOptions o = read("""
                {"name": "Leaver", "tenant": null, "savedAt": "2026-11-01T10:00:00Z",
                 "options": {"byConnection": {"lucid": {"manualLogout": true, "deactivate": true}}, "customSteps": [], "reference": ""}}
                """);
        assertTrue(o.forConnection("lucid").manualLogout());
    }

    @Test
    void theReadmeExampleIsAValidOptionsFile() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### The `--options` file");
        int start = readme.indexOf("```json", section) + "```json".length();
        Files.writeString(dir.resolve("options.json"), readme.substring(start, readme.indexOf("```", start)));
        List<Connection> demo = List.of(
                new Connection("demo-cipp", ProviderKind.CIPP, "Demo MSP", "https://cipp.example", Map.of(), null),
                new Connection("demo-slack", ProviderKind.SLACK, "Grid", "https://slack.com/api", Map.of(), null),
                new Connection("demo-cloudflare", ProviderKind.CLOUDFLARE, "Zero Trust", "https://api.cloudflare.com", Map.of(), null),
                new Connection("demo-lucid", ProviderKind.SCIM, "Lucid", "https://lucid.example/scim/v2", Map.of(), null));
        OffboardingOptions o = OptionsFile.read(dir.resolve("options.json"), demo);
        assertEquals(Set.of("demo-cipp", "demo-slack", "demo-cloudflare", "demo-lucid"), o.byConnection().keySet());
        assertTrue(o.forConnection("demo-cloudflare").revoke().warpReauth());
        assertEquals(List.of("lee@contoso.com"), o.forConnection("demo-cipp").bundle().get("OnedriveAccess"));
        assertEquals(List.of("psa"), o.forConnection("demo-cipp").bundle().get("postExecution"));
    }

    @Test
    void mistakesNameTheirPlace() {
        assertProblem("{\"byConnection\": {\"grid\": {\"deactivate\": \"yes\"}}}", "byConnection.grid.deactivate: expected true or false");
        assertProblem("{\"byConnection\": {\"grid\": {\"bundle\": {\"RemoveEverything\": true}}}}",
                "byConnection.grid.bundle.RemoveEverything: not an offboarding job option");
        assertProblem("{\"byConnection\": {\"grid\": {\"revoke\": {\"scope\": \"desktop\"}}}}",
                "byConnection.grid.revoke.scope: expected all, web-only or mobile-only");
        assertProblem("{\"customSteps\": [{\"instruction\": \"no title\"}]}", "customSteps[0].title: a custom step needs a title");
        assertProblem("{\"byConection\": {}}", "byConection: unknown key");
        assertProblem("[]", "the file: expected an object");
    }

    @Test
    void datesAndWaitsOnTheCommandLine() {
        CliValues.DateTime dates = new CliValues.DateTime(ZoneOffset.ofHours(1));
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), dates.convert("2026-11-30T17:00"));
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), dates.convert("2026-11-30 17:00"));
        assertEquals(Instant.parse("2026-11-30T17:00:00Z"), dates.convert("2026-11-30T17:00:00Z"));
        assertThrows(TypeConversionException.class, () -> dates.convert("next friday"));
        CliValues.Wait waits = new CliValues.Wait();
        assertEquals(Duration.ofSeconds(90), waits.convert("90s"));
        assertEquals(Duration.ofMinutes(15), waits.convert("15m"));
        assertEquals(Duration.ofHours(2), waits.convert("2h"));
        assertEquals(Duration.ofMinutes(15), waits.convert("PT15M"));
        assertThrows(TypeConversionException.class, () -> waits.convert("a while"));
    }

    @Test
    void cippsNotificationChannelsAreReadAndAnUnknownChannelIsNamed() throws Exception {
        OffboardingOptions o = read("""
                {"byConnection": {"m365": {"bundle": {"RemoveLicenses": true, "postExecution": ["PSA", "email"]}}}}
                """);
        assertEquals(Map.of("RemoveLicenses", true, "postExecution", List.of("email", "psa")), o.forConnection("m365").bundle());
        assertProblem("""
                {"byConnection": {"m365": {"bundle": {"RemoveLicenses": true, "postExecution": ["email", "sms"]}}}}
                """, "byConnection.m365.bundle.postExecution: expected a list of channels, some of webhook, email, psa");
        assertProblem("""
                {"byConnection": {"m365": {"bundle": {"postExecution": "email"}}}}
                """, "byConnection.m365.bundle.postExecution");
        OffboardingOptions cippsForm = read("""
                {"byConnection": {"m365": {"bundle": {"DeleteUser": true, "postExecution": {"webhook": false, "Email": true}}}}}
                """);
        assertEquals(List.of("email"), cippsForm.forConnection("m365").bundle().get("postExecution"), "CIPP's own form");
        assertProblem("""
                {"byConnection": {"m365": {"bundle": {"postExecution": {"email": "yes"}}}}}
                """, "byConnection.m365.bundle.postExecution: expected a list of channels");
    }

    private void assertProblem(String json, String expected) {
        CliExit e = assertThrows(CliExit.class, () -> read(json));
        assertEquals(ExitCodes.USAGE, e.code());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private OffboardingOptions read(String json) throws Exception {
        Path file = dir.resolve("options.json");
        Files.writeString(file, json);
        return OptionsFile.read(file, CONNECTIONS);
    }
}
