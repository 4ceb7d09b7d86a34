package io.signoff.provider.cipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ErrorKind;
import io.signoff.provider.BundleRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text rules the client lives by: which sentences are failures, what kind, which step, which options go together. */
class CippRulesTest {

    @Test
    void failureSentencesAreRecognisedByHowCippStartsThem() {
        for (String failed : List.of("Failed to revoke sessions for x", "Could not find user", "Unable to reset",
                "Error - Could not add task: conflict", "Task Failed: boom", "  failed to x")) {
            assertTrue(CippResponses.isFailureSentence(failed), failed);
        }
        for (String fine : List.of("Successfully revoked sessions", "Set Out-of-office for x to Enabled",
                "No rules for x to remove", "Task with name Offboarding: x already exists")) {
            assertFalse(CippResponses.isFailureSentence(fine), fine);
        }
    }

    @Test
    void graphErrorsClassifyIntoErrorKinds() {
        Map<String, ErrorKind> cases = Map.of(
                "Failed: Insufficient privileges to complete the operation.", ErrorKind.PERMISSION_MISSING,
                "Failed: Authorization_RequestDenied", ErrorKind.PERMISSION_MISSING,
                "Failed: Resource 'x' does not exist", ErrorKind.NOT_FOUND,
                "Failed: TooManyRequests", ErrorKind.RATE_LIMITED,
                "Failed: Authentication_RequestFromNonPremiumTenantOrB2CTenant", ErrorKind.UNSUPPORTED,
                "Failed: Invalid filter clause", ErrorKind.INVALID_INPUT,
                "Failed: something odd", ErrorKind.TRANSIENT);
        cases.forEach((text, kind) -> assertEquals(kind, CippResponses.classify(text, ErrorKind.TRANSIENT), text));
        assertEquals("Authorization_RequestDenied", CippResponses.graphCode("Error: Authorization_RequestDenied: no"));
    }

    @Test
    void resultsEnvelopesInEveryShapeYieldSentences() {
        assertEquals(List.of("a", "b"), texts("{\"Results\":[\"a\",\"b\"]}"));
        assertEquals(List.of("a"), texts("{\"results\":\"a\"}"));
        assertEquals(List.of("ok"), texts("{\"Results\":{\"resultText\":\"ok\",\"copyField\":\"pw\",\"state\":\"success\"}}"));
        assertTrue(CippResponses.sentences(JsonParser.parseString(
                "{\"Results\":{\"resultText\":\"Done\",\"state\":\"error\"}}")).get(0).failed(), "state=error fails");
        assertEquals(List.of("x"), texts("[\"x\"]"));
    }

    @Test
    void sentencesMapToTheOptionTheyReportOn() {
        Map<String, String> cases = Map.of(
                "Successfully hidden rules.person@contoso.com from GAL", "HideFromGAL",
                "Failed to remove licences for a@b.com. Error: group-based license conflict", "RemoveLicenses",
                "Successfully removed calendar permissions for a@b.com", "removeCalendarPermissions",
                "Successfully removed mailbox permissions for a@b.com from all mailboxes", "removePermissions",
                "Successfully disabled OneDrive sharing for a@b.com", "DisableOneDriveSharing",
                "Successfully added x@b.com to a@b.com with FullAccess permissions (automapping off)", "AccessNoAutomap",
                "Forwarding all email for a@b.com to c@b.com and keeping a copy", "forward",
                "Successfully cleared ImmutableId for a@b.com", "ClearImmutableId",
                "Task Failed: Could not find user", "Job",
                "Something new entirely", "Other");
        cases.forEach((sentence, step) -> assertEquals(step, CippJobResults.stepOf(sentence), sentence));
    }

    @Test
    void optionNamesCoverEveryFieldOfTheBodyAndDeleteUserStandsAlone() throws Exception {
        JsonObject body = CippOffboardingOptions.body("t.onmicrosoft.com", "A", "a@b.com",
                new BundleRequest(Map.of("RevokeSessions", true), "r", null, null), Instant.ofEpochSecond(1785000000L));
        Set<String> envelope = Set.of("tenantFilter", "user", "Scheduled", "postExecution", "reference");
        for (String key : body.keySet()) {
            assertTrue(envelope.contains(key) || CippOffboardingOptions.ALL.contains(key), key);
        }
        assertFalse(body.getAsJsonObject("Scheduled").get("enabled").getAsBoolean());
        assertEquals(23, CippOffboardingOptions.RUN_ORDER.size());
        assertEquals(List.of("RevokeSessions", "ConvertToShared"),
                CippOffboardingOptions.conflictsWithDeleteUser(Map.of("DeleteUser", true, "RevokeSessions", true,
                        "ConvertToShared", "true", "KeepCopy", true, "AccessAutomap", List.of())));
        assertEquals(List.of(), CippOffboardingOptions.conflictsWithDeleteUser(Map.of("DeleteUser", true, "KeepCopy", true)));
        CippOffboardingOptions.validate(Map.of("DeleteUser", true));
        assertEquals("o''brien", CippProvider.odataLiteral("o'brien"));
    }

    private static List<String> texts(String json) {
        return CippResponses.sentences(JsonParser.parseString(json)).stream().map(CippResponses.Sentence::text).toList();
    }
}
