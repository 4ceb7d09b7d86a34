package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonMergerTest {

    static DirectoryUser user(String conn, ProviderKind kind, String id, String email, List<String> aliases, String name) {
        return new DirectoryUser(conn, kind, "t", id, email, name, AccountStatus.ENABLED, false, false, false, false,
                null, aliases, List.of(), Map.of());
    }

    @Test
    void accountsSharingAnAliasAreOnePersonTransitively() {
        DirectoryUser m365 = user("cipp", ProviderKind.CIPP, "g1", "jane.doe@contoso.com", List.of("jdoe@contoso.com"), "Jane Doe");
        DirectoryUser slack = user("slack", ProviderKind.SLACK, "W1", "JDOE@contoso.com", List.of(), "jane");
        DirectoryUser lucid = user("lucid", ProviderKind.SCIM, "lucid-1", "jane.doe@contoso.com", List.of(), "Jane Doe");
        DirectoryUser other = user("slack", ProviderKind.SLACK, "W2", "omar@contoso.com", List.of(), "Omar Haddad");
        List<Person> people = PersonMerger.merge(List.of(new PersonMerger.Hit(slack, null), new PersonMerger.Hit(m365, null),
                new PersonMerger.Hit(other, null), new PersonMerger.Hit(lucid, null)));
        assertEquals(2, people.size());
        Person jane = people.get(0);
        assertEquals(3, jane.accounts().size());
        assertEquals("jane.doe@contoso.com", jane.email(), "the most common primary address wins");
        assertEquals("Jane Doe", jane.displayName());
        assertTrue(jane.addresses().contains("jdoe@contoso.com"));
    }

    @Test
    void anAccountFoundForAnAliasIsNamedByItsPrimaryAddressAndAccountsWithoutAddressStayApart() {
        DirectoryUser byUpn = user("cipp", ProviderKind.CIPP, "g1", "j.doe@contoso.onmicrosoft.com", List.of(), "Jane Doe");
        DirectoryUser bot1 = user("slack", ProviderKind.SLACK, "B1", "", List.of(), "bot");
        DirectoryUser bot2 = user("slack", ProviderKind.SLACK, "B2", "", List.of(), "bot");
        List<Person> people = PersonMerger.merge(List.of(new PersonMerger.Hit(byUpn, "jane.doe@contoso.com"),
                new PersonMerger.Hit(bot1, null), new PersonMerger.Hit(bot2, null)));
        assertEquals(3, people.size());
        assertEquals("j.doe@contoso.onmicrosoft.com", people.get(0).email(), "the searched address was only an alias");
    }
}
