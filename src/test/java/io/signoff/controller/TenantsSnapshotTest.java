package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.signoff.model.Connection;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantsSnapshotTest {
    private final Connection cipp = new Connection("cipp", ProviderKind.CIPP, "MSP", "http://x", null, null);
    private final Connection slack = new Connection("slack", ProviderKind.SLACK, "Grid", "http://x", null, null);
    private final Connection cf = new Connection("cf", ProviderKind.CLOUDFLARE, "Zero Trust", "http://x", null, null);

    @Test
    void failedAndEmptyConnectionsBecomeRowsThatSurviveAnyFilter() {
        TenantsSnapshot s = new TenantsSnapshot(List.of(
                new ConnectionTenants(cipp, LoadState.LOADED, List.of(
                        new Tenant("cipp", ProviderKind.CIPP, "contoso.onmicrosoft.com", "Contoso Ltd", "contoso.onmicrosoft.com", "granularDelegatedAdminPrivileges"),
                        new Tenant("cipp", ProviderKind.CIPP, "fabrikam.onmicrosoft.com", "Fabrikam Inc", "fabrikam.onmicrosoft.com", "delegatedAdminPrivileges")),
                        null, ""),
                new ConnectionTenants(slack, LoadState.ERROR, List.of(), ErrorKind.CREDENTIALS_REJECTED, "invalid_auth"),
                new ConnectionTenants(cf, LoadState.LOADED, List.of(), null, "")));
        assertEquals(4, s.rows().size());
        List<TenantRow> fab = TenantsSnapshot.filter(s.rows(), "  FABRI ");
        assertEquals(List.of("Fabrikam Inc", "Grid", "Zero Trust"), fab.stream().map(TenantRow::name).toList());
        assertEquals("invalid_auth", fab.get(1).status());
        assertEquals(TenantRow.Kind.EMPTY, fab.get(2).kind());
        List<TenantRow> gdap = TenantsSnapshot.filter(s.rows(), "granular");
        assertEquals(List.of("Contoso Ltd"), gdap.stream().filter(TenantRow::isTenant).map(TenantRow::name).toList(),
                "the GDAP status is searchable");
        assertEquals(4, TenantsSnapshot.filter(s.rows(), "").size());
    }
}
