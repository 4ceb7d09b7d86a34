package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippOffboardingOptions.CONVERT_TO_SHARED;
import static io.signoff.provider.cipp.CippOffboardingOptions.DELETE_USER;
import static io.signoff.provider.cipp.CippOffboardingOptions.DISABLE_SIGN_IN;
import static io.signoff.provider.cipp.CippOffboardingOptions.REMOVE_LICENSES;
import static io.signoff.provider.cipp.CippOffboardingOptions.RESET_PASS;
import static io.signoff.provider.cipp.CippOffboardingOptions.REVOKE_SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.BundleStatus.StepOutcome;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippTestSupport.CountingSecrets;
import io.signoff.provider.cipp.CippTestSupport.MutableClock;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The offboarding job through the simulated CIPP, with the simulator's clock moved by hand: Planned → Running → done. */
class CippOffboardingTest {
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private SimulatorServer sim;
    private CippSimulator cipp;
    private CippProvider provider;
    private List<Tenant> tenants;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatorServer.start(0, Seed.demo(5, Instant.now()), SimCredentials.demo(), 5,
                server -> List.of(new CippSimulator(server.seed(), server.credentials(), server.calls(), clock)));
        cipp = (CippSimulator) sim.api(ProviderKind.CIPP);
        cipp.jobTiming(Duration.ofSeconds(2), Duration.ofSeconds(3));
        provider = new CippProvider(CippTestSupport.simConnection(sim, CippTestSupport.fastOptions()),
                new CountingSecrets(sim.credentials().cippClientSecret()), new HttpClients("signoff-test"), new Redactor());
        tenants = provider.listTenants();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private DirectoryUser user(int tenant, String email) throws ProviderException {
        return provider.findUsers(tenants.get(tenant), email).get(0);
    }

