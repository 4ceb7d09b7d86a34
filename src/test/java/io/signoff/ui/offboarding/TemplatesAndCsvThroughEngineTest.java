package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.controller.OffboardingController;
import io.signoff.model.ErrorKind;
import io.signoff.model.RevokeOptions;
import io.signoff.offboarding.BundleOptions;
import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingJournal;
import io.signoff.offboarding.OffboardingOptions;
import io.signoff.offboarding.OffboardingServices;
import io.signoff.offboarding.Operator;
import io.signoff.offboarding.OptionsTemplate;
import io.signoff.offboarding.ProviderOptions;
import io.signoff.offboarding.TemplateStore;
import io.signoff.provider.ProviderException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options page's templates and the person page's CSV import, through the engine's real controller and files. */
class TemplatesAndCsvThroughEngineTest {
    @TempDir
    Path dir;
    private ScheduledExecutorService timer;
    private OffboardingJournal journal;
    private OffboardingController controller;

    @BeforeEach
    void setUp() {
        timer = Executors.newSingleThreadScheduledExecutor();
        journal = OffboardingJournal.open(dir.resolve("signoff.db"));
        OffboardingServices services = new OffboardingServices(List::of,
                id -> { throw ProviderException.of(ErrorKind.UNSUPPORTED, "no providers in this test").build(); },
                journal, event -> 1, new TemplateStore(dir.resolve("config")), new Operator("tester", "host"),
                null, Clock.systemUTC(), timer);
        controller = new OffboardingController(services, Runnable::run, "ui");
    }

    @AfterEach
    void tearDown() {
        controller.close();
        journal.close();
        timer.shutdownNow();
    }

    @Test
    void aTemplateSavedFromThePageLoadsBackIntoAnotherPageForTheSameTenant() throws Exception {
        OptionsModel page = OptionsModel.of(List.of(Fixtures.jane()), OffboardingOptions.empty()
                .with("cipp", ProviderOptions.none().withDisableSignIn(true)));
        page.setBundleOption("cipp", BundleOptions.CONVERT_TO_SHARED, true);
        page.setBundleOption("cipp", BundleOptions.OOO, "Jane has left; write to support@contoso.com");
        page.setBundleOption("cipp", BundleOptions.ACCESS_AUTOMAP, List.of("manager@contoso.com"));
        page.update("slack", o -> o.withRevokeSessions(true, new RevokeOptions(RevokeOptions.Scope.WEB_ONLY, false, false)));
        page.update("lucid", o -> o.withDeactivate(true).withManualLogout(true));
        page.addCustomStep("Collect laptop", "Front desk");
        page.setReference("INC-1");

        OptionsTemplate saved = controller.saveTemplate("Leaver — Contoso", "contoso.onmicrosoft.com",
                page.toTemplateOptions()).get(5, TimeUnit.SECONDS);
        controller.saveTemplate("Other tenant", "fabrikam.onmicrosoft.com", OffboardingOptions.empty()).get(5, TimeUnit.SECONDS);
        assertTrue(Files.exists(dir.resolve("config").resolve("templates")), "stored under the config directory");

        // A later offboarding of someone in the same tenant: the page offers the template and loads it.
        OptionsModel later = OptionsModel.of(List.of(Fixtures.jane()), OffboardingOptions.empty());
        List<OptionsTemplate> offered = later.applicable(controller.templates(null).get(5, TimeUnit.SECONDS));
        assertEquals(List.of(saved.name()), offered.stream().map(OptionsTemplate::name).toList(), "only this tenant's");
        OptionsTemplate loaded = controller.loadTemplate(saved.name()).get(5, TimeUnit.SECONDS).orElseThrow();
        later.applyTemplate(loaded);
        later.setReference("INC-2");

        OffboardingOptions expected = page.toOptions().withReference("INC-2");
        assertEquals(expected.byConnection(), later.toOptions().byConnection());
        assertEquals(expected.customSteps(), later.toOptions().customSteps());
        assertEquals("", loaded.options().reference(), "the ticket number is not saved with the policy");

        assertTrue(controller.deleteTemplate(saved.name()).get(5, TimeUnit.SECONDS));
        assertFalse(controller.loadTemplate(saved.name()).get(5, TimeUnit.SECONDS).isPresent());
    }

    @Test
    void everyCsvRowTheEngineCannotUseIsListedOnThePageWithItsReason() throws Exception {
        Path csv = dir.resolve("leavers.csv");
        Files.writeString(csv, String.join("\n", "email", "jane.doe@contoso.com", "", "not-an-address",
                "omar.haddad@contoso.com,extra@contoso.com", "JANE.DOE@contoso.com", "omar.haddad@contoso.com", ""));
        EmailImport imported = controller.importCsv(csv).get(5, TimeUnit.SECONDS);
        PeopleModel people = new PeopleModel();

        people.addImport("leavers.csv", imported);

        assertEquals(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com"), people.emails());
        List<String> lines = people.rejectedLines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Line 4: \"not-an-address\" — not an email address"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Line 5: \"omar.haddad@contoso.com,extra@contoso.com\" — more than one value"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Line 6: \"JANE.DOE@contoso.com\" — duplicate of line 2"), lines.get(2));
        String summary = people.importSummary();
        assertTrue(summary.startsWith("leavers.csv: 2 addresses read, 3 rows not used"), summary);
        assertTrue(summary.contains("header row was skipped"), summary);
        assertTrue(summary.contains("blank row"), summary);

        EmailImport pasted = controller.importCsv(new StringReader("a@contoso.com\nb@contoso"));
        assertEquals(1, new PeopleModel().addImport("paste", pasted).size(), "b@contoso is not an address");
    }
}
