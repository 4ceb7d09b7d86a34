package io.signoff.ui.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.offboarding.EmailImport;
import io.signoff.offboarding.OffboardingTarget;
import io.signoff.offboarding.RejectedRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeopleAndScopeModelTest {

    @Test
    void csvRowsNotUsedAreListedWithTheirReasonsAndCountedInTheSummary() {
        PeopleModel people = new PeopleModel();
        people.add("Jane.Doe@contoso.com", "Jane Doe", "search");
        EmailImport imported = new EmailImport(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com"),
                List.of(new RejectedRow(3, "not-an-address", "not an email address"),
                        new RejectedRow(5, "a@x.com,b@x.com", "several values in one row")),
                true, 2);

        List<RejectedRow> notUsed = people.addImport("leavers.csv", imported);

        assertEquals(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com"), people.emails());
        assertEquals(3, notUsed.size(), "the duplicate of a person already chosen is reported, not dropped");
        assertEquals(List.of(
                "Line 3: \"not-an-address\" — not an email address",
                "Line 5: \"a@x.com,b@x.com\" — several values in one row",
                "\"jane.doe@contoso.com\" — already in the list"), people.rejectedLines());
        assertTrue(people.hasRejectedRows());
        assertEquals("leavers.csv: 2 addresses read, 3 rows not used (listed below); the header row was skipped; "
                + "2 blank rows ignored.", people.importSummary());
        assertEquals("2 people: Jane Doe (jane.doe@contoso.com), omar.haddad@contoso.com", people.describe());

        people.remove("JANE.DOE@contoso.com");
        assertEquals(List.of("omar.haddad@contoso.com"), people.emails());
        people.clear();
        assertTrue(people.isEmpty());
        assertEquals("", people.importSummary());
        assertEquals(List.of(), people.rejectedLines());
    }

    @Test
    void aCleanImportSaysSo() {
        PeopleModel people = new PeopleModel();
        people.addImport("ok.csv", new EmailImport(List.of("a@contoso.com"), List.of(), false, 0));
        assertFalse(people.hasRejectedRows());
        assertEquals("ok.csv: 1 address read.", people.importSummary());
    }

    @Test
    void scopeListsFoundAndMissingAccountsWithReasonsAndHonoursExclusions() {
        ScopeModel scope = new ScopeModel();
        scope.setConnections(List.of(Fixtures.CIPP, Fixtures.SLACK, Fixtures.CLOUDFLARE, Fixtures.LUCID));
        assertEquals(4, scope.selectedConnectionIds().size(), "every connection starts selected");
        scope.setTargets(List.of(Fixtures.jane(), Fixtures.omar()));

        List<ScopeModel.Row> rows = scope.rows();
        assertEquals(7, rows.size());
        ScopeModel.Row slackJane = rows.get(1);
        assertEquals("found", slackJane.result());
        assertEquals("enabled, admin", slackJane.detail());
        ScopeModel.Row omarSlack = rows.get(5);
        assertEquals("not found", omarSlack.result());
        assertEquals("users_not_found", omarSlack.detail());
        ScopeModel.Row omarCf = rows.get(6);
        assertEquals("not reachable", omarCf.result());
        assertEquals("The provider rejected the credentials", omarCf.detail());
        assertEquals("2 people · 5 accounts in scope · 1 not found · 1 not reachable", scope.summary());

        // Leave Jane's Lucid account out, and Cloudflare entirely.
        scope.include(rows.get(3).key(), false);
        scope.select("cf", false);
        List<OffboardingTarget> inScope = scope.targetsInScope();
        assertEquals(List.of("cipp", "slack"), inScope.get(0).accounts().stream().map(a -> a.connection().id()).toList());
        assertEquals(List.of("cipp", "slack"), inScope.get(1).accounts().stream().map(a -> a.connection().id()).toList(),
                "not-found lines stay, so the plan can say where nothing was found");
        assertTrue(scope.canProceed());

        // Omar only has CIPP: without it he drops out and is named.
        scope.include(rows.get(4).key(), false);
        assertEquals(List.of("omar.haddad@contoso.com"), scope.peopleWithoutAccounts());
        assertEquals(1, scope.targetsInScope().size());

        scope.select("cipp", false);
        scope.select("slack", false);
        assertFalse(scope.canProceed());
        assertTrue(scope.anyConnectionSelected(), "Lucid is still searched; only Jane's account there was left out");
    }

    @Test
    void aConnectionAddedLaterStartsSelectedAndAGoneOneIsDropped() {
        ScopeModel scope = new ScopeModel();
        scope.setConnections(List.of(Fixtures.CIPP, Fixtures.SLACK));
        scope.select("slack", false);
        scope.setConnections(List.of(Fixtures.CIPP, Fixtures.SLACK, Fixtures.LUCID));
        assertEquals(java.util.Set.of("cipp", "lucid"), scope.selectedConnectionIds(), "the operator's untick is kept");
        scope.setConnections(List.of(Fixtures.LUCID));
        assertEquals(java.util.Set.of("lucid"), scope.selectedConnectionIds());
    }
}
