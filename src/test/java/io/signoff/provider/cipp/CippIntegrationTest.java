package io.signoff.provider.cipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.PasswordReset;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippTestSupport.CountingSecrets;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.cipp.CippSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CIPP client against the simulated CIPP over real HTTP on loopback: every capability, every error kind. */
class CippIntegrationTest {
    private SimulatorServer sim;
    private CippSimulator cipp;
    private CippProvider provider;
    private Tenant contoso;

    @BeforeEach
    void start() throws Exception {
        sim = Simulators.start(0, Seed.demo(11, Instant.now()), 11);
        cipp = (CippSimulator) sim.api(ProviderKind.CIPP);
        provider = provider(CippTestSupport.fastOptions(), sim.credentials().cippClientSecret());
        contoso = provider.listTenants().get(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private CippProvider provider(RequestOptions options, String secret) {
        return new CippProvider(CippTestSupport.simConnection(sim, options), new CountingSecrets(secret),
                new HttpClients("signoff-test"), new Redactor());
    }

    private DirectoryUser find(String address) throws ProviderException {
        List<DirectoryUser> found = provider.findUsers(contoso, address);
        assertEquals(1, found.size(), address);
        return found.get(0);
    }

    private long effects(String prefix) {
        return sim.calls().effectCounts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void connectionTenantsAndOffboardingDefaults() throws Exception {
        assertTrue(provider.testConnection().identity().contains(sim.credentials().cippClientId()));
        List<Tenant> tenants = provider.listTenants();
        assertEquals(3, tenants.size());
        assertEquals("contoso.onmicrosoft.com", contoso.id());
        assertEquals("contoso.com", contoso.domain());
        assertEquals(Boolean.TRUE, provider.offboardingDefaults(contoso).get("HideFromGAL"));
        assertEquals(Boolean.TRUE, provider.offboardingDefaults(tenants.get(1)).get("ResetPass"), "defaults sent as a JSON string");
    }

    @Test
    void findsByUpnAliasAndNamePrefixAndNotFoundIsEmpty() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        assertEquals(CippSimulator.userIdFor(sim.seed().people().get(0)), jane.id(), "stable id derived from the person key");
        assertEquals(AccountStatus.ENABLED, jane.status());
        assertNotNull(jane.lastActivity(), "from signInActivity");
        assertTrue(jane.aliases().contains("jdoe@contoso.com"));
        assertEquals(jane.id(), find("jane@contoso.com").id(), "found through proxyAddresses");
        assertTrue(provider.findUsers(contoso, "Jan").stream().anyMatch(u -> u.id().equals(jane.id())));
        sim.calls().clear();
        assertEquals(List.of(), provider.findUsers(contoso, "nobody@contoso.com"));
        // CIPP answers "does not exist" with HTTP 500: that is final, so a miss costs one call per lookup, no retries.
        long listUserCalls = sim.calls().entries(ProviderKind.CIPP).stream().filter(e -> e.path().endsWith("/ListUsers")).count();
        assertTrue(listUserCalls <= 2, "ListUsers calls for a miss: " + listUserCalls);
        assertEquals(List.of(), provider.findUsers(contoso, "O'Brien"), "a quote in the name is escaped, not an error");
        assertEquals(jane.id(), provider.getUser(contoso, jane.id()).id());
        ProviderException gone = assertThrows(ProviderException.class, () -> provider.getUser(contoso, "00000000-0000-0000-0000-000000000000"));
        assertEquals(ErrorKind.NOT_FOUND, gone.kind());
    }

    @Test
    void sessionsComeFromSignInLogsAndARevokeMovesValidFrom() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        SessionList before = provider.listSessions(jane);
        assertEquals(3, before.sessions().size(), "one per device; the refused sign-in is not a session");
        assertTrue(before.sessions().stream().allMatch(s -> s.expires() == null));
        assertNotNull(before.sessions().get(0).ip());
        assertEquals(CippProvider.RESIDUAL_EXPOSURE, before.residualExposure());

        Instant revokedAt = Instant.now().minusSeconds(1);
        assertTrue(provider.revokeAllSessions(jane, RevokeOptions.all()).message().startsWith("Successfully revoked sessions"));
        SessionList after = provider.listSessions(jane);
        assertTrue(after.sessionsValidFrom().isAfter(revokedAt), "valid-from moved to now: " + after.sessionsValidFrom());
        assertEquals(3, after.sessions().size(), "sign-in history stays");
        assertTrue(after.sessions().stream().map(Session::expires).allMatch(after.sessionsValidFrom()::equals));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:revoke:" + jane.id(), 1));
    }

    @Test
    void disableResetPasswordAndResetMfa() throws Exception {
        DirectoryUser omar = find("omar.haddad@contoso.com");
        provider.disableSignIn(omar);
        assertEquals(AccountStatus.DISABLED, provider.getUser(contoso, omar.id()).status());
        PasswordReset reset = provider.resetPassword(omar, true);
        String password = new String(reset.secret());
        assertEquals(16, password.length());
        assertFalse(reset.message().contains(password));
        reset.wipe();
        assertTrue(provider.resetMfa(omar).message().contains("MFA"));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:disable:" + omar.id(), 1));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:resetpass:" + omar.id(), 1));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:resetmfa:" + omar.id(), 1));
    }

    @Test
    void writesOnAMissingUserAreNotFound() {
        DirectoryUser ghost = ghost();
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class,
                () -> provider.revokeAllSessions(ghost, RevokeOptions.all())).kind());
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> provider.resetPassword(ghost, true)).kind());
        assertEquals(0, effects("cipp:"));
    }

    @Test
    void wrongSecretIsRejectedAndExpiredTokensAreRenewedOnce() throws Exception {
        CippProvider wrong = provider(CippTestSupport.fastOptions(), "not-the-secret");
        ProviderException e = assertThrows(ProviderException.class, wrong::testConnection);
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, e.kind());
        assertTrue(e.getMessage().contains("AADSTS7000215"), e.getMessage());

        // Each token fetch asks for the secret once: a client-side count, free of the call log's timing.
        CountingSecrets secrets = new CountingSecrets(sim.credentials().cippClientSecret());
        CippProvider counted = new CippProvider(CippTestSupport.simConnection(sim, CippTestSupport.fastOptions()), secrets,
                new HttpClients("signoff-test"), new Redactor());
        counted.listTenants();
        counted.listTenants();
        assertEquals(1, secrets.asked());
        cipp.expireTokens();
        assertEquals(3, counted.listTenants().size());
        assertEquals(2, secrets.asked(), "one refresh after the 401, then the retry succeeded");
    }

    @Test
    void permissionDisabledFeatureAndTenantListingFailure() {
        cipp.denyEndpoint("ExecDisableUser").disableEndpoint("ExecResetMFA").failTenantListing(true);
        DirectoryUser ghost = ghost();
        assertEquals(ErrorKind.PERMISSION_MISSING, assertThrows(ProviderException.class, () -> provider.disableSignIn(ghost)).kind());
        assertEquals(ErrorKind.UNSUPPORTED, assertThrows(ProviderException.class, () -> provider.resetMfa(ghost)).kind());
        ProviderException listing = assertThrows(ProviderException.class, provider::listTenants);
        assertTrue(listing.getMessage().contains("Failed to retrieve tenants"));
    }

    @Test
    void unknownTenantIsNotFound() {
        Tenant nowhere = new Tenant("cipp-sim", ProviderKind.CIPP, "nowhere.onmicrosoft.com", "Nowhere", "", "");
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class, () -> provider.findUsers(nowhere, "x@y.com")).kind());
    }

    @Test
    void a429IsWaitedOutThenSucceeds() throws Exception {
        awaitCalls("/api/ListTenants", 1); // the listing of start() is logged before the log is cleared
        sim.calls().clear();
        sim.faults(ProviderKind.CIPP).retryAfter(Duration.ofSeconds(1)).forceNext(Fault.RATE_LIMIT, 1);
        assertEquals(3, provider.listTenants().size());
        awaitCalls("/api/ListTenants", 2);
        List<Integer> statuses = sim.calls().entries(ProviderKind.CIPP).stream().map(e -> e.status()).toList();
        assertEquals(List.of(429, 200), statuses);

        CippProvider noRetry = provider(CippTestSupport.fastOptions().withMaxRetries(0), sim.credentials().cippClientSecret());
        noRetry.testConnection();
        sim.faults(ProviderKind.CIPP).forceNext(Fault.RATE_LIMIT, 1);
        ProviderException limited = assertThrows(ProviderException.class, noRetry::listTenants);
        assertEquals(ErrorKind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(1), limited.retryAfter());
    }

    @Test
    void serverErrorsHtmlAndMalformedBodies() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        CippProvider noRetry = provider(CippTestSupport.fastOptions().withMaxRetries(0), sim.credentials().cippClientSecret());
        noRetry.testConnection();
        sim.faults(ProviderKind.CIPP).forceNext(Fault.SERVER_ERROR, 1);
        ProviderException server = assertThrows(ProviderException.class, () -> noRetry.disableSignIn(jane));
        assertEquals(server.httpStatus() == 503 ? ErrorKind.TRANSIENT : ErrorKind.UNKNOWN_OUTCOME, server.kind());

        sim.faults(ProviderKind.CIPP).forceNext(Fault.HTML_ERROR_PAGE, 1);
        ProviderException html = assertThrows(ProviderException.class, noRetry::listTenants);
        assertEquals(ErrorKind.TRANSIENT, html.kind());
        assertEquals("html_body", html.providerCode());

        sim.faults(ProviderKind.CIPP).forceNext(Fault.MALFORMED_BODY, 1);
        assertEquals("malformed_json", assertThrows(ProviderException.class, noRetry::listTenants).providerCode());

        sim.faults(ProviderKind.CIPP).forceNext(Fault.MALFORMED_BODY, 1);
        ProviderException cut = assertThrows(ProviderException.class, () -> noRetry.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, cut.kind());
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:revoke:" + jane.id(), 1), "it did happen: hence verify, never retry");
    }

    @Test
    void aTimeoutOrADropOnAWriteIsAnUnknownOutcomeAndIsNotRetried() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        CippProvider impatient = provider(CippTestSupport.fastOptions()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(3)), sim.credentials().cippClientSecret());
        impatient.testConnection();
        sim.faults(ProviderKind.CIPP).timeoutHang(Duration.ofMillis(700)).forceNext(Fault.TIMEOUT, 1);
        ProviderException timeout = assertThrows(ProviderException.class, () -> impatient.disableSignIn(jane));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, timeout.kind());
        assertEquals("timeout", timeout.providerCode());

        sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, assertThrows(ProviderException.class, () -> impatient.resetMfa(jane)).kind());
        awaitCalls("/api/ExecResetMFA", 1);
        awaitCalls("/api/ExecDisableUser", 1);
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:resetmfa:" + jane.id(), 1), "the dropped write did happen");
        assertEquals(0, sim.calls().effectCounts().getOrDefault("cipp:disable:" + jane.id(), 0L), "the timed-out one did not");

        sim.faults(ProviderKind.CIPP).forceNext(Fault.DROP, 1);
        assertEquals(3, impatient.listTenants().size(), "a read is retried after a drop");
    }

    private void awaitCalls(String pathSuffix, long expected) throws InterruptedException {
        assertEquals(expected, CippTestSupport.awaitCalls(sim, pathSuffix, expected), pathSuffix);
    }

    private DirectoryUser ghost() {
        return new DirectoryUser("cipp-sim", ProviderKind.CIPP, "contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555",
                "ghost@contoso.com", "Ghost", AccountStatus.UNKNOWN, false, false, false, false, null, List.of(), List.of(),
                Map.of(CippProvider.ATTR_UPN, "ghost@contoso.com"));
    }
}
