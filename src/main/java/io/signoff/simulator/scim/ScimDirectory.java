package io.signoff.simulator.scim;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The simulated app's users, built from the seed. Not thread-safe: {@link ScimSimulator} serialises access. */
final class ScimDirectory {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    static final class ScimUser {
        final String id;
        final String externalId;
        final String userName;
        final String givenName;
        final String familyName;
        final List<String> emails;
        /** Holds the account: Lucid refuses to delete such a user (409). */
        final boolean accountOwner;
        final Instant created;
        boolean active = true;
        Instant lastModified;
        int version = 1;

        ScimUser(String id, String externalId, String userName, String givenName, String familyName, List<String> emails,
                 boolean accountOwner, Instant created) {
            this.id = id;
            this.externalId = externalId;
            this.userName = userName;
            this.givenName = givenName;
            this.familyName = familyName;
            this.emails = List.copyOf(emails);
            this.accountOwner = accountOwner;
            this.created = created;
            this.lastModified = created;
        }
    }

    private final Map<String, ScimUser> users = new LinkedHashMap<>();
    private final URI baseUrl;

    ScimDirectory(Seed seed, URI baseUrl) {
        this.baseUrl = baseUrl;
        for (Seed.Person p : seed.peopleIn(ProviderKind.SCIM)) {
            List<String> emails = new ArrayList<>();
            emails.add(p.email());
            emails.addAll(p.aliases());
            ScimUser u = new ScimUser(idFor(p.key()), p.key(), p.email(), p.givenName(), p.familyName(), emails,
                    p.owner() || p.primaryOwner(), seed.now().minus(Duration.ofDays(300)));
            users.put(u.id, u);
        }
    }

    /** "p00042" becomes "lucid-0042": Lucid's id shape. */
    static String idFor(String personKey) {
        int n = Integer.parseInt(personKey.replaceAll("\\D", ""));
        return String.format(Locale.ROOT, "lucid-%04d", n);
    }

    ScimUser user(String id) { return users.get(id); }

    void remove(String id) { users.remove(id); }

    /** Active users matching the filter (deactivated users are left out of lists, as Lucid does). */
    List<ScimUser> list(ScimFilterParser.Filter filter) {
        List<ScimUser> out = new ArrayList<>();
        for (ScimUser u : users.values()) {
            if (u.active && (filter == null || matches(u, filter))) out.add(u);
        }
        return out;
    }

    private static boolean matches(ScimUser u, ScimFilterParser.Filter f) {
        return switch (f.attribute()) {
            case "username" -> u.userName.equalsIgnoreCase(f.value());
            case "emails.value", "email" -> u.emails.stream().anyMatch(e -> e.equalsIgnoreCase(f.value()));
            case "externalid" -> u.externalId.equals(f.value());
            case "id" -> u.id.equals(f.value());
            default -> false;
        };
    }

    /** The core User resource; with quirks, {@code active} is a "True"/"False" string as some servers send it. */
    Map<String, Object> json(ScimUser u, boolean quirks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemas", List.of(USER_SCHEMA));
        m.put("id", u.id);
        m.put("externalId", u.externalId);
        m.put("userName", u.userName);
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenName", u.givenName);
        name.put("familyName", u.familyName);
        name.put("formatted", u.givenName + " " + u.familyName);
        m.put("name", name);
        m.put("displayName", u.givenName + " " + u.familyName);
        List<Object> emails = new ArrayList<>();
        for (int i = 0; i < u.emails.size(); i++) {
            emails.add(Map.of("value", u.emails.get(i), "type", i == 0 ? "work" : "other", "primary", i == 0));
        }
        m.put("emails", emails);
        m.put("active", quirks ? (u.active ? "True" : "False") : u.active);
        m.put("groups", List.of());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "User");
        meta.put("created", u.created.toString());
        meta.put("lastModified", u.lastModified.toString());
        meta.put("location", baseUrl + "/Users/" + u.id);
        meta.put("version", "W/\"" + u.version + "\"");
        m.put("meta", meta);
        return m;
    }
}
