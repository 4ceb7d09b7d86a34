package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void oneAddressIsLowerCasedAndTrimmed() {
        SearchQuery q = SearchQuery.parse("  Jane.Doe@Contoso.com ");
        assertEquals(SearchQuery.Mode.EMAILS, q.mode());
        assertEquals(List.of("jane.doe@contoso.com"), q.terms());
        assertEquals("", q.problem());
    }

    @Test
    void pastedListSplitsOnNewlinesCommasAndSemicolonsAndDropsDuplicates() {
        SearchQuery q = SearchQuery.parse("jane.doe@contoso.com\r\nomar.haddad@contoso.com, JANE.DOE@contoso.com;"
                + "\"Priya Raman\" <priya.raman@contoso.com>;;\n");
        assertEquals(List.of("jane.doe@contoso.com", "omar.haddad@contoso.com", "priya.raman@contoso.com"), q.emails());
        assertTrue(q.invalid().isEmpty());
    }

    @Test
    void invalidEntriesAreReportedByNameWhileValidOnesAreStillSearched() {
        SearchQuery q = SearchQuery.parse("jane.doe@contoso.com; not-an-address; bob@; @x.com; a@b; o'brien@contoso.com");
        assertEquals(List.of("jane.doe@contoso.com", "o'brien@contoso.com"), q.emails());
        assertEquals(List.of("not-an-address", "bob@", "@x.com", "a@b"), q.invalid());
        assertTrue(q.problem().startsWith("4 entries are not email addresses: \"not-an-address\""), q.problem());
        assertTrue(q.problem().endsWith("Searching the 2 valid ones."), q.problem());
        assertTrue(q.searchable());
    }

    @Test
    void filterAndFormulaSyntaxIsNeverAnAddress() {
        for (String hostile : List.of("a\"@x.com", "x@y.com\") or (1 eq 1", "a b@x.com", "a\\b@x.com", "=cmd@x.com|x")) {
            SearchQuery q = SearchQuery.parse(hostile);
            assertTrue(q.emails().stream().noneMatch(e -> e.contains("\"") || e.contains(" ") || e.contains("\\")),
                    hostile + " -> " + q.emails());
        }
        assertTrue(SearchQuery.isEmail("=cmd@x.com"), "a formula-looking local part is still a legal address");
        assertTrue(SearchQuery.isEmail("jürgen@müller.de"));
    }

    @Test
    void textWithoutAtIsOneNameFragment() {
        SearchQuery q = SearchQuery.parse("Doe, Jane");
        assertEquals(SearchQuery.Mode.NAME, q.mode());
        assertEquals(List.of("Doe, Jane"), q.terms());
        SearchQuery tooShort = SearchQuery.parse("j");
        assertFalse(tooShort.searchable());
        assertEquals("Type at least 2 characters of a name.", tooShort.problem());
        assertFalse(SearchQuery.parse("   ").searchable());
    }
}
