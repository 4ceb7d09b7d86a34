package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.audit.AuditFilter;
import io.signoff.audit.AuditLog;
import io.signoff.audit.AuditRecord;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SortOrder;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.model.AuditEvent;
import io.signoff.model.Connection;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import io.signoff.model.Session;
import io.signoff.model.Tenant;
import io.signoff.simulator.Fault;
import io.signoff.testing.SimulatedConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, revokes and their verification against the simulator over real HTTP, with the audit rows they leave. */
class SessionsControllerTest {
    private SimulatedConnections sim;
    private TenantsController tenants;
    private LookupController lookup;
    private SessionsController sessions;
    private SqliteAuditStore store;

    @BeforeEach
    void start(@TempDir Path data) throws Exception {
        sim = SimulatedConnections.start();
        store = SqliteAuditStore.open(data.resolve(SqliteAuditStore.FILE_NAME));
        tenants = new TenantsController(new ProviderPool(sim::connections, sim.providers(), sim.secrets()), sim.executor());
        lookup = new LookupController(tenants, sim.executor());
        sessions = controller(store);
    }

    private SessionsController controller(AuditLog log) {
        return new SessionsController(tenants, log, () -> new OperatorIdentity("tester", "Test Desk", "test-host"), "ui",
                sim.executor(), new VerificationPolicy(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), Duration.ofMinutes(5)),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        store.close();
        sim.close();
    }

    /** Every row in the audit file, oldest first, after checking the hash chain is intact. */
    private List<AuditRecord> rows() {
        assertTrue(store.verify().ok(), store.verify().toString());
        return store.page(AuditFilter.ALL, SortOrder.OLDEST_FIRST, null, 1000).rows();
    }

    private List<Outcome> outcomes() {
        return rows().stream().map(r -> r.event().outcome()).toList();
    }

