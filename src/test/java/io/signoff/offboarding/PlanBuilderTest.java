package io.signoff.offboarding;

import static io.signoff.offboarding.PlanFixtures.CIPP;
import static io.signoff.offboarding.PlanFixtures.CLOUDFLARE;
import static io.signoff.offboarding.PlanFixtures.LUCID;
import static io.signoff.offboarding.PlanFixtures.SLACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Capability;
import io.signoff.model.Connection;
import io.signoff.model.RevokeOptions;
import io.signoff.model.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {
    private final PlanBuilder builder = new PlanBuilder(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    private static PlanStep only(OffboardingPlan plan, String connectionId, StepAction action) {
        List<PlanStep> found = plan.steps().stream().filter(s -> s.connectionId().equals(connectionId) && s.action() == action).toList();
        assertEquals(1, found.size(), () -> "one " + action + " on " + connectionId + " in " + plan.steps());
        return found.get(0);
    }

    private static int index(OffboardingPlan plan, PlanStep step) {
        return plan.steps().indexOf(step);
    }

    @Test
    void blocksSignInAtTheIdentityProviderBeforeAnySessionIsRevoked() {
        OffboardingTarget jane = PlanFixtures.jane();
        OffboardingPlan plan = builder.build(List.of(jane), PlanBuilder.suggestedOptions(List.of(jane)).withReference("TICKET-7"));

        assertTrue(plan.runnable(), () -> "runnable: " + plan.guardrails());
        PlanStep disable = only(plan, CIPP.id(), StepAction.DISABLE_SIGN_IN);
        assertEquals(0, index(plan, disable), "the identity-provider block is the first step");
        assertTrue(disable.dependsOn().isEmpty());
        List<PlanStep> revokes = plan.steps().stream().filter(s -> s.action() == StepAction.REVOKE_SESSIONS).toList();
        assertEquals(Set.of(CIPP.id(), SLACK.id(), CLOUDFLARE.id()), revokes.stream().map(PlanStep::connectionId).collect(Collectors.toSet()));
        for (PlanStep revoke : revokes) {
            assertTrue(revoke.dependsOn().contains(disable.id()), () -> revoke + " waits for the block");
            assertTrue(index(plan, revoke) > index(plan, disable));
        }
        PlanStep job = only(plan, CIPP.id(), StepAction.OFFBOARD_BUNDLE);
        PlanStep cippRevoke = only(plan, CIPP.id(), StepAction.REVOKE_SESSIONS);
        assertTrue(job.dependsOn().containsAll(List.of(disable.id(), cippRevoke.id())), "the CIPP job runs after the IdP steps");
        assertFalse(job.bundleOptions().containsKey(BundleOptions.DISABLE_SIGN_IN), "done directly, not by the job");
        assertTrue(job.call().contains("ExecOffboardUser") && job.call().contains("TICKET-7"), job.call());
        PlanStep slackDeactivate = only(plan, SLACK.id(), StepAction.DEACTIVATE);
        assertTrue(slackDeactivate.dependsOn().contains(only(plan, SLACK.id(), StepAction.REVOKE_SESSIONS).id()));
        PlanStep lucidDeactivate = only(plan, LUCID.id(), StepAction.DEACTIVATE);
        assertTrue(lucidDeactivate.dependsOn().contains(disable.id()));
        PlanStep lucidLogout = only(plan, LUCID.id(), StepAction.MANUAL);
        assertEquals(PlanFixtures.LUCID_LOGOUT, lucidLogout.instruction());
        assertTrue(lucidLogout.dependsOn().contains(disable.id()));
        assertTrue(plan.steps().stream().noneMatch(s -> s.action() == StepAction.HARD_DELETE), "never a hard delete by default");
        // Independent steps can run side by side: Cloudflare's revoke does not wait for Slack's.
        PlanStep cfRevoke = only(plan, CLOUDFLARE.id(), StepAction.REVOKE_SESSIONS);
        assertEquals(List.of(disable.id()), cfRevoke.dependsOn());
        // Every dependency points backwards, so plan order is a valid run order.
        Set<String> seen = new HashSet<>();
        for (PlanStep s : plan.steps()) {
            assertTrue(seen.containsAll(s.dependsOn()), () -> s.id() + " depends on a later step");
            seen.add(s.id());
        }
    }

    @Test
    void eachStepSaysWhatIsCalledOnWhichConnectionForWhichAccount() {
        OffboardingTarget jane = PlanFixtures.jane();
        ProviderOptions slack = ProviderOptions.none().withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.MOBILE_ONLY, false, false));
        ProviderOptions cf = ProviderOptions.none().withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.ALL, true, true));
        OffboardingPlan plan = builder.build(List.of(jane), new OffboardingOptions(Map.of(SLACK.id(), slack, CLOUDFLARE.id(), cf), List.of(), ""));

        PlanStep slackRevoke = only(plan, SLACK.id(), StepAction.REVOKE_SESSIONS);
        assertEquals("admin.users.session.reset {user_id: W-jane.doe@contoso.com, mobile_only: true}", slackRevoke.call());
        assertEquals("Contoso Grid", slackRevoke.connectionName());
        assertEquals("T01HQCONTO", slackRevoke.tenantId());
        PlanStep cfRevoke = only(plan, CLOUDFLARE.id(), StepAction.REVOKE_SESSIONS);
        assertTrue(cfRevoke.call().contains("revoke_user {email: jane.doe@contoso.com, devices: true, warp_session_reauth: true}"), cfRevoke.call());
        assertFalse(cfRevoke.verification().isBlank());
        assertEquals(new RevokeOptions(RevokeOptions.Scope.ALL, true, true), cfRevoke.revokeOptions());
    }

    @Test
    void deleteUserExcludesEveryOtherOptionOfThatConnection() {
        Map<String, Object> bundle = BundleOptions.with(BundleOptions.with(Map.of(), BundleOptions.CONVERT_TO_SHARED, true),
                BundleOptions.DELETE_USER, true);
        assertEquals(Map.of(BundleOptions.DELETE_USER, true), bundle, "choosing DeleteUser clears the rest");
        assertEquals(Map.of(BundleOptions.HIDE_FROM_GAL, true), BundleOptions.with(bundle, BundleOptions.HIDE_FROM_GAL, true),
                "choosing another option turns DeleteUser off");

        // A template or an older file may still hold both: the plan keeps only the deletion and says what it left out.
        ProviderOptions clash = new ProviderOptions(true, true, RevokeOptions.all(), false, false, false,
                Map.of(BundleOptions.DELETE_USER, true, BundleOptions.REMOVE_LICENSES, true, BundleOptions.HIDE_FROM_GAL, "true"));
        ProviderOptions slack = ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all());
        OffboardingPlan plan = builder.build(List.of(PlanFixtures.jane()),
                new OffboardingOptions(Map.of(CIPP.id(), clash, SLACK.id(), slack), List.of(), ""));

        List<PlanStep> cipp = plan.steps().stream().filter(s -> s.connectionId().equals(CIPP.id())).toList();
        assertEquals(1, cipp.size(), () -> "only the deletion on CIPP: " + cipp);
        assertEquals(Map.of(BundleOptions.DELETE_USER, true), cipp.get(0).bundleOptions());
        assertTrue(only(plan, SLACK.id(), StepAction.REVOKE_SESSIONS).dependsOn().contains(cipp.get(0).id()),
                "deleting the user is the identity-provider block");
        Guardrail delete = plan.guardrails().stream().filter(g -> g.kind() == Guardrail.Kind.DELETE_USER).findFirst().orElseThrow();
        assertEquals(Guardrail.Severity.WARNING, delete.severity());
        assertTrue(delete.message().contains(BundleOptions.REMOVE_LICENSES) && delete.message().contains("block sign-in"), delete.message());
    }

    @Test
    void warnsAboutPrivilegedTargetsSignInLeftEnabledLicencesAndUnreachableProviders() {
        Connection cipp = CIPP;
        OffboardingTarget priya = new OffboardingTarget("priya@contoso.com", "Priya Raman", List.of(
                TargetAccount.found(cipp, new Tenant(cipp.id(), cipp.kind(), "contoso.onmicrosoft.com", null, null, null),
                        PlanFixtures.user(cipp, "contoso.onmicrosoft.com", "aad-1", "priya@contoso.com", true, false),
                        PlanFixtures.CIPP_CAPS, null, Map.of()),
                TargetAccount.found(SLACK, null, PlanFixtures.user(SLACK, "T1", "W1", "priya@contoso.com", false, true),
                        PlanFixtures.SLACK_CAPS, null, Map.of()),
                TargetAccount.unreachable(CLOUDFLARE, null, "credentials rejected"),
                TargetAccount.notFound(LUCID, null, PlanFixtures.SCIM_CAPS, "no account for priya@contoso.com")));
        ProviderOptions cippOptions = ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all())
                .withBundleOption(BundleOptions.REMOVE_LICENSES, true);
        ProviderOptions slackOptions = ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all());
        OffboardingPlan plan = builder.build(List.of(priya), new OffboardingOptions(
                Map.of(cipp.id(), cippOptions, SLACK.id(), slackOptions), List.of(), ""));

        Set<Guardrail.Kind> kinds = plan.guardrails().stream().map(Guardrail::kind).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(EnumSet.of(Guardrail.Kind.PRIVILEGED_TARGET, Guardrail.Kind.SIGN_IN_STAYS_ENABLED,
                Guardrail.Kind.LICENCES_WITHOUT_MAILBOX_CONVERSION, Guardrail.Kind.PROVIDER_UNREACHABLE,
                Guardrail.Kind.ACCOUNT_NOT_FOUND)), () -> "guardrails: " + plan.guardrails());
        assertEquals(2, plan.guardrails().stream().filter(g -> g.kind() == Guardrail.Kind.PRIVILEGED_TARGET).count());
        assertTrue(plan.guardrails().stream().anyMatch(g -> g.kind() == Guardrail.Kind.PRIVILEGED_TARGET
                && g.message().contains("primary owner")));
        Guardrail signIn = plan.guardrails().stream().filter(g -> g.kind() == Guardrail.Kind.SIGN_IN_STAYS_ENABLED).findFirst().orElseThrow();
        assertEquals(Guardrail.Severity.WARNING, signIn.severity());
        assertTrue(plan.runnable(), "warnings do not block");
        assertEquals(List.of("Contoso Grid"), plan.people().get(0).foundOn().stream().filter(s -> s.startsWith("Contoso Grid")).toList());
        assertEquals(2, plan.people().get(0).missingOn().size());

        // Blocking sign-in and converting the mailbox clear those two warnings.
        OffboardingPlan safer = builder.build(List.of(priya), new OffboardingOptions(Map.of(cipp.id(),
                cippOptions.withDisableSignIn(true).withBundleOption(BundleOptions.CONVERT_TO_SHARED, true), SLACK.id(), slackOptions),
                List.of(), ""));
        assertTrue(safer.guardrails().stream().noneMatch(g -> g.kind() == Guardrail.Kind.SIGN_IN_STAYS_ENABLED));
        assertTrue(safer.guardrails().stream().filter(g -> g.kind() == Guardrail.Kind.LICENCES_WITHOUT_MAILBOX_CONVERSION)
                .allMatch(g -> g.severity() == Guardrail.Severity.INFO), "converted first: only the ordering note");
    }

    @Test
    void aJobThatBlocksSignInItselfIsFollowedByASecondRevoke() {
        // An identity provider without a direct "block sign-in" call: the job blocks (after revoking, in CIPP's order),
        // so the sessions are revoked again once it has.
        Set<Capability> jobOnly = EnumSet.of(Capability.FIND_USER, Capability.REVOKE_ALL_SESSIONS, Capability.OFFBOARD_BUNDLE);
        OffboardingTarget t = new OffboardingTarget("jane.doe@contoso.com", "Jane", List.of(
                PlanFixtures.account(CIPP, jobOnly, "contoso.onmicrosoft.com", "aad-1", "jane.doe@contoso.com", null, Map.of())));
        ProviderOptions options = ProviderOptions.none().withBundle(Map.of(BundleOptions.DISABLE_SIGN_IN, true,
                BundleOptions.REVOKE_SESSIONS, true, BundleOptions.HIDE_FROM_GAL, true));
        OffboardingPlan plan = builder.build(List.of(t), new OffboardingOptions(Map.of(CIPP.id(), options), List.of(), ""));

        PlanStep job = only(plan, CIPP.id(), StepAction.OFFBOARD_BUNDLE);
        PlanStep revoke = only(plan, CIPP.id(), StepAction.REVOKE_SESSIONS);
        assertTrue(job.bundleOptions().containsKey(BundleOptions.DISABLE_SIGN_IN));
        assertTrue(revoke.dependsOn().contains(job.id()), "revoked again after the job blocked sign-in");
        assertTrue(index(plan, job) < index(plan, revoke));
    }

    @Test
    void suggestedOptionsFollowCapabilitiesAndTheTenantsDefaults() {
        Map<String, Object> defaults = Map.of("convertToShared", true, "DisableSignIn", "true", "RemoveLicenses", "true",
                "removeGroups", false, "SomethingNew", true);
        OffboardingTarget jane = PlanFixtures.person("jane.doe@contoso.com", defaults);
        OffboardingOptions suggested = PlanBuilder.suggestedOptions(List.of(jane));

        ProviderOptions cipp = suggested.forConnection(CIPP.id());
        assertTrue(cipp.disableSignIn(), "block sign-in done directly");
        assertEquals(Map.of(BundleOptions.CONVERT_TO_SHARED, true, BundleOptions.REMOVE_LICENSES, true), cipp.bundle(),
                "the tenant's defaults in CIPP's spelling, unknown and unselected ones dropped");
        ProviderOptions lucid = suggested.forConnection(LUCID.id());
        assertTrue(lucid.deactivate() && lucid.manualLogout() && !lucid.hardDelete() && !lucid.revokeSessions());
        ProviderOptions cf = suggested.forConnection(CLOUDFLARE.id());
        assertTrue(cf.revokeSessions() && !cf.deactivate());
        ProviderOptions slack = suggested.forConnection(SLACK.id());
        assertTrue(slack.revokeSessions() && slack.deactivate() && !slack.disableSignIn());

        ProviderOptions noDefaults = PlanBuilder.suggestedOptions(PlanFixtures.jane().found().get(0));
        assertTrue(BundleOptions.isSelected(noDefaults.bundle(), BundleOptions.CONVERT_TO_SHARED));
        assertFalse(BundleOptions.isSelected(noDefaults.bundle(), BundleOptions.REMOVE_LICENSES), "no licence removal unless asked");
    }

    @Test
    void optionsAConnectionCannotDoAreLeftOutWithANote() {
        ProviderOptions impossible = ProviderOptions.none().withDisableSignIn(true).withDeactivate(true).withHardDelete(true);
        OffboardingPlan plan = builder.build(List.of(PlanFixtures.jane()), new OffboardingOptions(
                Map.of(CLOUDFLARE.id(), impossible), List.of(), ""));
        assertFalse(plan.runnable(), "nothing Cloudflare can do was chosen");
        assertEquals(3, plan.guardrails().stream().filter(g -> g.kind() == Guardrail.Kind.OPTION_NOT_SUPPORTED).count());
        assertTrue(plan.guardrails().stream().anyMatch(g -> g.severity() == Guardrail.Severity.BLOCKER));
    }

    @Test
    void hardDeleteOnlyAsAnExplicitExtraAfterDeactivation() {
        ProviderOptions lucid = ProviderOptions.none().withDeactivate(true).withHardDelete(true);
        OffboardingPlan plan = builder.build(List.of(PlanFixtures.jane()), new OffboardingOptions(Map.of(LUCID.id(), lucid), List.of(), ""));
        PlanStep delete = only(plan, LUCID.id(), StepAction.HARD_DELETE);
        assertTrue(delete.dependsOn().contains(only(plan, LUCID.id(), StepAction.DEACTIVATE).id()));
        assertTrue(delete.call().startsWith("DELETE /Users/"));
        assertTrue(plan.guardrails().stream().anyMatch(g -> g.kind() == Guardrail.Kind.HARD_DELETE && g.stepId().equals(delete.id())));
    }

    @Test
    void customManualStepsAndManyPeopleGetUniqueIdsAndOwnDependencies() {
        OffboardingTarget jane = PlanFixtures.jane();
        OffboardingTarget omar = PlanFixtures.person("omar.haddad@contoso.com", Map.of());
        OffboardingOptions options = PlanBuilder.suggestedOptions(List.of(jane, omar))
                .withCustomSteps(List.of(new CustomStep("Collect laptop", "Ask the manager to return it to IT")));
        OffboardingPlan plan = builder.build(List.of(jane, omar), options);

        assertEquals(plan.steps().size(), plan.steps().stream().map(PlanStep::id).distinct().count());
        assertEquals(2, plan.people().size());
        for (OffboardingTarget t : List.of(jane, omar)) {
            List<PlanStep> own = plan.stepsOf(t.email());
            Set<String> ids = own.stream().map(PlanStep::id).collect(Collectors.toSet());
            own.forEach(s -> assertTrue(ids.containsAll(s.dependsOn()), () -> s + " depends on another person's step"));
            PlanStep laptop = own.stream().filter(s -> s.title().equals("Collect laptop")).findFirst().orElseThrow();
            assertTrue(laptop.manual() && laptop.dependsOn().isEmpty());
            assertEquals("Ask the manager to return it to IT", laptop.instruction());
        }
        assertNotNull(plan.builtAt());
    }

    @Test
    void anEmptyChoiceIsNotRunnable() {
        OffboardingPlan none = builder.build(List.of(), OffboardingOptions.empty());
        assertFalse(none.runnable());
        OffboardingPlan nothing = builder.build(List.of(PlanFixtures.jane()), OffboardingOptions.empty());
        assertFalse(nothing.runnable());
        assertTrue(nothing.guardrails().stream().anyMatch(g -> g.kind() == Guardrail.Kind.NOTHING_TO_DO));
    }
}
