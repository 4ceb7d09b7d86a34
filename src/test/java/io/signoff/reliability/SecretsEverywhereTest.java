package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.signoff.audit.AuditCsvExporter;
import io.signoff.audit.AuditFilter;
import io.signoff.audit.ExportProgress;
import io.signoff.audit.OperatorIdentity;
import io.signoff.audit.SqliteAuditStore;
import io.signoff.controller.CallOutcome;
import io.signoff.controller.ConnectionDraft;
import io.signoff.controller.ConnectionField;
import io.signoff.controller.ConnectionSearch;
import io.signoff.controller.ConnectionTestResult;
import io.signoff.controller.ConnectionsController;
import io.signoff.controller.LookupController;
import io.signoff.controller.LookupScope;
import io.signoff.controller.LookupSnapshot;
import io.signoff.controller.OffboardingController;
import io.signoff.controller.Person;
import io.signoff.controller.ProviderPool;
import io.signoff.controller.RevokeReport;
import io.signoff.controller.SaveOutcome;
import io.signoff.controller.SearchQuery;
import io.signoff.controller.SessionsController;
import io.signoff.controller.SessionsSnapshot;
import io.signoff.controller.TenantsController;
import io.signoff.controller.Verification;
import io.signoff.controller.VerificationPolicy;
import io.signoff.model.Connection;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.StepStatus;
import io.signoff.offboarding.AuditWriter;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.Operator;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.TemplateStore;
import io.signoff.provider.PasswordReset;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.reliability.RecordingSimulator.Exchange;
import io.signoff.settings.SettingsStore;
import io.signoff.simulator.Fault;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.simulator.slack.SlackSimulator;
import io.signoff.vault.ConnectionSecrets;
import io.signoff.vault.KeyringVault;
import io.signoff.vault.Keychains;
import io.signoff.vault.SecretPlacement;
import io.signoff.vault.SessionVault;
import io.signoff.vault.VaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow with recognisable secrets: connections saved into the REAL keychain, tenants and people looked up,
 * sessions revoked everywhere and verified, failures provoked on every provider, a CIPP password reset, an offboarding
 * run (its CIPP job resets the password too) with a template and its report exported, the audit trail exported; logging through the shipped set-up (SignoffLogging) into a real file, Signoff's loggers at TRACE. Then every log
 * file, the audit database, every export, the settings directory, fresh temp files and every message the operator
 * could see are searched: no secret may be anywhere (the client secret and tokens, the CIPP access tokens the
 * simulator issued, the new password).
 */
class SecretsEverywhereTest {
    @TempDir
    Path root;
    private KeyringVault keychain;
    private final List<String> createdIds = new ArrayList<>();

    @AfterEach
    void deleteKeychainEntries() throws VaultException {
        if (keychain != null) Keychains.deleteAll(keychain, createdIds);
    }