    /**
     * Finds a Contoso person. The search is scoped to the tenants Contoso people live in: these tests are about
     * sessions, and asking the other Microsoft 365 tenants only costs time.
     */
    private Person find(String email) throws Exception {
        Set<Tenant> contoso = new HashSet<>();
        for (Connection c : sim.connections()) {
            tenants.tenants(c).get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> c.kind() != ProviderKind.CIPP || t.id().startsWith("contoso")).forEach(contoso::add);
        }
        return lookup.search(SearchQuery.parse(email), new LookupScope(contoso), s -> { }).done().get(20, TimeUnit.SECONDS)
                .people().get(0);
    }

    private SessionsSnapshot load(Person p) throws Exception {
        return sessions.load(p, s -> { }).get(20, TimeUnit.SECONDS);
    }

    private static AccountSessions account(SessionsSnapshot s, String connectionId) {
        return s.accounts().stream().filter(a -> a.connection().id().equals(connectionId)).findFirst().orElseThrow();
    }

    @Test
    void listsEverySessionOfJaneWithAManualRowWhereThereIsNoApi() throws Exception {
        SessionsSnapshot s = load(find("jane.doe@contoso.com"));
        assertTrue(s.finished());
        AccountSessions slack = account(s, SimulatedConnections.SLACK);
        assertEquals(6, slack.sessionCount(), "3 devices in each of 2 workspaces");
        assertTrue(slack.sessions().sessions().stream().allMatch(slack::canRevoke));
        AccountSessions cf = account(s, SimulatedConnections.CLOUDFLARE);
        assertTrue(cf.sessionCount() > 0);
        assertFalse(cf.canRevoke(cf.sessions().sessions().get(0)), "Cloudflare revokes per user, never one session");
        assertFalse(cf.residualExposure().isBlank());
        AccountSessions lucid = account(s, SimulatedConnections.LUCID);
        assertTrue(lucid.manualOnly());
        SessionRow manualRow = s.rows().stream().filter(r -> r.owner() == lucid).findFirst().orElseThrow();
        assertEquals(SessionRow.Kind.MANUAL, manualRow.kind());
        assertTrue(manualRow.note().startsWith("No API — manual step: "), manualRow.note());
    }

    @Test
    void revokingOneSlackSessionEndsExactlyThatOneAndAuditsEachStep() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        AccountSessions slack = account(before, SimulatedConnections.SLACK);
        Session target = slack.sessions().sessions().get(1);

        RevokePlan plan = sessions.planOne(jane, slack, target);
        assertEquals(1, plan.calls().size());
        assertTrue(plan.calls().get(0).description().contains("end session " + target.id()), plan.calls().get(0).description());
        assertFalse(plan.requiresTypedConfirmation());
        RevokeReport report = sessions.execute(plan, r -> { }).done().get(20, TimeUnit.SECONDS);

        assertEquals(CallState.SUCCEEDED, report.calls().get(0).state());
        assertEquals(VerifyState.VERIFIED, report.verifications().get(0).state(), report.verifications().get(0).detail());
        Set<String> after = account(load(jane), SimulatedConnections.SLACK).sessions().sessions().stream()
                .map(Session::id).collect(Collectors.toSet());
        Set<String> expected = slack.sessions().sessions().stream().map(Session::id).filter(id -> !id.equals(target.id()))
                .collect(Collectors.toSet());
        assertEquals(expected, after, "the other five sessions remain");
        assertEquals(1, sim.simulator().calls().count(ProviderKind.SLACK, "admin.users.session.invalidate"));

        List<AuditRecord> rows = rows();
        assertEquals(List.of(Outcome.ATTEMPTED, Outcome.SUCCEEDED, Outcome.VERIFIED), outcomes());
        AuditEvent attempt = rows.get(0).event();
        assertEquals("tester (Test Desk)", attempt.operator());
        assertEquals("test-host", attempt.machine());
        assertEquals("ui", attempt.channel());
        assertEquals(SimulatedConnections.SLACK, attempt.connectionId());
        assertEquals(ProviderKind.SLACK, attempt.provider());
        assertEquals("jane.doe@contoso.com", attempt.targetEmail());
        assertEquals(slack.account().id(), attempt.targetUserId());
        assertEquals(PlannedRevoke.REVOKE_ONE, attempt.action());
        assertEquals(target.id(), attempt.parameters().get("sessionId"));
        assertEquals(report.runId(), attempt.runId());
        AuditEvent succeeded = rows.get(1).event();
        AuditEvent verified = rows.get(2).event();
        assertEquals(rows.get(0).sequence(), rows.get(1).attemptSequence(), "the outcome points at its attempt");
        assertEquals(rows.get(0).sequence(), rows.get(2).attemptSequence(), "so does the verification");
        assertEquals(PlannedRevoke.REVOKE_ONE, verified.action());
        assertEquals("verification", verified.parameters().get("phase"));
        assertTrue(verified.message().startsWith("Verification: Session " + target.id() + " is no longer listed"), verified.message());
        assertEquals(slack.account().id(), succeeded.targetUserId());
        assertTrue(rows.stream().noneMatch(r -> r.parametersJson().contains(sim.simulator().credentials().slackToken())));
    }

    @Test
    void revokingEverywhereVerifiesEachProviderAndLeavesTheManualStep() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        RevokePlan plan = sessions.planEverywhere(before);
        assertTrue(plan.requiresTypedConfirmation());
        assertFalse(plan.confirmedBy("jane@contoso.com"));
        assertTrue(plan.confirmedBy(" JANE.DOE@contoso.com "));
        Set<String> called = plan.calls().stream().map(c -> c.connection().id()).collect(Collectors.toSet());
        assertEquals(Set.of(SimulatedConnections.CIPP, SimulatedConnections.SLACK, SimulatedConnections.CLOUDFLARE), called);
        assertEquals(SimulatedConnections.LUCID, plan.manualSteps().get(0).connection().id());

        RevokeReport report = sessions.execute(plan, r -> { }).done().get(30, TimeUnit.SECONDS);
        for (Verification v : report.verifications()) {
            VerifyState expected = v.connection().id().equals(SimulatedConnections.LUCID) ? VerifyState.MANUAL : VerifyState.VERIFIED;
            assertEquals(expected, v.state(), v.connection().id() + ": " + v.detail());
            if (expected == VerifyState.VERIFIED) assertFalse(v.residualExposure().isBlank(), v.connection().id());
        }
        assertTrue(report.allVerified());
        SessionsSnapshot after = load(jane);
        assertEquals(0, account(after, SimulatedConnections.SLACK).sessionCount());
        assertEquals(0, account(after, SimulatedConnections.CLOUDFLARE).sessionCount());
        assertTrue(account(after, SimulatedConnections.CIPP).sessions().sessionsValidFrom() != null);
        // Per call: attempted, succeeded, verified.
        List<AuditRecord> rows = rows();
        assertEquals(3, rows.stream().filter(r -> r.event().outcome() == Outcome.VERIFIED).count());
        assertEquals(3, rows.stream().filter(r -> r.event().outcome() == Outcome.ATTEMPTED).count());
        assertEquals(Set.of(ProviderKind.CIPP, ProviderKind.SLACK, ProviderKind.CLOUDFLARE),
                rows.stream().map(r -> r.event().provider()).collect(Collectors.toSet()));
        assertTrue(rows.stream().allMatch(r -> "jane.doe@contoso.com".equals(r.event().targetEmail())));
    }

    @Test
    void anUnknownOutcomeIsVerifiedByReadingBackNotByRetrying() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        sim.simulator().faults(ProviderKind.SLACK).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        RevokeReport report = sessions.execute(sessions.planConnection(before, SimulatedConnections.SLACK), r -> { })
                .done().get(20, TimeUnit.SECONDS);
        assertEquals(CallState.UNKNOWN, report.calls().get(0).state());
        assertEquals(VerifyState.VERIFIED, report.verifications().get(0).state(), report.verifications().get(0).detail());
        assertEquals(1, sim.simulator().calls().count(ProviderKind.SLACK, "admin.users.session.reset"), "never retried");
        assertEquals(List.of(Outcome.ATTEMPTED, Outcome.UNKNOWN, Outcome.VERIFIED), outcomes());
    }

    @Test
    void aDroppedRevokeThatDidNothingEndsFailedAfterTheRechecksAndSaysARetryIsSafe() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        sim.simulator().faults(ProviderKind.SLACK).forceNext(Fault.DROP, 1);
        List<RevokeReport> seen = new CopyOnWriteArrayList<>();
        RevokeReport report = sessions.execute(sessions.planConnection(before, SimulatedConnections.SLACK), seen::add)
                .done().get(20, TimeUnit.SECONDS);
        assertEquals(CallState.UNKNOWN, report.calls().get(0).state());
        assertTrue(seen.stream().anyMatch(r -> r.verifications().get(0).state() == VerifyState.NOT_YET_VISIBLE),
                "not yet visible, re-checked");
        Verification v = report.verifications().get(0);
        assertEquals(VerifyState.FAILED, v.state());
        assertEquals(3, v.checks(), "the first read and two re-checks");
        assertTrue(v.detail().contains("Revoking again is safe"), v.detail());
        assertEquals(6, account(load(jane), SimulatedConnections.SLACK).sessionCount());
        assertEquals(List.of(Outcome.ATTEMPTED, Outcome.UNKNOWN, Outcome.FAILED), outcomes());
    }

    @Test
    void noCallIsMadeWhenTheAuditLogCannotRecordTheAttempt() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        store.close(); // an audit file that cannot be written to
        sim.simulator().calls().clear();
        RevokeReport report = sessions.execute(sessions.planEverywhere(before), r -> { }).done().get(20, TimeUnit.SECONDS);
        assertTrue(report.calls().stream().allMatch(c -> c.state() == CallState.NOT_SENT));
        assertTrue(report.calls().get(0).message().contains("audit log could not record"), report.calls().get(0).message());
        assertTrue(sim.simulator().calls().entries().isEmpty(), "nothing reached a provider");
        store = SqliteAuditStore.open(store.file());
        assertTrue(rows().isEmpty());
    }

    @Test
    void privilegedTargetsAreWarnedAndAPrimaryOwnerRefusalIsReportedAsFailed() throws Exception {
        Person priya = find("priya.raman@contoso.com");
        SessionsSnapshot before = load(priya);
        RevokePlan plan = sessions.planConnection(before, SimulatedConnections.SLACK);
        assertTrue(plan.privileged());
        assertTrue(plan.warnings().get(0).contains("PRIMARY OWNER"), plan.warnings().toString());
        RevokeReport report = sessions.execute(plan, r -> { }).done().get(20, TimeUnit.SECONDS);
        CallOutcome call = report.calls().get(0);
        assertEquals(CallState.FAILED, call.state());
        assertTrue(call.reference().startsWith("cannot_reset_primary_owner"), call.reference());
        assertEquals(VerifyState.FAILED, report.verifications().get(0).state());
        List<AuditRecord> rows = rows();
        assertEquals(List.of(Outcome.ATTEMPTED, Outcome.FAILED), rows.stream().map(r -> r.event().outcome()).toList(),
                "a refused call is not verified: there is nothing to read back");
        assertEquals("cannot_reset_primary_owner", rows.get(1).event().reference().split(" ")[0]);
    }

    @Test
    void cancellingBeforeSendingStopsTheCalls() throws Exception {
        Person jane = find("jane.doe@contoso.com");
        SessionsSnapshot before = load(jane);
        io.signoff.testing.QueuedExecutor queued = new io.signoff.testing.QueuedExecutor();
        SessionsController held = new SessionsController(tenants, store, () -> OperatorIdentity.current(null), "cli", queued,
                VerificationPolicy.standard(), Clock.systemUTC());
        sim.simulator().calls().clear();
        RevokeRun run = held.execute(held.planEverywhere(before), r -> { });
        assertEquals(3, run.cancel());
        queued.runAll();
        RevokeReport report = run.done().get(1, TimeUnit.SECONDS);
        assertTrue(report.verifications().stream().allMatch(v -> v.state() == VerifyState.NOT_SENT || v.state() == VerifyState.MANUAL));
        assertTrue(sim.simulator().calls().entries().isEmpty());
        assertTrue(rows().isEmpty(), "nothing attempted, nothing audited");
    }
}
