package io.signoff.provider.slack;

import static io.signoff.provider.slack.SlackTestSupport.awaitLogged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.ConnectionCheck;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.ProviderException;
import io.signoff.simulator.CallLog;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.Simulators;
import io.signoff.simulator.slack.SlackSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack client over real HTTP against the stateful simulator: every capability, its failures and its pacing. */
class SlackProviderSimulatorTest {
    private static final String TOKEN = SimCredentials.demo().slackToken();

    private SimulatorServer sim;
    private SlackSimulator slackSim;
    private SlackProvider slack;
    private Tenant hq;
    private Tenant eng;

    @BeforeEach
    void start() throws Exception {
        sim = Simulators.start(0, Seed.demo(42, Instant.parse("2026-11-01T00:00:00Z")), 42);
        slackSim = (SlackSimulator) sim.api(ProviderKind.SLACK);
        slack = provider(SlackTestSupport.fastOptions(), SlackLimits.defaults());
        hq = new Tenant(SlackTestSupport.CONNECTION_ID, ProviderKind.SLACK, "T01HQCONTO", "Contoso HQ", "", "");
        eng = new Tenant(SlackTestSupport.CONNECTION_ID, ProviderKind.SLACK, "T02ENGCONT", "Contoso Engineering", "", "");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SlackProvider provider(RequestOptions options, SlackLimits limits) {
        return SlackTestSupport.provider(sim.baseUrl(ProviderKind.SLACK).toString(), TOKEN, options, limits);
    }

    private DirectoryUser find(String email) throws ProviderException {
        List<DirectoryUser> found = slack.findUsers(hq, email);
        assertEquals(1, found.size(), email);
        return found.get(0);
    }

    private Seed.Person person(String email) {
        return sim.seed().people().stream().filter(p -> p.email().equals(email)).findFirst().orElseThrow();
    }

    @Test
    void testConnectionNamesTheOrgAdminAndItsScopes() throws Exception {
        ConnectionCheck check = slack.testConnection();
        assertTrue(check.identity().startsWith(SlackSimulator.CALLER_NAME), check.identity());
        assertTrue(check.permissions().contains("admin.users:write"), check.permissions().toString());
        assertTrue(check.detail().contains("org-level install"), check.detail());
    }

    @Test
    void workspacesComeFromAdminTeamsListOverSeveralPages() throws Exception {
        SlackProvider onePerPage = provider(SlackTestSupport.fastOptions(), SlackLimits.defaults().withPageSizes(1, 1000));
        List<Tenant> tenants = onePerPage.listTenants();
        assertEquals(List.of("T01HQCONTO", "T02ENGCONT"), tenants.stream().map(Tenant::id).toList());
        assertEquals("contoso-hq.slack.com", tenants.get(0).domain());
        awaitLogged(2L, () -> sim.calls().count(ProviderKind.SLACK, "/admin.teams.list"), "one call per page");
    }

    @Test
    void findByEmailReturnsTheOrgUserWithAllItsWorkspaces() throws Exception {
        DirectoryUser jane = find("Jane.Doe@contoso.com");
        assertEquals(SlackSimulator.userIdOf(person("jane.doe@contoso.com")), jane.id());
        assertEquals(List.of("T01HQCONTO", "T02ENGCONT"), jane.workspaces());
        assertEquals("Jane Doe", jane.displayName());
        assertTrue(slack.findUsers(hq, "deploybot@contoso.com").isEmpty(), "the bot lives in Engineering only");
        assertTrue(slack.findUsers(eng, "deploybot@contoso.com").get(0).bot());
        assertTrue(find("priya.raman@contoso.com").primaryOwner());
        assertTrue(find("omar.haddad@contoso.com").admin());
    }

    @Test
    void aliasesAndUnknownAddressesAreNotFound() throws Exception {
        // Slack matches the primary address only; the fallback scan of admin.users.list cannot know aliases either.
        assertTrue(slack.findUsers(hq, "jdoe@contoso.com").isEmpty());
        assertTrue(slack.findUsers(hq, "nobody@example.org").isEmpty());
        awaitLogged(true, () -> sim.calls().count(ProviderKind.SLACK, "/admin.users.list") >= 2, "fell back to the admin list");
        ProviderException e = assertThrows(ProviderException.class, () -> slack.getUser(hq, "W0NOBODY0"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
    }

    @Test
    void lookupWithoutTheEmailScopeFallsBackToTheAdminList() throws Exception {
        slackSim.grantedScopes(Set.of("admin.users:read", "admin.users:write", "admin.teams:read"));
        DirectoryUser lukas = find("lukas.becker@contoso.com");
        assertEquals(List.of("T01HQCONTO"), lukas.workspaces());
        awaitLogged(1L, () -> sim.calls().count(ProviderKind.SLACK, "/users.lookupByEmail"), "one lookup, then the scan");
    }

    @Test
    void nameSearchAndGetUserPageThroughTheAdminList() throws Exception {
        SlackProvider smallPages = provider(SlackTestSupport.fastOptions(), SlackLimits.defaults().withPageSizes(5, 1000));
        List<DirectoryUser> does = smallPages.findUsers(hq, "jane doe");
        assertEquals(List.of("jane.doe@contoso.com"), does.stream().map(DirectoryUser::email).toList());
        List<DirectoryUser> withA = smallPages.findUsers(hq, "a");
        assertTrue(withA.size() > 10, "matches across pages: " + withA.size());
        long hqUsers = sim.seed().peopleIn(ProviderKind.SLACK).stream().filter(p -> p.slackWorkspaces().contains("T01HQCONTO")).count();
        long pages = (hqUsers + 4) / 5;
        awaitLogged(2 * pages, () -> sim.calls().count(ProviderKind.SLACK, "/admin.users.list"), "read every page, twice");
        String lastId = SlackSimulator.userIdOf(person("hana.jensen@contoso.com"));
        DirectoryUser hana = smallPages.getUser(hq, lastId);
        assertEquals("Hana Jensen", hana.displayName());
        assertEquals(AccountStatus.ENABLED, hana.status());
    }

    @Test
    void sessionsOfEveryWorkspaceArrivePageByPage() throws Exception {
        SlackProvider twoPerPage = provider(SlackTestSupport.fastOptions(), SlackLimits.defaults().withPageSizes(100, 2));
        DirectoryUser jane = find("jane.doe@contoso.com");
        SessionList list = twoPerPage.listSessions(jane);
        assertEquals(6, list.sessions().size(), "3 devices in each of 2 workspaces");
        assertEquals(Set.of("T01HQCONTO", "T02ENGCONT"), list.sessions().stream().map(Session::tenantId).collect(java.util.stream.Collectors.toSet()));
        for (Session s : list.sessions()) {
            assertTrue(s.id().matches("\\d+"), s.id());
            assertEquals(jane.id(), s.userId());
            assertTrue(s.device() != null && s.os() != null && s.client() != null && s.ip() != null, s.toString());
            assertTrue(s.revocableAlone());
        }
        awaitLogged(4L, () -> sim.calls().count(ProviderKind.SLACK, "/admin.users.session.list"), "2 pages per workspace");
    }

    @Test
    void invalidatingOneSessionLeavesTheOthers() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        List<Session> before = slack.listSessions(jane).sessions();
        Session target = before.get(1);
        slack.revokeSession(jane, target);
        List<String> after = slack.listSessions(jane).sessions().stream().map(Session::id).toList();
        assertEquals(before.size() - 1, after.size());
        assertFalse(after.contains(target.id()));
        assertEquals(after, slackSim.sessionIds(jane.id()).stream().map(String::valueOf).toList());
        awaitLogged(1L, () -> sim.calls().effectCounts().get("slack:invalidate:" + target.id()), "one effect");
        ProviderException again = assertThrows(ProviderException.class, () -> slack.revokeSession(jane, target));
        assertEquals(ErrorKind.NOT_FOUND, again.kind());
        assertEquals("session_not_found", again.providerCode());
    }

    @Test
    void resetWebOnlyLeavesTheMobileSessions() throws Exception {
        Seed.Person mixed = sim.seed().peopleIn(ProviderKind.SLACK).stream()
                .filter(p -> !p.bot() && !p.primaryOwner() && p.slackWorkspaces().size() == 2)
                .filter(p -> p.devices().stream().anyMatch(d -> mobile(d.os())) && p.devices().stream().anyMatch(d -> !mobile(d.os())))
                .findFirst().orElseThrow();
        DirectoryUser user = find(mixed.email());
        List<Session> before = slack.listSessions(user).sessions();
        slack.revokeAllSessions(user, new RevokeOptions(RevokeOptions.Scope.WEB_ONLY, false, false));
        List<Session> after = slack.listSessions(user).sessions();
        assertFalse(after.isEmpty());
        assertTrue(after.stream().allMatch(s -> mobile(s.os())), after.toString());
        assertEquals(before.stream().filter(s -> mobile(s.os())).count(), after.size());
        awaitLogged(1L, () -> sim.calls().effectCounts().get("slack:reset:" + user.id()), "one reset");
        slack.revokeAllSessions(user, RevokeOptions.all());
        assertTrue(slack.listSessions(user).sessions().isEmpty());
    }

    @Test
    void deactivateSignsOutAndShowsInTheAdminList() throws Exception {
        DirectoryUser lukas = find("lukas.becker@contoso.com");
        slack.deactivate(lukas);
        assertEquals(AccountStatus.DEACTIVATED, slack.getUser(hq, lukas.id()).status());
        assertEquals(AccountStatus.DEACTIVATED, find("lukas.becker@contoso.com").status());
        assertTrue(slack.listSessions(lukas).sessions().isEmpty());
        awaitLogged(1L, () -> sim.calls().effectCounts().get("slack:deactivate:" + lukas.id()), "one deactivation");
    }

    @Test
    void thePrimaryOwnerAndBotsAreRefusedWithSlacksReason() throws Exception {
        DirectoryUser priya = find("priya.raman@contoso.com");
        List<Session> sessions = slack.listSessions(priya).sessions();
        ProviderException reset = assertThrows(ProviderException.class, () -> slack.revokeAllSessions(priya, RevokeOptions.all()));
        assertEquals(ErrorKind.INVALID_INPUT, reset.kind());
        assertEquals("cannot_reset_primary_owner", reset.providerCode());
        ProviderException one = assertThrows(ProviderException.class, () -> slack.revokeSession(priya, sessions.get(0)));
        assertEquals("cannot_invalidate_primary_owner", one.providerCode());
        ProviderException off = assertThrows(ProviderException.class, () -> slack.deactivate(priya));
        assertEquals("cannot_modify_primary_owner", off.providerCode());
        assertEquals(sessions.size(), slack.listSessions(priya).sessions().size(), "nothing was touched");

        DirectoryUser bot = slack.findUsers(eng, "deploybot@contoso.com").get(0);
        ProviderException list = assertThrows(ProviderException.class, () -> slack.listSessions(bot));
        assertEquals(ErrorKind.INVALID_INPUT, list.kind());
        assertEquals("bots_not_allowed", list.providerCode());
        assertEquals("cannot_reset_bot",
                assertThrows(ProviderException.class, () -> slack.revokeAllSessions(bot, RevokeOptions.all())).providerCode());
    }

    @Test
    void aWrongTokenIsRejectedAndAMissingScopeNamed() throws Exception {
        SlackProvider wrong = SlackTestSupport.provider(sim.baseUrl(ProviderKind.SLACK).toString(), "xoxp-not-the-token",
                SlackTestSupport.fastOptions(), SlackLimits.defaults());
        ProviderException auth = assertThrows(ProviderException.class, wrong::testConnection);
        assertEquals(ErrorKind.CREDENTIALS_REJECTED, auth.kind());
        assertEquals("invalid_auth", auth.providerCode());

        DirectoryUser jane = find("jane.doe@contoso.com");
        slackSim.grantedScopes(Set.of("admin.users:read", "users:read.email", "admin.teams:read"));
        ProviderException scope = assertThrows(ProviderException.class, () -> slack.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.PERMISSION_MISSING, scope.kind());
        assertTrue(scope.getMessage().contains("admin.users:write"), scope.getMessage());
    }

    @Test
    void an429IsWaitedOutThenTheCallSucceeds() throws Exception {
        sim.faults(ProviderKind.SLACK).retryAfter(Duration.ofSeconds(1)).forceNext(Fault.RATE_LIMIT, 1);
        assertEquals(2, slack.listTenants().size());
        awaitLogged(List.of(429, 200), () -> sim.calls().entries(ProviderKind.SLACK).stream().map(CallLog.Entry::status).toList(),
                "a 429, then the retry");
        List<CallLog.Entry> calls = sim.calls().entries(ProviderKind.SLACK);
        assertTrue(Duration.between(calls.get(0).at(), calls.get(1).at()).toMillis() >= 900, "honoured Retry-After");
    }

    @Test
    void theSimulatorsTierBudgetAnswers429AndTheClientPacesThrough() throws Exception {
        slackSim.tierLimit(SlackSimulator.Tier.TIER_2, 2, Duration.ofSeconds(1));
        DirectoryUser jane = find("jane.doe@contoso.com");
        assertEquals(6, slack.listSessions(jane).sessions().size());
        assertEquals(6, slack.listSessions(jane).sessions().size()); // 4 Tier 2 calls against a budget of 2 a second
        Supplier<List<CallLog.Entry>> sessionCalls = () -> sim.calls().entries(ProviderKind.SLACK).stream()
                .filter(e -> e.path().endsWith("/admin.users.session.list")).toList();
        awaitLogged(4L, () -> sessionCalls.get().stream().filter(e -> e.status() == 200).count(), "every listing succeeded");
        assertTrue(sessionCalls.get().stream().anyMatch(e -> e.status() == 429), "the budget was hit");
    }

    @Test
    void aRetryAfterBeyondTheCapIsRateLimited() throws Exception {
        slackSim.tierLimit(SlackSimulator.Tier.TIER_2, 1, Duration.ofMinutes(2));
        slack.listTenants();
        ProviderException e = assertThrows(ProviderException.class, () -> slack.listTenants());
        assertEquals(ErrorKind.RATE_LIMITED, e.kind());
        assertTrue(e.retryAfter().toSeconds() > 60, e.retryAfter().toString());
    }

    @Test
    void serverErrorsAreTransientOnReadsAndUnknownOnWrites() throws Exception {
        SlackProvider noRetry = provider(SlackTestSupport.fastOptions().withMaxRetries(0), SlackLimits.defaults());
        sim.faults(ProviderKind.SLACK).forceNext(Fault.SERVER_ERROR, 1);
        ProviderException read = assertThrows(ProviderException.class, noRetry::listTenants);
        assertEquals(ErrorKind.TRANSIENT, read.kind());
        DirectoryUser jane = find("jane.doe@contoso.com");
        sim.faults(ProviderKind.SLACK).forceNext(Fault.HTML_ERROR_PAGE, 1);
        ProviderException write = assertThrows(ProviderException.class, () -> noRetry.deactivate(jane));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, write.kind());
        assertEquals("html_body", write.providerCode());
        assertTrue(slackSim.isActive(jane.id()), "the gateway page came instead of Slack's answer");
    }

    @Test
    void aMalformedBodyIsTransientOnAReadAndUnknownOnAWrite() throws Exception {
        SlackProvider noRetry = provider(SlackTestSupport.fastOptions().withMaxRetries(0), SlackLimits.defaults());
        sim.faults(ProviderKind.SLACK).forceNext(Fault.MALFORMED_BODY, 1);
        ProviderException read = assertThrows(ProviderException.class, noRetry::listTenants);
        assertEquals(ErrorKind.TRANSIENT, read.kind());
        assertEquals("malformed_json", read.providerCode());
        DirectoryUser jane = find("jane.doe@contoso.com");
        sim.faults(ProviderKind.SLACK).forceNext(Fault.MALFORMED_BODY, 1);
        ProviderException write = assertThrows(ProviderException.class, () -> noRetry.revokeAllSessions(jane, RevokeOptions.all()));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, write.kind());
        assertTrue(slackSim.sessionIds(jane.id()).isEmpty(), "the reset happened although its answer was unreadable");
    }

