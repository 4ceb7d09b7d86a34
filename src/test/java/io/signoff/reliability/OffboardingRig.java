package io.signoff.reliability;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.RequestOptions;
import io.signoff.model.RevokeOptions;
import io.signoff.model.StepStatus;
import io.signoff.controller.OffboardingController;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.Operator;
import io.signoff.offboarding.PlanStep;
import io.signoff.offboarding.ProviderLookup;
import io.signoff.offboarding.ProviderOptions;
import io.signoff.offboarding.RunSnapshot;
import io.signoff.offboarding.RunState;
import io.signoff.offboarding.RunnerSettings;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.Providers;
import io.signoff.provider.SecretSource;
import io.signoff.provider.cipp.CippProvider;
import io.signoff.provider.http.HttpClients;
import io.signoff.provider.http.Redactor;
import io.signoff.provider.slack.SlackLimits;
import io.signoff.offboarding.Pacing;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import io.signoff.simulator.cloudflare.CloudflareSimulator;
import io.signoff.simulator.slack.SlackSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The offboarding engine's surroundings for the reliability tests: one connection per provider on a simulator, the
 * real clients behind a {@link ProviderLookup}, the standard plan options, quick runner settings; and which simulator
 * effect each step stands for, to hold the engine's reports against the simulator's own records.
 */
final class OffboardingRig {
    static final Operator OPERATOR = new Operator("reliability (Soak)", "soak-host");
    static final String CIPP = "cipp";
    static final String SLACK = "slack";
    static final String CLOUDFLARE = "cloudflare";
    static final String LUCID = "lucid";
    /** The simulated CIPP records each step of an offboarding job as "cipp:offboard:{option}:{user id}". */
    static final String JOB_STEP_EFFECT = "cipp:offboard:";

    private OffboardingRig() { }

    /** Rate limits out of the way on the simulator's side: these tests are about faults, not pacing. */
    static void liftRateLimits(SimulatorServer sim) {
        SlackSimulator slack = slack(sim);
        for (SlackSimulator.Tier tier : SlackSimulator.Tier.values()) slack.tierLimit(tier, 1_000_000, Duration.ofMinutes(1));
        cloudflare(sim).budget(1_000_000, Duration.ofMinutes(1));
    }

    /** The simulated APIs, unwrapped when a recorder sits in front of them. */
    static SlackSimulator slack(SimulatorServer sim) {
        return sim.api(ProviderKind.SLACK) instanceof RecordingSimulator.Recorder r ? r.delegate() : (SlackSimulator) sim.api(ProviderKind.SLACK);
    }

    static CloudflareSimulator cloudflare(SimulatorServer sim) {
        return sim.api(ProviderKind.CLOUDFLARE) instanceof RecordingSimulator.Recorder r ? r.delegate()
                : (CloudflareSimulator) sim.api(ProviderKind.CLOUDFLARE);
    }

    static CippSimulator cipp(SimulatorServer sim) {
        return sim.api(ProviderKind.CIPP) instanceof RecordingSimulator.Recorder r ? r.delegate() : (CippSimulator) sim.api(ProviderKind.CIPP);
    }

    /** Short timeouts (a hung answer costs seconds), one retry, every Slack tier budget raised on the client side. */
    /**
     * Runs the plan through the controller as the wizard does, attests every manual step with {@code attestation} once
     * the run waits for it, and returns the run once it has settled again.
     */
    static RunSnapshot runAttestingManualSteps(OffboardingController offboarding, OffboardingPlan plan, String attestation)
            throws Exception {
        String runId = offboarding.run(plan, null).get(20, TimeUnit.SECONDS).runId();
        RunSnapshot waiting = settled(offboarding, runId);
        for (PlanStep step : plan.steps()) {
            if (waiting.step(step.id()).orElseThrow().status() == StepStatus.AWAITING_ATTESTATION) {
                offboarding.attest(runId, step.id(), attestation).get(20, TimeUnit.SECONDS);
            }
        }
        return settled(offboarding, runId);
    }

