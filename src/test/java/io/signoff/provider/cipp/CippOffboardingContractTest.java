package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippTestSupport.fixture;
import static io.signoff.provider.cipp.CippTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.ProviderException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Recorded ExecOffboardUser and ListScheduledItems answers: the body sent, job names, job rows in every shape. */
class CippOffboardingContractTest extends ScriptedCippTestBase {

    @Test
    void offboardingBodyIsExactlyCippsAndTheJobNameComesFromTheSentence() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecOffboardUser", json(200, fixture("offboard-queued.json")), json(200, fixture("offboard-exists.json")));
        Map<String, Object> options = new LinkedHashMap<>();
        for (String flag : List.of("RevokeSessions", "ResetPass", "DisableSignIn", "HideFromGAL", "RemoveGroups", "RemoveRules",
                "RemoveMobile", "removeCalendarInvites", "removePermissions", "removeCalendarPermissions", "ConvertToShared",
                "RemoveMFADevices", "RemoveLicenses", "DisableOneDriveSharing", "KeepCopy")) {
            options.put(flag, true);
        }
        options.put(CippOffboardingOptions.FORWARD, Map.of("label", "Omar Haddad", "value", "7c1d2e3f-0000-4000-8000-00000000beef"));
        options.put(CippOffboardingOptions.OOO, "<p>Jane has left Contoso.</p>");
        options.put(CippOffboardingOptions.ACCESS_AUTOMAP, List.of("omar.haddad@contoso.com"));
        options.put(CippOffboardingOptions.POST_EXECUTION, Map.of("email", true));
        BundleRequest request = new BundleRequest(options, "TICKET-123 / Jane Helpdesk", Instant.ofEpochSecond(1785000000L), null);

        BundleJob job = provider.queueOffboarding(jane, request);
        assertEquals(obj(fixture("offboard-expected-body.json")), obj(body(cipp.requestsTo("ExecOffboardUser").get(0))));
        assertEquals("Offboarding: jane.doe@contoso.com", job.jobName());
        assertEquals("contoso.onmicrosoft.com", job.tenantId());
        assertFalse(CippProvider.alreadyQueued(job));

