package io.signoff.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.provider.ProviderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFinderTest {
    @TempDir Path dir;

    @Test
    void foundNotFoundAndUnreachableConnectionsAreAllReported() throws Exception {
        try (SimHarness h = SimHarness.start(dir)) {
            List<Connection> connections = new ArrayList<>(h.connections);
            Connection broken = new Connection("broken", ProviderKind.SCIM, "Old SCIM app", "http://127.0.0.1:9/scim", Map.of(), null);
            connections.add(broken);
            ProviderLookup lookup = id -> {
                if (id.equals("broken")) throw ProviderException.unsupported("no client for the old app");
                return h.providers.provider(id);
            };
            TargetFinder finder = new TargetFinder(() -> connections, lookup);

            OffboardingTarget jane = finder.find("Jane.Doe@contoso.com", Set.of());
            assertEquals("jane.doe@contoso.com", jane.email());
            assertEquals("Jane Doe", jane.displayName());
            assertEquals(4, jane.found().size());
            TargetAccount lucid = jane.found().stream().filter(a -> a.connection().id().equals("lucid")).findFirst().orElseThrow();
            assertNotNull(lucid.manualSessionInstruction(), "Lucid has no session API: the manual instruction comes along");
            TargetAccount slack = jane.found().stream().filter(a -> a.connection().id().equals("slack")).findFirst().orElseThrow();
            assertNull(slack.manualSessionInstruction());
            assertTrue(jane.found().stream().filter(a -> a.connection().id().equals("cipp")).allMatch(a -> a.supports(Capability.OFFBOARD_BUNDLE)));
            assertEquals(List.of(AccountLookup.UNREACHABLE), jane.missing().stream().map(TargetAccount::lookup).toList());
            assertTrue(jane.missing().get(0).detail().contains("no client for the old app"));

            String priya = h.sim.seed().people().stream().filter(p -> p.email().startsWith("priya")).findFirst().orElseThrow().email();
            List<OffboardingTarget> bulk = finder.findAll(List.of(priya, "nobody@contoso.com"), Set.of("cloudflare", "slack"), null);
            assertEquals(List.of(AccountLookup.NOT_FOUND), bulk.get(0).missing().stream().map(TargetAccount::lookup).toList(),
                    "Priya has no Cloudflare account");
            assertTrue(bulk.get(0).found().get(0).account().primaryOwner());
            assertEquals(2, bulk.get(1).missing().size());
            assertEquals(0, bulk.get(1).found().size());
        }
    }
}