    /** The run once nothing moves on its own any more (not RUNNING), within a minute. */
    static RunSnapshot settled(OffboardingController offboarding, String runId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            RunSnapshot s = offboarding.snapshot(runId).orElseThrow();
            if (s.state() != RunState.RUNNING) return s;
            Thread.sleep(50); // polling a background run's state, not waiting for the UI
        }
        throw new AssertionError("run " + runId + " did not settle: " + offboarding.snapshot(runId));
    }

    static RequestOptions quickOptions() {
        return RequestOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withMaxRetries(1);
    }

    static List<Connection> connections(SimulatorServer sim, RequestOptions options) {
        return connections(sim.rootUrl(), sim.credentials(), sim.seed().cloudflare().accountId(), options);
    }

    /** The same, from what a separate process knows: the simulator's address, credentials and Cloudflare account. */
    static List<Connection> connections(URI root, SimCredentials c, String cloudflareAccount, RequestOptions options) {
        String base = root.toString().replaceAll("/$", "");
        String tenantId = c.cippTenantId();
        return List.of(
                new Connection(CIPP, ProviderKind.CIPP, "Demo MSP (CIPP)", base + "/cipp",
                        Map.of(CippProvider.SETTING_TENANT_ID, tenantId, CippProvider.SETTING_CLIENT_ID, c.cippClientId(),
                                CippProvider.SETTING_TOKEN_URL, base + "/cipp/login/" + tenantId + "/oauth2/v2.0/token"), options),
                new Connection(SLACK, ProviderKind.SLACK, "Contoso Grid", base + "/slack",
                        Map.of(SlackLimits.TIER_3_SETTING, "1000000", SlackLimits.TIER_4_SETTING, "1000000"),
                        options.withRateBudgetPerMinute(1_000_000)),
                new Connection(CLOUDFLARE, ProviderKind.CLOUDFLARE, "Contoso Zero Trust", base + "/cloudflare",
                        Map.of("accountId", cloudflareAccount), options),
                new Connection(LUCID, ProviderKind.SCIM, "Lucid", base + "/scim", Map.of("label", "Lucid"), options));
    }

    /** One client per connection, kept, as the console's provider pool keeps them; secrets from the simulator. */
    static ProviderLookup lookup(List<Connection> connections, SimulatorServer sim) {
        return lookup(connections, sim.credentials());
    }

    static ProviderLookup lookup(List<Connection> connections, SimCredentials c) {
        SecretSource secrets = ProviderCalls.secrets(c.cippClientSecret(), c.slackToken(), c.cloudflareToken(), c.scimToken());
        Providers registry = Providers.standard(new HttpClients("signoff-reliability"), new Redactor());
        Map<String, Provider> built = new ConcurrentHashMap<>();
        return id -> {
            Connection connection = connections.stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> ProviderException.unsupported("no connection " + id));
            return built.computeIfAbsent(id, k -> registry.create(connection, secrets));
        };
    }

    /**
     * Every automatic step kind on all four providers, one manual step: CIPP disable, revoke and its job (hide from the
     * address list, remove rules, reset the password), Slack revoke then deactivate, Cloudflare revoke with devices,
     * Lucid deactivate plus the manual log-out.
     */
    static OffboardingOptions options(String reference) {
        return options(reference, Map.of(ProviderKind.CIPP, CIPP, ProviderKind.SLACK, SLACK, ProviderKind.CLOUDFLARE, CLOUDFLARE,
                ProviderKind.SCIM, LUCID));
    }

    /** The same options, for connections with other ids (the connection form makes its own). */
    static OffboardingOptions options(String reference, Map<ProviderKind, String> idOf) {
        return new OffboardingOptions(Map.of(
                idOf.get(ProviderKind.CIPP), ProviderOptions.none().withDisableSignIn(true).withRevokeSessions(true, RevokeOptions.all())
                        .withBundleOption(BundleOptions.HIDE_FROM_GAL, true).withBundleOption(BundleOptions.REMOVE_RULES, true)
                        .withBundleOption(BundleOptions.RESET_PASS, true),
                idOf.get(ProviderKind.SLACK), ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()).withDeactivate(true),
                idOf.get(ProviderKind.CLOUDFLARE), ProviderOptions.none()
                        .withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.ALL, true, false)),
                idOf.get(ProviderKind.SCIM), ProviderOptions.none().withDeactivate(true).withManualLogout(true)), List.of(), reference);
    }

    /** Quick polls and verification; parallel steps; no pacing (the simulator's limits are lifted). */
    static RunnerSettings quickSettings(int parallelism) {
        return new RunnerSettings(parallelism, Pacing.none(), Duration.ofMillis(100), Duration.ofSeconds(60), 3,
                Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /** The simulator effect an automatic step's call causes ({@code CallLog} counts them), or null for a manual step. */
    static String effectOf(PlanStep step) {
        if (step.manual()) return null;
        String id = step.account().id();
        return switch (step.provider()) {
            case CIPP -> switch (step.action()) {
                case DISABLE_SIGN_IN -> "cipp:disable:" + id;
                case REVOKE_SESSIONS -> "cipp:revoke:" + id;
                case OFFBOARD_BUNDLE -> "cipp:offboard-queued:" + step.account().attributes()
                        .getOrDefault(CippProvider.ATTR_UPN, step.account().email());
                default -> throw new IllegalArgumentException("no CIPP effect for " + step.action());
            };
            case SLACK -> switch (step.action()) {
                case REVOKE_SESSIONS -> "slack:reset:" + id;
                case DEACTIVATE -> "slack:deactivate:" + id;
                default -> throw new IllegalArgumentException("no Slack effect for " + step.action());
            };
            case CLOUDFLARE -> "cloudflare:revoke:" + step.account().email();
            case SCIM -> switch (step.action()) {
                case DEACTIVATE -> "scim:deactivate:" + id;
                case HARD_DELETE -> "scim:delete:" + id;
                default -> throw new IllegalArgumentException("no SCIM effect for " + step.action());
            };
        };
    }
}