    private static BundleRequest request(String... flags) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String flag : flags) options.put(flag, true);
        return new BundleRequest(options, "TICKET-7 / test", null, null);
    }

    private static List<String> steps(BundleStatus status) {
        return status.steps().stream().map(StepOutcome::step).toList();
    }

    @Test
    void aJobIsPlannedThenRunningThenCompletedAndChangesTheUser() throws Exception {
        DirectoryUser jane = user(0, "jane.doe@contoso.com");
        BundleJob job = provider.queueOffboarding(jane, request(DISABLE_SIGN_IN, REVOKE_SESSIONS, RESET_PASS, CONVERT_TO_SHARED,
                REMOVE_LICENSES));
        assertEquals("Offboarding: jane.doe@contoso.com", job.jobName());
        assertTrue(job.message().startsWith("Successfully added task"), job.message());
        assertEquals(BundleStatus.State.PLANNED, provider.offboardingStatus(job).state());

        clock.advance(Duration.ofSeconds(2));
        BundleStatus running = provider.offboardingStatus(job);
        assertEquals(BundleStatus.State.RUNNING, running.state());
        assertFalse(running.finished());
        assertEquals(AccountStatus.ENABLED, provider.getUser(tenants.get(0), jane.id()).status(), "nothing done yet");

        clock.advance(Duration.ofSeconds(3));
        BundleStatus done = provider.offboardingStatus(job);
        assertEquals(BundleStatus.State.COMPLETED, done.state());
        assertFalse(done.anyStepFailed(), done.rawResults());
        assertEquals(List.of(REVOKE_SESSIONS, RESET_PASS, DISABLE_SIGN_IN, CONVERT_TO_SHARED, REMOVE_LICENSES), steps(done),
                "CIPP's run order, whatever order the options came in");
        DirectoryUser after = provider.getUser(tenants.get(0), jane.id());
        assertEquals(AccountStatus.DISABLED, after.status());
        assertEquals("", after.attributes().getOrDefault(CippProvider.ATTR_LICENCES, ""));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:offboard-queued:jane.doe@contoso.com", 1));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:offboard:DisableSignIn:" + jane.id(), 1));
        assertEquals(1, CippTestSupport.awaitEffect(sim, "cipp:offboard:RevokeSessions:" + jane.id(), 1));
    }

    @Test
    void aCompletedJobWithAFailedStepIsNotASuccess() throws Exception {
        cipp.failOffboardingStep(REMOVE_LICENSES, "License assignment failed because the licence is assigned by group.");
        DirectoryUser omar = user(0, "omar.haddad@contoso.com");
        BundleJob job = provider.queueOffboarding(omar, request(REVOKE_SESSIONS, DISABLE_SIGN_IN, REMOVE_LICENSES));
        clock.advance(Duration.ofSeconds(5));
        BundleStatus status = provider.offboardingStatus(job);
        assertEquals(BundleStatus.State.COMPLETED, status.state());
        assertTrue(status.anyStepFailed());
        StepOutcome licences = status.steps().get(2);
        assertEquals(REMOVE_LICENSES, licences.step());
        assertFalse(licences.succeeded());
        assertTrue(licences.sentence().startsWith("Failed to remove licences"), licences.sentence());
        assertTrue(status.steps().get(0).succeeded() && status.steps().get(1).succeeded());
    }

    @Test
    void anUnlicensedMailboxCannotBeConvertedAndAMissingUserFailsTheJob() throws Exception {
        DirectoryUser chen = user(2, "chen.wei@northwindtraders.com");
        BundleJob convert = provider.queueOffboarding(chen, request(CONVERT_TO_SHARED, RESET_PASS));
        DirectoryUser ghost = new DirectoryUser("cipp-sim", ProviderKind.CIPP, "contoso.onmicrosoft.com", "ghost-id",
                "ghost@contoso.com", "Ghost", AccountStatus.UNKNOWN, false, false, false, false, null, List.of(), List.of(), Map.of());
        BundleJob missing = provider.queueOffboarding(ghost, request(DISABLE_SIGN_IN));
        clock.advance(Duration.ofSeconds(5));

        BundleStatus converted = provider.offboardingStatus(convert);
        assertEquals(BundleStatus.State.COMPLETED, converted.state());
        assertEquals(List.of(true, false), converted.steps().stream().map(StepOutcome::succeeded).toList());

        BundleStatus failed = provider.offboardingStatus(missing);
        assertEquals(BundleStatus.State.FAILED, failed.state());
        assertEquals("Job", failed.steps().get(0).step());
        assertTrue(failed.anyStepFailed());
    }

    @Test
    void aScheduledJobStaysPlannedUntilItsTime() throws Exception {
        DirectoryUser lukas = user(0, "lukas.becker@contoso.com");
        Instant at = clock.instant().plus(Duration.ofHours(1));
        BundleJob job = provider.queueOffboarding(lukas, new BundleRequest(Map.of(DISABLE_SIGN_IN, true), "T-9", at, null));
        assertTrue(job.message().contains("about 60 minutes"), job.message());
        clock.advance(Duration.ofMinutes(30));
        assertEquals(BundleStatus.State.PLANNED, provider.offboardingStatus(job).state());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(BundleStatus.State.COMPLETED, provider.offboardingStatus(job).state());
    }

    @Test
    void aSecondJobOfTheSameNameIsAlreadyQueuedUntilTheFirstFinishes() throws Exception {
        DirectoryUser jane = user(0, "jane.doe@contoso.com");
        BundleJob first = provider.queueOffboarding(jane, request(REVOKE_SESSIONS));
        BundleJob second = provider.queueOffboarding(jane, request(REVOKE_SESSIONS, DISABLE_SIGN_IN));
        assertFalse(CippProvider.alreadyQueued(first));
        assertTrue(CippProvider.alreadyQueued(second), second.message());
        assertEquals(first.jobName(), second.jobName());
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(REVOKE_SESSIONS), steps(provider.offboardingStatus(second)), "the status is the first job's");
        assertFalse(CippProvider.alreadyQueued(provider.queueOffboarding(jane, request(DISABLE_SIGN_IN))));
    }

    @Test
    void deleteUserExcludesTheRestAndIsCheckedBeforeAnythingIsSent() throws Exception {
        DirectoryUser ana = user(1, "ana.souza@fabrikam.com");
        ProviderException clash = assertThrows(ProviderException.class,
                () -> provider.queueOffboarding(ana, request(DELETE_USER, REVOKE_SESSIONS)));
        assertEquals(ErrorKind.INVALID_INPUT, clash.kind());
        assertTrue(clash.getMessage().contains("RevokeSessions"));
        ProviderException typo = assertThrows(ProviderException.class,
                () -> provider.queueOffboarding(ana, request("RevokeSession")));
        assertEquals(ErrorKind.INVALID_INPUT, typo.kind());
        assertEquals(ErrorKind.INVALID_INPUT, assertThrows(ProviderException.class,
                () -> provider.queueOffboarding(ana, request())).kind());
        assertEquals(0, sim.calls().count(ProviderKind.CIPP, "/api/ExecOffboardUser"));

        BundleJob delete = provider.queueOffboarding(ana, request(DELETE_USER));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(DELETE_USER), steps(provider.offboardingStatus(delete)));
        assertEquals(ErrorKind.NOT_FOUND, assertThrows(ProviderException.class,
                () -> provider.getUser(tenants.get(1), ana.id())).kind());
    }
}