    @Test
    void aTimeoutOnAWriteIsAnUnknownOutcomeAndIsNotRepeated() throws Exception {
        DirectoryUser jane = find("jane.doe@contoso.com");
        Session target = slack.listSessions(jane).sessions().get(0);
        SlackProvider impatient = provider(RequestOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5)), SlackLimits.defaults());
        sim.faults(ProviderKind.SLACK).timeoutHang(Duration.ofSeconds(2)).forceNext(Fault.TIMEOUT, 1);
        ProviderException e = assertThrows(ProviderException.class, () -> impatient.revokeSession(jane, target));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, e.kind());
        assertEquals("timeout", e.providerCode());
        // Only the first attempt hangs: a retry would have succeeded and removed the session.
        assertTrue(slackSim.sessionIds(jane.id()).contains(Long.parseLong(target.id())), "never retried blindly");

        // The connection drops after Slack acted: still unknown to the client, and a read-back shows what happened.
        sim.faults(ProviderKind.SLACK).forceNext(Fault.DROP_AFTER_EFFECT, 1);
        ProviderException dropped = assertThrows(ProviderException.class, () -> slack.revokeSession(jane, target));
        assertEquals(ErrorKind.UNKNOWN_OUTCOME, dropped.kind());
        assertFalse(slack.listSessions(jane).sessions().stream().anyMatch(s -> s.id().equals(target.id())));
        awaitLogged(1L, () -> sim.calls().effectCounts().get("slack:invalidate:" + target.id()), "applied once");
    }

    @Test
    void aUserOfAnotherProviderOrWithoutWorkspaceIsRefusedBeforeAnyCall() {
        DirectoryUser nowhere = SlackTestSupport.user("W0SIM00001", "jane.doe@contoso.com", List.of());
        ProviderException e = assertThrows(ProviderException.class, () -> slack.listSessions(nowhere));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertEquals(0, sim.calls().count(ProviderKind.SLACK, "/admin.users.session.list"), "never an org-wide listing");
        assertNotEquals(null, e.getMessage());
    }

    private static boolean mobile(String os) {
        String o = os == null ? "" : os.toLowerCase(Locale.ROOT);
        return o.startsWith("ios") || o.startsWith("android");
    }
}