    @Test
    void noSecretIsAnywhereButInTheKeychain() throws Exception {
        keychain = Keychains.requireKeychain();
        Instant started = Instant.now().minusSeconds(1);
        String tag = UUID.randomUUID().toString().replace("-", "");
        SimCredentials demo = SimCredentials.demo();
        SimCredentials credentials = new SimCredentials(demo.cippTenantId(), demo.cippClientId(),
                "RELIABILITY~cipp.secret_" + tag, "xoxp-RELIABILITY-slack-" + tag, "RELIABILITY-cf-token-" + tag,
                "RELIABILITY-scim-token-" + tag);
        Map<ProviderKind, String> credentialOf = new EnumMap<>(Map.of(ProviderKind.CIPP, credentials.cippClientSecret(),
                ProviderKind.SLACK, credentials.slackToken(), ProviderKind.CLOUDFLARE, credentials.cloudflareToken(),
                ProviderKind.SCIM, credentials.scimToken()));
        Path config = Files.createDirectories(root.resolve("config"));
        Path data = Files.createDirectories(root.resolve("data"));
        Path logs = Files.createDirectories(root.resolve("logs"));
        Path exports = Files.createDirectories(root.resolve("exports"));
        Set<String> secrets = new LinkedHashSet<>(credentialOf.values());
        List<String> seen = new ArrayList<>(); // every text an operator could see: messages, details, reasons
        ExecutorService executor = Executors.newCachedThreadPool();

        ShippedLogging logging = ShippedLogging.into(logs);
        try (SimulatorServer sim = RecordingSimulator.start(Seed.demo(9, Instant.now()), credentials);
             SqliteAuditStore audit = SqliteAuditStore.open(data.resolve(SqliteAuditStore.FILE_NAME))) {
            RecordingSimulator.recorder(sim, ProviderKind.SLACK).<SlackSimulator>delegate()
                    .tierLimit(SlackSimulator.Tier.TIER_2, 1000, Duration.ofMinutes(1));
            Providers providers = Providers.standard(new HttpClients("signoff-test"), new Redactor());
            ConnectionSecrets vault = new ConnectionSecrets(keychain, new SessionVault());
            SettingsStore settings = SettingsStore.open(config, vault);
            ConnectionsController connections = new ConnectionsController(settings, vault, providers, executor);
            for (ProviderKind kind : ProviderKind.values()) {
                SaveOutcome outcome = connections.add(draft(kind, sim), credentialOf.get(kind).toCharArray(), null,
                        SecretPlacement.KEYCHAIN).get(20, TimeUnit.SECONDS);
                SaveOutcome.Saved saved = assertInstanceOf(SaveOutcome.Saved.class, outcome, outcome.toString());
                createdIds.add(saved.connection().id());
                ConnectionTestResult test = connections.test(saved.connection().id()).get(20, TimeUnit.SECONDS);
                assertTrue(test.success(), kind + ": " + test);
                seen.addAll(List.of(test.headline(), test.detail(), test.advice()));
            }

            ProviderPool pool = new ProviderPool(settings::connections, providers, vault.asSecretSource());
            TenantsController tenants = new TenantsController(pool, executor);
            LookupController lookup = new LookupController(tenants, executor);
            SessionsController sessions = new SessionsController(tenants, audit,
                    () -> new OperatorIdentity("tester", "Reliability", "test-host"), "ui", executor,
                    new VerificationPolicy(List.of(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofMinutes(5)),
                    Clock.systemUTC());
            tenants.load(s -> { }).get(30, TimeUnit.SECONDS);

            // Jane's sessions revoked everywhere and verified, through the controllers the views drive.
            Person jane = find(lookup, "jane.doe@contoso.com", seen);
            SessionsSnapshot before = sessions.load(jane, s -> { }).get(30, TimeUnit.SECONDS);
            RevokeReport report = sessions.execute(sessions.planEverywhere(before), r -> { }).done().get(60, TimeUnit.SECONDS);
            for (CallOutcome c : report.calls()) seen.add(c.message());
            for (Verification v : report.verifications()) seen.add(v.detail());
            assertTrue(report.allVerified(), "every revoke verified: " + report.verifications());

            // Every provider failing in every way it can, during a search and a revoke.
            for (Fault fault : List.of(Fault.SERVER_ERROR, Fault.HTML_ERROR_PAGE, Fault.MALFORMED_BODY, Fault.DROP,
                    Fault.DROP_AFTER_EFFECT, Fault.RATE_LIMIT)) {
                for (ProviderKind kind : ProviderKind.values()) sim.faults(kind).forceNext(fault, 2);
                find(lookup, "omar.haddad@contoso.com", seen);
                sim.resetFaults();
                Person omar = find(lookup, "omar.haddad@contoso.com", seen);
                SessionsSnapshot omarSessions = sessions.load(omar, s -> { }).get(30, TimeUnit.SECONDS);
                for (ProviderKind kind : ProviderKind.values()) sim.faults(kind).forceNext(fault, 1);
                RevokeReport failed = sessions.execute(sessions.planEverywhere(omarSessions), r -> { }).done().get(60, TimeUnit.SECONDS);
                sim.resetFaults();
                for (CallOutcome c : failed.calls()) seen.add(c.message());
                for (Verification v : failed.verifications()) seen.add(v.detail());
            }

            // A CIPP password reset: the new password is a secret too.
            Connection cipp = settings.connections().stream().filter(c -> c.kind() == ProviderKind.CIPP).findFirst().orElseThrow();
            Provider cippClient = pool.provider(cipp);
            DirectoryUser omarInCipp = find(lookup, "omar.haddad@contoso.com", seen).accounts().stream()
                    .filter(a -> a.kind() == ProviderKind.CIPP).findFirst().orElseThrow();
            PasswordReset reset = cippClient.resetPassword(omarInCipp, true);
            secrets.add(new String(reset.secret()));
            seen.add(reset.message());
            seen.add(reset.toString());
            reset.wipe();
            sim.faults(ProviderKind.CIPP).forceNext(Fault.MALFORMED_BODY, 1);
            try {
                cippClient.resetPassword(omarInCipp, true).wipe();
            } catch (ProviderException e) {
                for (Throwable t = e; t != null; t = t.getCause()) seen.add(t.toString());
            }

            // An offboarding run through the controller the wizard drives (journal beside the audit rows, a CIPP job
            // that resets the password among its steps, the manual step attested), a template saved, the report exported.
            ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
            try (OffboardingJournal journal = OffboardingJournal.openBeside(audit);
                 OffboardingController offboarding = new OffboardingController(new OffboardingServices(settings::connections,
                         lookupOf(pool), journal, AuditWriter.of(audit), new TemplateStore(config),
                         new Operator("tester (Reliability)", "test-host"), OffboardingRig.quickSettings(4), Clock.systemUTC(),
                         timer), lookup, executor, "ui")) {
                Map<ProviderKind, String> idOf = new EnumMap<>(ProviderKind.class);
                settings.connections().forEach(c -> idOf.put(c.kind(), c.id()));
                OffboardingOptions options = OffboardingRig.options("HR-" + tag.substring(0, 6), idOf);
                offboarding.saveTemplate("Leaver", null, options).get(20, TimeUnit.SECONDS);
                OffboardingTarget omarTarget = offboarding.findTarget("omar.haddad@contoso.com", Set.of()).get(60, TimeUnit.SECONDS);
                OffboardingPlan plan = offboarding.preview(List.of(omarTarget), options);
                RunSnapshot done = OffboardingRig.runAttestingManualSteps(offboarding, plan, "Logged out in the Lucid admin panel");
                assertEquals(RunState.FINISHED, done.state(), done.steps().toString());
                done.steps().forEach(st -> seen.add(st.detail()));
                offboarding.exportReport(done.runId(), exports.resolve("offboarding-report.csv")).get(20, TimeUnit.SECONDS);
            } finally {
                timer.shutdownNow();
            }

            new AuditCsvExporter(audit, "Signoff test", Clock.systemUTC())
                    .export(AuditFilter.ALL, exports.resolve("audit.csv"), false, ExportProgress.NONE);
            assertTrue(audit.verify().ok(), audit.verify().toString());

            // The access tokens the simulator issued, and every password it handed out (also in the malformed answer).
            for (Exchange e : RecordingSimulator.recorder(sim, ProviderKind.CIPP).exchanges()) {
                String body = e.response().body();
                if (e.request().path().endsWith("/token")) {
                    secrets.add(JsonParser.parseString(body).getAsJsonObject().get("access_token").getAsString());
                }
                if (e.request().path().endsWith("ExecResetPass")) {
                    var results = JsonParser.parseString(body).getAsJsonObject().get("Results");
                    var result = results.isJsonArray() ? results.getAsJsonArray().get(0) : results;
                    secrets.add(result.getAsJsonObject().get("copyField").getAsString());
                }
            }
        } finally {
            executor.shutdownNow();
            logging.close(); // last: everything above may still log while it closes
        }
        assertTrue(secrets.size() >= 7, "the four credentials, an access token and two new passwords: " + secrets.size());

        SecretScan scan = new SecretScan(secrets)
                .files(logs, null).files(data, null).files(exports, null).files(config, null)
                .files(Path.of(System.getProperty("java.io.tmpdir")), started)
                .texts("what the operator saw", seen);
        assertTrue(Files.size(logs.resolve("signoff.log")) > 10_000, "the shipped file appender wrote the flow's log");
        assertTrue(Files.size(exports.resolve("audit.csv")) > 1_000, "the export holds the flow's audit rows");
        assertTrue(Files.size(exports.resolve("offboarding-report.csv")) > 300, "the offboarding report was exported");
        assertTrue(Files.list(config.resolve("templates")).findAny().isPresent(), "the template was saved");
        assertEquals(List.of(), scan.findings(), "secrets found (" + scan.filesRead() + " files, " + scan.textsRead() + " texts read)");
        // The scan itself finds what it looks for, in each form: a canary proves it.
        String canary = "canary~" + tag;
        Files.writeString(root.resolve("canary-utf16.bin"), "x" + canary, java.nio.charset.StandardCharsets.UTF_16LE);
        assertTrue(!new SecretScan(List.of(canary)).files(root, null).findings().isEmpty(), "the scan finds a canary");
    }

    /** The provider for a connection id, as the console hands it to the offboarding engine. */
    private static ProviderLookup lookupOf(ProviderPool pool) {
        return id -> {
            Connection c = pool.connection(id).orElseThrow(() -> ProviderException.unsupported("no connection " + id));
            try {
                return pool.provider(c);
            } catch (ProviderPool.NotConnectedException e) {
                throw ProviderException.unsupported(e.getMessage());
            }
        };
    }

    private static Person find(LookupController lookup, String email, List<String> seen) throws Exception {
        LookupSnapshot s = lookup.search(SearchQuery.parse(email), LookupScope.everywhere(), x -> { }).done().get(60, TimeUnit.SECONDS);
        for (ConnectionSearch c : s.connections()) seen.addAll(List.of(c.reason(), c.summary()));
        return s.people().isEmpty() ? null : s.people().get(0);
    }

    private static ConnectionDraft draft(ProviderKind kind, SimulatorServer sim) {
        ConnectionDraft d = ConnectionDraft.blank(kind).with(ConnectionField.NAME, kind.displayName() + " reliability")
                .with(ConnectionField.BASE_URL, sim.baseUrl(kind).toString());
        return switch (kind) {
            case CIPP -> d.with(ConnectionField.TENANT_ID, sim.credentials().cippTenantId())
                    .with(ConnectionField.CLIENT_ID, sim.credentials().cippClientId())
                    .with(ConnectionField.TOKEN_URL, CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP))
                            .replace("{tenantId}", sim.credentials().cippTenantId()));
            case CLOUDFLARE -> d.with(ConnectionField.ACCOUNT_ID, sim.seed().cloudflare().accountId());
            case SCIM -> d.with(ConnectionField.LABEL, "Lucid");
            // This flow makes more Tier 2 calls in a minute than Slack's 20: the budget is raised on both sides.
            case SLACK -> d.with(ConnectionField.RATE_BUDGET, "1000");
        };
    }
}
