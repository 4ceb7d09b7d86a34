package io.signoff.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.Tenant;
import io.signoff.provider.Provider;
import io.signoff.reliability.ProviderCalls.Urls;
import io.signoff.reliability.RecordingSimulator.Recorder;
import io.signoff.simulator.SimCredentials;
import io.signoff.simulator.SimRequest;
import io.signoff.simulator.SimulatorServer;
import io.signoff.simulator.cipp.CippSimulator;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Emails and names that are hostile to naive code go through every provider's search: each provider must receive the
 * value exactly (SCIM filter escaping, OData quote doubling in CIPP's graphFilter, form and query encoding for Slack
 * and Cloudflare), injected syntax must find nobody, and people who really have such addresses are found exactly.
 */
class HostileSearchInputTest {
    private static final Pattern SCIM_EQ = Pattern.compile("^(userName|email|emails\\.value) eq (.*)$", Pattern.DOTALL);
    private static final Set<String> CIPP_EMAIL_SKELETONS = Set.of("mail eq '' or proxyAddresses/any(p:p eq '')");
    private static final String CIPP_NAME_SKELETON = "startswith(displayName,'') or startswith(givenName,'') or "
            + "startswith(surname,'') or startswith(userPrincipalName,'') or startswith(mail,'')";

    private static SimulatorServer sim;
    private static final Map<ProviderKind, Provider> providers = new EnumMap<>(ProviderKind.class);
    private static final Map<ProviderKind, Tenant> tenants = new EnumMap<>(ProviderKind.class);

