package io.signoff.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserIndexTest {
    static final String[] GIVEN = {"Jane", "Omar", "Priya", "Lukas", "Ana", "Chen", "Sofia", "Mateo", "Yuki", "Amara",
        "Noah", "Élodie", "Kwame", "Ingrid", "Ravi", "Zoë"};
    static final String[] FAMILY = {"Doe", "Haddad", "Raman", "Becker", "Souza", "Wei", "Rossi", "García", "Tanaka",
        "Okafor", "Smith", "Dubois", "Mensah", "Larsen", "Patel", "O'Brien"};

    static List<DirectoryUser> users;
    static UserIndex<DirectoryUser> index;

    /** 100,000 users as a large CIPP tenant would load them: names, UPNs, proxy addresses. */
    static List<DirectoryUser> generate(int count, long seed) {
        Random random = new Random(seed);
        List<DirectoryUser> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String g = GIVEN[random.nextInt(GIVEN.length)];
            String f = FAMILY[random.nextInt(FAMILY.length)];
            String local = (g + "." + f).toLowerCase(Locale.ROOT).replace("'", "") + i;
            out.add(new DirectoryUser("cipp", ProviderKind.CIPP, "big.onmicrosoft.com", "00000000-0000-0000-0000-" + String.format("%012d", i),
                    local + "@big.example", g + " " + f, AccountStatus.ENABLED, false, false, false, false, null,
                    List.of(g.substring(0, 1).toLowerCase(Locale.ROOT) + i + "@big.example"), List.of(), Map.of()));
        }
        return out;
    }

    @BeforeAll
    static void load() {
        users = generate(100_000, 11);
        index = UserIndex.of(users);
    }

    /** The obvious, slow answer the index must agree with. */
    static List<DirectoryUser> naive(String query) {
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return users.stream().filter(u -> {
            String all = (u.displayName() + " " + u.email() + " " + u.id() + " " + String.join(" ", u.aliases())).toLowerCase(Locale.ROOT);
            for (String w : words) if (!w.isEmpty() && !all.contains(w)) return false;
            return true;
        }).toList();
    }

    @Test
    void substringPrefixAndMultiWordQueriesAgreeWithTheNaiveScan() {
        assertEquals(100_000, index.size());
        for (String q : List.of("jane", "JANE DOE", "doe jane", "haddad", "@big", "o'brien", "élodie", "zoë pat", "4242",
                "j4242@", "00000000-0000-0000-0000-000000099999", "nobody-matches-this")) {
            assertEquals(naive(q), index.search(q), q);
        }
        assertEquals(100_000, index.search("  ").size(), "a blank query shows everyone");
    }

    @Test
    void typingNarrowsFromThePreviousResultAndDeletingStartsOver() {
        UserIndex<DirectoryUser>.Filter filter = index.filter();
        String typed = "priya rama";
        for (int i = 1; i <= typed.length(); i++) {
            String q = typed.substring(0, i);
            assertEquals(naive(q), filter.apply(q), "after typing '" + q + "'");
        }
        for (int i = typed.length() - 1; i >= 1; i--) {
            String q = typed.substring(0, i);
            assertEquals(naive(q), filter.apply(q), "after deleting back to '" + q + "'");
        }
        assertEquals(naive("wei"), filter.apply("wei"), "replacing the text");
        assertTrue(filter.apply("").size() == 100_000);
    }
}
