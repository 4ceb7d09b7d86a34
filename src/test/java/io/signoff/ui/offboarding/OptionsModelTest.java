package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.Capability;
import io.signoff.model.RevokeOptions;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.ProviderOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsModelTest {

    /** What the engine pre-selects for Jane: block + revoke on CIPP with the tenant's defaults, and so on. */
    private static OffboardingOptions suggested() {
        return OffboardingOptions.empty()
                .with("cipp", ProviderOptions.none().withDisableSignIn(true).withRevokeSessions(true, RevokeOptions.all())
                        .withBundle(Fixtures.jane().accounts().get(0).bundleDefaults()))
                .with("slack", ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()).withDeactivate(true))
                .with("cf", ProviderOptions.none().withRevokeSessions(true, RevokeOptions.all()))
                .with("lucid", ProviderOptions.none().withDeactivate(true).withManualLogout(true))
                .withReference("TICKET-1");
    }

    private static OptionsModel jane() {
        return OptionsModel.of(List.of(Fixtures.jane()), suggested());
    }

    @Test
    void offersOneSectionPerConnectionWithAnAccountAndOnlyWhatItsCapabilitiesAllow() {
        OptionsModel model = OptionsModel.of(List.of(Fixtures.omar()), OffboardingOptions.empty());
        // Omar has no Slack account and Cloudflare could not be asked: only CIPP is offered.
        assertEquals(List.of("cipp"), model.sections().stream().map(OptionsModel.Section::id).toList());

        OptionsModel all = jane();
        assertEquals(List.of("cipp", "slack", "cf", "lucid"), all.sections().stream().map(OptionsModel.Section::id).toList());
        OptionsModel.Section lucid = all.sections().get(3);
        assertTrue(lucid.supports(Capability.HARD_DELETE));
        assertFalse(lucid.supports(Capability.REVOKE_ALL_SESSIONS));
        assertTrue(lucid.offersManualLogout(), "Lucid's log out user is offered as a manual step");
        assertEquals(Fixtures.LUCID_LOGOUT, lucid.manualInstruction());
        assertFalse(all.sections().get(0).offersManualLogout());
        assertEquals(Set.of(OptionsModel.RevokeChoice.SCOPE), all.sections().get(1).revokeChoices());
        assertEquals(Set.of(OptionsModel.RevokeChoice.DEVICES), all.sections().get(2).revokeChoices());
        assertEquals(List.of("contoso.onmicrosoft.com"), all.sections().get(0).tenants());
    }

    @Test
    void startsFromTheSuggestionIncludingTheTenantsCippDefaults() {
        OptionsModel model = jane();
        assertTrue(model.bundleOptionSelected("cipp", BundleOptions.CONVERT_TO_SHARED));
        assertTrue(model.bundleOptionSelected("cipp", BundleOptions.HIDE_FROM_GAL));
        assertFalse(model.bundleOptionSelected("cipp", BundleOptions.DELETE_USER));
        assertTrue(model.options("cipp").disableSignIn());
        assertFalse(model.options("lucid").hardDelete(), "a hard delete is never pre-selected");
        assertEquals("TICKET-1", model.reference());
        assertTrue(model.anythingChosen());
    }

    @Test
    void deleteUserClearsAndDisablesEveryOtherOptionOnItsConnectionOnly() {
        OptionsModel model = jane();
        model.setBundleOption("cipp", BundleOptions.DELETE_USER, true);

        assertTrue(model.deletesUser("cipp"));
        assertFalse(model.bundleOptionSelected("cipp", BundleOptions.CONVERT_TO_SHARED), "DeleteUser clears the rest");
        assertTrue(model.bundleOptionEnabled("cipp", BundleOptions.DELETE_USER));
        for (String other : List.of(BundleOptions.CONVERT_TO_SHARED, BundleOptions.REMOVE_LICENSES, BundleOptions.OOO,
                BundleOptions.FORWARD, BundleOptions.KEEP_COPY, BundleOptions.REVOKE_SESSIONS)) {
            assertFalse(model.bundleOptionEnabled("cipp", other), other + " must be disabled next to Delete user");
        }
        assertFalse(model.actionsEnabled("cipp"), "block sign-in / revoke are disabled too");
        assertTrue(model.actionsEnabled("slack"), "other connections are not affected");

        ProviderOptions sent = model.toOptions().forConnection("cipp");
        assertEquals(Map.of(BundleOptions.DELETE_USER, true), sent.bundle());
        assertFalse(sent.disableSignIn());
        assertFalse(sent.revokeSessions());
        assertTrue(model.toOptions().forConnection("slack").deactivate());

        // Turning Delete user off gives the other controls back.
        model.setBundleOption("cipp", BundleOptions.DELETE_USER, false);
        assertTrue(model.bundleOptionEnabled("cipp", BundleOptions.CONVERT_TO_SHARED));
        assertTrue(model.actionsEnabled("cipp"));
        assertTrue(model.toOptions().forConnection("cipp").disableSignIn(), "the earlier tick is still there");
    }

    @Test
    void jobOptionsTheConnectionDoesAsItsOwnStepsTickThoseSteps() {
        OptionsModel model = jane();
        assertTrue(model.bundleOptionDoneDirectly("cipp", BundleOptions.DISABLE_SIGN_IN));
        assertTrue(model.bundleOptionDoneDirectly("cipp", BundleOptions.REVOKE_SESSIONS));
        assertFalse(model.bundleOptionDoneDirectly("cipp", BundleOptions.CONVERT_TO_SHARED));
        assertTrue(model.bundleOptionSelected("cipp", BundleOptions.DISABLE_SIGN_IN), "mirrors 'block sign-in'");

        model.setBundleOption("cipp", BundleOptions.REVOKE_SESSIONS, null);
        assertFalse(model.options("cipp").revokeSessions());
        model.setBundleOption("cipp", BundleOptions.REVOKE_SESSIONS, true);
        assertTrue(model.options("cipp").revokeSessions());
        ProviderOptions sent = model.toOptions().forConnection("cipp");
        assertFalse(BundleOptions.isSelected(sent.bundle(), BundleOptions.REVOKE_SESSIONS), "not sent to the job as well");
        assertFalse(BundleOptions.isSelected(sent.bundle(), BundleOptions.DISABLE_SIGN_IN));
        assertEquals(List.of("contoso.onmicrosoft.com"), model.sections().get(0).tenantLabels());
    }

    @Test
    void cippsNotificationsGoWithAnyJobEvenDeleteUserAndAloneAskForNothing() {
        OptionsModel model = jane();
        model.setBundleOption("cipp", BundleOptions.POST_EXECUTION, List.of("psa", "Email", "sms"));
        assertEquals(List.of("email", "psa"), model.bundleValue("cipp", BundleOptions.POST_EXECUTION), "known channels only");

        model.setBundleOption("cipp", BundleOptions.DELETE_USER, true);
        assertTrue(model.bundleOptionEnabled("cipp", BundleOptions.POST_EXECUTION), "the report is about whatever the job does");
        assertFalse(model.bundleOptionEnabled("cipp", BundleOptions.KEEP_COPY));
        assertEquals(Map.of(BundleOptions.DELETE_USER, true, BundleOptions.POST_EXECUTION, List.of("email", "psa")),
                model.toOptions().forConnection("cipp").bundle());
        model.setBundleOption("cipp", BundleOptions.POST_EXECUTION, List.of("webhook"));
        assertTrue(model.deletesUser("cipp"), "choosing a channel does not undo Delete user");

        model.setBundleOption("cipp", BundleOptions.DELETE_USER, false);
        model.setBundleOption("cipp", BundleOptions.POST_EXECUTION, List.of());
        assertNull(model.bundleValue("cipp", BundleOptions.POST_EXECUTION), "no channel left: no option");
        assertEquals(Map.of(), BundleOptions.with(Map.of(), BundleOptions.POST_EXECUTION, List.of("sms")), "no known channel: no option");

        Map<String, Object> onlyNotify = BundleOptions.normalise(Map.of(BundleOptions.POST_EXECUTION, Map.of("webhook", true, "email", "false")));
        assertEquals(Map.of(BundleOptions.POST_EXECUTION, List.of("webhook")), onlyNotify, "CIPP's own map form is read too");
        assertTrue(BundleOptions.selectedActions(onlyNotify).isEmpty(), "a notification alone is no job");
    }

    @Test
    void keepACopyOnlyGoesWithForwarding() {
        OptionsModel model = jane();
        assertFalse(model.bundleOptionEnabled("cipp", BundleOptions.KEEP_COPY));
        model.setBundleOption("cipp", BundleOptions.FORWARD, "manager@contoso.com");
        assertTrue(model.bundleOptionEnabled("cipp", BundleOptions.KEEP_COPY));
        model.setBundleOption("cipp", BundleOptions.KEEP_COPY, true);
        assertTrue(model.bundleOptionSelected("cipp", BundleOptions.KEEP_COPY));

        model.setBundleOption("cipp", BundleOptions.FORWARD, null);
        assertFalse(model.bundleOptionSelected("cipp", BundleOptions.KEEP_COPY), "no forwarding, no copy to keep");
        assertNull(model.bundleValue("cipp", BundleOptions.FORWARD));
    }

    @Test
    void revokeScopeAndCustomStepsAndReferenceEndUpInTheOptions() {
        OptionsModel model = jane();
        model.update("slack", o -> o.withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.MOBILE_ONLY, false, false)));
        model.update("cf", o -> o.withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.ALL, true, true)));
        model.addCustomStep("Collect laptop", "From the front desk");
        model.addCustomStep("Remove from door access", "");
        model.removeCustomStep(1);
        model.setReference("  INC-42 ");

        OffboardingOptions out = model.toOptions();
        assertEquals(RevokeOptions.Scope.MOBILE_ONLY, out.forConnection("slack").revoke().scope());
        assertTrue(out.forConnection("cf").revoke().includeDevices());
        assertTrue(out.forConnection("cf").revoke().warpReauth());
        assertEquals(List.of("Collect laptop"), out.customSteps().stream().map(c -> c.title()).toList());
        assertEquals("INC-42", out.reference());
        assertEquals("", model.toTemplateOptions().reference(), "a ticket number is not policy");
        assertThrows(IllegalArgumentException.class, () -> model.update("nowhere", o -> o));
    }

    @Test
    void nothingChosenWhenEverythingIsOff() {
        OptionsModel model = OptionsModel.of(List.of(Fixtures.jane()), OffboardingOptions.empty());
        assertFalse(model.anythingChosen());
        model.addCustomStep("Collect laptop", null);
        assertTrue(model.anythingChosen(), "a manual step alone is a plan");
    }

    @Test
    void aTemplateReplacesTheConnectionsItNamesAndKeepsTheTicket() {
        OptionsModel model = jane();
        OffboardingOptions policy = OffboardingOptions.empty()
                .with("cipp", ProviderOptions.none().withDisableSignIn(true).withBundleOption(BundleOptions.REMOVE_LICENSES, true))
                .withCustomSteps(List.of(new io.signoff.offboarding.CustomStep("Collect laptop", "")));
        OptionsTemplate template = new OptionsTemplate("Leaver", "contoso.onmicrosoft.com", policy, null);

        List<String> notes = model.applyTemplate(template);

        assertTrue(model.bundleOptionSelected("cipp", BundleOptions.REMOVE_LICENSES));
        assertFalse(model.bundleOptionSelected("cipp", BundleOptions.CONVERT_TO_SHARED), "replaced, not merged");
        assertTrue(model.options("slack").deactivate(), "connections the template does not name keep their choices");
        assertEquals(3, notes.size());
        assertTrue(notes.get(0).contains("Contoso Grid"), notes.get(0));
        assertEquals("TICKET-1", model.reference());
        assertEquals(1, model.customSteps().size());

        OptionsTemplate other = new OptionsTemplate("Fabrikam", "fabrikam.onmicrosoft.com", policy, null);
        OptionsTemplate general = new OptionsTemplate("General", null, policy, null);
        assertEquals(List.of(template, general), model.applicable(List.of(template, other, general)));
    }
}