    @BeforeAll
    static void start() throws Exception {
        sim = RecordingSimulator.start(TestSeeds.hostile(5));
        SimCredentials c = sim.credentials();
        Urls urls = new Urls(sim.baseUrl(ProviderKind.CIPP).toString(),
                CippSimulator.tokenUrlTemplate(sim.baseUrl(ProviderKind.CIPP)), sim.baseUrl(ProviderKind.SLACK).toString(),
                sim.baseUrl(ProviderKind.CLOUDFLARE).toString(), sim.baseUrl(ProviderKind.SCIM).toString());
        for (Provider p : ProviderCalls.providers(ProviderCalls.connections(urls, ProviderCalls.hostileOptions(),
                sim.seed().cloudflare().accountId()), ProviderCalls.secrets(c.cippClientSecret(), c.slackToken(),
                c.cloudflareToken(), c.scimToken()))) {
            providers.put(p.connection().kind(), p);
        }
        String contoso = TestSeeds.hostile(5).tenants().stream().filter(t -> t.mailDomain().equals("contoso.com"))
                .findFirst().orElseThrow().defaultDomainName();
        tenants.put(ProviderKind.CIPP, providers.get(ProviderKind.CIPP).listTenants().stream()
                .filter(t -> t.id().equals(contoso)).findFirst().orElseThrow());
        String workspace = sim.seed().slack().workspaces().get(0).id();
        tenants.put(ProviderKind.SLACK, providers.get(ProviderKind.SLACK).listTenants().stream()
                .filter(t -> t.id().equals(workspace)).findFirst().orElseThrow());
        tenants.put(ProviderKind.CLOUDFLARE, providers.get(ProviderKind.CLOUDFLARE).listTenants().get(0));
        tenants.put(ProviderKind.SCIM, providers.get(ProviderKind.SCIM).listTenants().get(0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Nobody has these addresses; each one would match someone (or everyone) if it were pasted into syntax unescaped. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"y\" or userName pr\"@contoso.com",
        "jane.doe@contoso.com\" or \"1\"=\"1",
        "nobody' or mail eq 'jane.doe@contoso.com",
        "nobody@contoso.com' or startswith(displayName,'J",
        "x@contoso.com&email=jane.doe@contoso.com",
        "x@contoso.com#jane.doe@contoso.com",
        "jane.doe%40contoso.com",
        "jane.doe@contoso.com\\",
        "tab\tin@contoso.com",
        "zoë.nobody@contoso.com",
        "=HYPERLINK(\"http://evil.example\")@fabrikam.com"})
    void aStrangerIsFoundNowhereAndEveryProviderReceivesTheValueIntact(String input) throws Exception {
        for (ProviderKind kind : ProviderKind.values()) {
            Recorder recorder = RecordingSimulator.recorder(sim, kind);
            recorder.clear();

            List<DirectoryUser> found = providers.get(kind).findUsers(tenants.get(kind), input);

            assertEquals(List.of(), found, kind + " found someone for " + input);
            assertReceivedIntact(kind, recorder.requests(), input, input.contains("@"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void aPersonWithAHostileAddressIsFoundExactlyOnce(int person) throws Exception {
        String email = TestSeeds.email(person);
        for (ProviderKind kind : ProviderKind.values()) {
            Recorder recorder = RecordingSimulator.recorder(sim, kind);
            recorder.clear();

            List<DirectoryUser> found = providers.get(kind).findUsers(tenants.get(kind), email);

            assertEquals(1, found.size(), kind + " for " + email + ": " + found);
            assertEquals(email, found.get(0).email(), kind + " must keep the address exactly");
            assertEquals(TestSeeds.displayName(person), found.get(0).displayName(), kind + " must keep the name exactly");
            assertReceivedIntact(kind, recorder.requests(), email, true);
        }
    }

    @Test
    void namesWithQuotesFormulasAndUnicodeAreSearchedLiterally() throws Exception {
        for (ProviderKind kind : List.of(ProviderKind.CIPP, ProviderKind.SLACK, ProviderKind.CLOUDFLARE)) {
            Provider p = providers.get(kind);
            Tenant t = tenants.get(kind);
            assertEquals(List.of(TestSeeds.email(0)), emails(p.findUsers(t, "O'Brien")), kind.name());
            assertEquals(List.of(TestSeeds.email(2)), emails(p.findUsers(t, "Zoë")), kind.name());
            assertEquals(List.of(TestSeeds.email(5)), emails(p.findUsers(t, "Back\\slash")), kind.name());
            RecordingSimulator.recorder(sim, kind).clear();
            // An OData literal closed early would find Jane Doe here.
            String injection = "Nobody' or startswith(displayName,'Jane";
            assertEquals(List.of(), p.findUsers(t, injection), kind.name());
            assertReceivedIntact(kind, RecordingSimulator.recorder(sim, kind).requests(), injection, false);
        }
    }

    private static List<String> emails(List<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::email).toList();
    }

    /**
     * What the simulated API received carries the input whole, as data, in every place it went.
     *
     * @param email whether the client searched by address (CIPP and Slack do so for anything with an '@')
     */
    private static void assertReceivedIntact(ProviderKind kind, List<SimRequest> requests, String input, boolean email) {
        int carried = 0;
        for (SimRequest r : requests) {
            switch (kind) {
                case CIPP -> {
                    String userId = r.queryParam("UserID");
                    if (userId != null && email) {
                        assertEquals(input, userId, "CIPP UserID");
                        carried++;
                    }
                    String filter = r.queryParam("graphFilter");
                    if (filter != null) {
                        StringBuilder skeleton = new StringBuilder();
                        List<String> literals = odataLiterals(filter, skeleton);
                        if (email) {
                            assertTrue(CIPP_EMAIL_SKELETONS.contains(skeleton.toString()), "CIPP filter shape: " + filter);
                            assertEquals(List.of(input, "smtp:" + input), literals, "CIPP literals of " + filter);
                        } else {
                            assertEquals(CIPP_NAME_SKELETON, skeleton.toString(), "CIPP filter shape: " + filter);
                            literals.forEach(l -> assertEquals(input, l, "CIPP literal of " + filter));
                        }
                        carried++;
                    }
                }
                case SLACK -> {
                    String sent = RecordingSimulator.form(r.body()).get("email");
                    if (sent != null) {
                        assertEquals(input, sent, "Slack email argument");
                        carried++;
                    }
                    if (!email && r.path().endsWith("admin.users.list")) carried++; // names are matched by the client
                }
                case CLOUDFLARE -> {
                    String sent = r.queryParam("email") != null ? r.queryParam("email") : r.queryParam("search");
                    if (sent != null) {
                        assertEquals(input, sent, "Cloudflare query");
                        carried++;
                    }
                }
                case SCIM -> {
                    String filter = r.queryParam("filter");
                    if (filter != null) {
                        Matcher m = SCIM_EQ.matcher(filter);
                        assertTrue(m.matches(), "SCIM filter shape: " + filter);
                        assertEquals(input, wholeJsonString(m.group(2)), "SCIM literal of " + filter);
                        carried++;
                    }
                }
            }
        }
        assertTrue(carried > 0, kind + " never sent the value for " + input + ": " + requests);
        assertFalse(requests.isEmpty());
    }

    /** The text as exactly one JSON string literal and nothing after it (else syntax got in). */
    private static String wholeJsonString(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            assertEquals(JsonToken.STRING, reader.peek(), "not a string literal: " + text);
            String value = reader.nextString();
            assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "text after the literal: " + text);
            return value;
        } catch (IOException e) {
            throw new AssertionError("not one JSON string: " + text, e);
        }
    }

    /** OData string literals ('' is a quote inside one) and the filter with each literal emptied. */
    private static List<String> odataLiterals(String filter, StringBuilder skeleton) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char ch = filter.charAt(i);
            if (ch != '\'') {
                skeleton.append(ch);
                i++;
                continue;
            }
            StringBuilder literal = new StringBuilder();
            i++;
            while (true) {
                if (i >= filter.length()) throw new AssertionError("unclosed literal in " + filter);
                if (filter.charAt(i) == '\'') {
                    if (i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                        literal.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                literal.append(filter.charAt(i++));
            }
            literals.add(literal.toString());
            skeleton.append("''");
        }
        return literals;
    }

}