        BundleJob again = provider.queueOffboarding(jane, request);
        assertTrue(CippProvider.alreadyQueued(again), again.message());
        assertEquals(job.jobName(), again.jobName());
    }


    @Test
    void offboardingRefusalsAreInvalidInputWithCippsSentences() throws Exception {
        DirectoryUser jane = jane();
        cipp.on("ExecOffboardUser", json(400, fixture("offboard-400.json")));
        ProviderException e = assertThrows(ProviderException.class, () -> provider.queueOffboarding(jane,
                new BundleRequest(Map.of("RevokeSessions", true), null, null, null)));
        assertEquals(ErrorKind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("No offboarding action was selected"), e.getMessage());
        assertTrue(e.getMessage().contains("must contain a value with an '@'"), e.getMessage());
    }


    @Test
    void aCompletedJobWithFailureSentencesShowsTheFailedStep() throws Exception {
        cipp.on("ListScheduledItems", json(200, fixture("scheduled-completed-with-failures.json")));
        BundleStatus status = provider.offboardingStatus(job());
        assertEquals(BundleStatus.State.COMPLETED, status.state());
        assertTrue(status.anyStepFailed());
        assertEquals(List.of("RevokeSessions", "ResetPass", "DisableSignIn", "ConvertToShared", "RemoveLicenses"),
                status.steps().stream().map(BundleStatus.StepOutcome::step).toList());
        assertEquals(List.of(true, true, true, false, true), status.steps().stream().map(BundleStatus.StepOutcome::succeeded).toList());
        HttpUrl url = cipp.requestsTo("ListScheduledItems").get(0).getRequestUrl();
        assertEquals("Invoke-CIPPOffboardingJob", url.queryParameter("Type"));
        assertEquals("contoso.onmicrosoft.com", url.queryParameter("tenantFilter"));
        assertEquals("Offboarding: jane.doe@contoso.com", url.queryParameter("Name"));
    }


    @Test
    void jobRowsInEveryShapeAndState() throws Exception {
        cipp.on("ListScheduledItems", json(200, fixture("scheduled-completed-array.json")), json(200, fixture("scheduled-failed.json")),
                json(200, fixture("scheduled-planned.json")), json(200, "[]"));
        BundleStatus newest = provider.offboardingStatus(job());
        assertEquals(BundleStatus.State.COMPLETED, newest.state());
        assertEquals(List.of("RevokeSessions", "RemoveMFADevices"), newest.steps().stream().map(BundleStatus.StepOutcome::step).toList(),
                "the newest of two rows of the same name, Results as a real array");
        assertFalse(newest.anyStepFailed());

        BundleStatus failed = provider.offboardingStatus(new BundleJob("cipp-test", "contoso.onmicrosoft.com", "ghost@contoso.com",
                "Offboarding: ghost@contoso.com", ""));
        assertEquals(BundleStatus.State.FAILED, failed.state());
        assertEquals("Job", failed.steps().get(0).step());
        assertTrue(failed.anyStepFailed());

        BundleStatus planned = provider.offboardingStatus(job());
        assertEquals(BundleStatus.State.PLANNED, planned.state());
        assertEquals(List.of(), planned.steps(), "'Planned' is a placeholder, not a step");
        assertFalse(planned.finished());

        assertEquals(BundleStatus.State.NOT_FOUND, provider.offboardingStatus(job()).state());
    }


    @Test
    void aJobQueuedWithAMarkerIsFoundByItAndAnotherJobOfTheSameNameIsNotTakenForIt() throws Exception {
        String earlierAndOpen = "[{\"Name\":\"Offboarding: jane.doe@contoso.com\",\"Tenant\":\"contoso.onmicrosoft.com\","
                + "\"TaskState\":\"Completed\",\"Results\":\"Planned\",\"ScheduledTime\":\"1785000900\",\"Reference\":\"OLD-2\"},"
                + "{\"Name\":\"Offboarding: jane.doe@contoso.com\",\"Tenant\":\"contoso.onmicrosoft.com\","
                + "\"TaskState\":\"Planned\",\"Results\":\"Planned\",\"ScheduledTime\":\"1785000100\",\"Reference\":\"HR-21\"}]";
        String anotherRunsFridayJob = "[{\"Name\":\"Offboarding: jane.doe@contoso.com\",\"Tenant\":\"contoso.onmicrosoft.com\","
                + "\"TaskState\":\"Planned\",\"Results\":\"Planned\",\"ScheduledTime\":\"1785600000\","
                + "\"Reference\":\"HR-30 | Signoff run-friday/s01\"},"
                + "{\"Name\":\"Offboarding: jane.doe@contoso.com\",\"Tenant\":\"contoso.onmicrosoft.com\","
                + "\"TaskState\":\"Completed\",\"Results\":\"Planned\",\"ScheduledTime\":\"1785000000\","
                + "\"Reference\":\"HR-31 | Signoff run-now/s01\"}]";
        cipp.on("ListScheduledItems", json(200, fixture("scheduled-completed-array.json")),
                json(200, fixture("scheduled-completed-array.json")), json(200, fixture("scheduled-completed-array.json")),
                json(200, earlierAndOpen), json(200, fixture("scheduled-planned.json")), json(200, anotherRunsFridayJob),
                json(200, anotherRunsFridayJob));

        BundleStatus older = provider.offboardingStatus(job("OLD-1"));
        assertEquals(BundleStatus.State.COMPLETED, older.state());
        assertEquals(List.of(), older.steps(), "the older finished row of that name, found by its marker although not the newest");
        BundleStatus newer = provider.offboardingStatus(job("TICKET-123"));
        assertEquals(List.of("RevokeSessions", "RemoveMFADevices"), newer.steps().stream().map(BundleStatus.StepOutcome::step).toList(),
                "the marker is found inside the reference");
        assertEquals(BundleStatus.State.NOT_FOUND, provider.offboardingStatus(job("Signoff run-1/s01")).state(),
                "both rows of that name are finished and carry other references: neither is this run's job");
        BundleStatus open = provider.offboardingStatus(job("Signoff run-1/s01"));
        assertEquals(BundleStatus.State.PLANNED, open.state(),
                "the one unfinished task of that name is the one a queue call would have made or been given");
        assertTrue(open.foundByName(), "found without the marker: to be followed by name");
        BundleStatus unmarked = provider.offboardingStatus(job("Signoff run-1/s01"));
        assertEquals(BundleStatus.State.PLANNED, unmarked.state(), "a CIPP that keeps no references: the name is all there is");
        assertTrue(unmarked.foundByName());

        assertEquals(BundleStatus.State.NOT_FOUND, provider.offboardingStatus(job("Signoff run-lost/s01")).state(),
                "another run's job planned for Friday is not this immediate run's, though it is the unfinished one");
        BundleStatus mine = provider.offboardingStatus(job("Signoff run-now/s01"));
        assertEquals(BundleStatus.State.COMPLETED, mine.state(), "found by the marker inside 'HR-31 | Signoff run-now/s01'");
        assertFalse(mine.foundByName());
    }

    private static BundleJob job(String reference) {
        return new BundleJob("cipp-test", "contoso.onmicrosoft.com", "jane.doe@contoso.com", "Offboarding: jane.doe@contoso.com",
                "", reference);
    }

    @Test
    void aPasswordInAnOldStyleJobResultIsScrubbed() throws Exception {
        cipp.on("ListScheduledItems", json(200, fixture("scheduled-old-password-text.json")));
        BundleStatus status = provider.offboardingStatus(job());
        assertFalse(status.rawResults().contains("Xy7!pQ2mK9vL"), status.rawResults());
        status.steps().forEach(s -> assertFalse(s.sentence().contains("Xy7!pQ2mK9vL"), s.sentence()));
        assertEquals(List.of("RevokeSessions", "ResetPass", "RemoveLicenses"),
                status.steps().stream().map(BundleStatus.StepOutcome::step).toList(), "group-based in the error does not mislead");
        assertTrue(status.anyStepFailed());
    }


    private static BundleJob job() {
        return new BundleJob("cipp-test", "contoso.onmicrosoft.com", "jane.doe@contoso.com", "Offboarding: jane.doe@contoso.com", "");
    }
}
