package io.signoff.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.signoff.model.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The demo directory: tenants, workspaces, the Cloudflare account, the Lucid org and the people in them, expanded
 * deterministically from {@code seed.json} and a numeric seed. Immutable; each simulated API builds its own mutable
 * state from it.
 */
public record Seed(List<Tenant> tenants, SlackOrg slack, CloudflareAccount cloudflare, LucidOrg lucid, List<Person> people, Instant now) {

    public record Tenant(String customerId, String defaultDomainName, String displayName, String mailDomain, String delegatedPrivilegeStatus) { }

    public record Workspace(String id, String name, String domain) { }

    public record SlackOrg(String enterpriseId, String enterpriseName, List<Workspace> workspaces) { }

    public record AccessApp(String uid, String name, String hostname, String type) { }

    public record CloudflareAccount(String accountId, String accountName, List<AccessApp> apps) { }

    public record LucidOrg(String orgName) { }

    public record Device(String hardware, String os, String osVersion, String client, String ip,
                         String city, String state, String country, Instant created, Instant lastSeen) { }

    /**
     * @param key         stable short id ("p0001"), from which each simulated API derives its own id format
     * @param tenantDomain the defaultDomainName of the person's Microsoft 365 tenant
     */
    public record Person(String key, String givenName, String familyName, String email, List<String> aliases, String title,
                         String tenantDomain, Set<ProviderKind> providers, List<String> slackWorkspaces,
                         boolean admin, boolean owner, boolean primaryOwner, boolean bot, boolean disabled,
                         List<Device> devices, Instant lastActivity) {
        public String displayName() { return givenName + " " + familyName; }

        public boolean in(ProviderKind kind) { return providers.contains(kind); }
    }

    public Seed {
        tenants = List.copyOf(tenants);
        people = List.copyOf(people);
    }

    public List<Person> peopleIn(ProviderKind kind) {
        return people.stream().filter(p -> p.in(kind)).toList();
    }

    /** The built-in demo directory. */
    public static Seed demo(long seed, Instant now) {
        return demoWithLargeTenant(seed, now, 0);
    }

    /** The demo directory with {@code extraUsers} more people in the first tenant (large-tenant tests and benchmarks). */
    public static Seed demoWithLargeTenant(long seed, Instant now, int extraUsers) {
        try (InputStream in = Seed.class.getResourceAsStream("seed.json")) {
            if (in == null) throw new IllegalStateException("seed.json missing from the simulator resources");
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return expand(root, seed, now, extraUsers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Seed expand(JsonObject root, long seed, Instant now, int extraUsers) {
        Random random = new Random(seed);
        List<Tenant> tenants = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("m365Tenants")) {
            JsonObject t = e.getAsJsonObject();
            tenants.add(new Tenant(str(t, "customerId"), str(t, "defaultDomainName"), str(t, "displayName"),
                    str(t, "mailDomain"), str(t, "delegatedPrivilegeStatus")));
        }
        JsonObject slackJson = root.getAsJsonObject("slack");
        List<Workspace> workspaces = new ArrayList<>();
        for (JsonElement e : slackJson.getAsJsonArray("workspaces")) {
            JsonObject w = e.getAsJsonObject();
            workspaces.add(new Workspace(str(w, "id"), str(w, "name"), str(w, "domain")));
        }
        SlackOrg slack = new SlackOrg(str(slackJson, "enterpriseId"), str(slackJson, "enterpriseName"), List.copyOf(workspaces));
        JsonObject cfJson = root.getAsJsonObject("cloudflare");
        List<AccessApp> apps = new ArrayList<>();
        for (JsonElement e : cfJson.getAsJsonArray("apps")) {
            JsonObject a = e.getAsJsonObject();
            apps.add(new AccessApp(str(a, "uid"), str(a, "name"), str(a, "hostname"), str(a, "type")));
        }
        CloudflareAccount cloudflare = new CloudflareAccount(str(cfJson, "accountId"), str(cfJson, "accountName"), List.copyOf(apps));
        JsonObject lucidJson = root.getAsJsonObject("lucid");
        LucidOrg lucid = new LucidOrg(str(lucidJson, "orgName"));

        String groupDomain = str(slackJson, "mailDomain");
        double slackShare = slackJson.get("shareOfTenantUsers").getAsDouble();
        double cfShare = cfJson.get("shareOfTenantUsers").getAsDouble();
        double lucidShare = lucidJson.get("shareOfTenantUsers").getAsDouble();

        JsonArray deviceTemplates = root.getAsJsonArray("devices");
        JsonArray locations = root.getAsJsonArray("locations");
        List<Person> people = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        int[] counter = {0};

        for (JsonElement e : root.getAsJsonArray("featured")) {
            JsonObject f = e.getAsJsonObject();
            String email = str(f, "email");
            String domain = email.substring(email.indexOf('@') + 1);
            String tenantDomain = tenants.stream().filter(t -> t.mailDomain().equals(domain)).map(Tenant::defaultDomainName)
                    .findFirst().orElse(null);
            Set<ProviderKind> providers = EnumSet.noneOf(ProviderKind.class);
            for (JsonElement p : f.getAsJsonArray("providers")) providers.add(ProviderKind.fromSlug(p.getAsString()));
            List<String> ws = new ArrayList<>();
            if (f.has("slackWorkspaces")) for (JsonElement w : f.getAsJsonArray("slackWorkspaces")) ws.add(w.getAsString());
            List<String> aliases = new ArrayList<>();
            for (JsonElement a : f.getAsJsonArray("aliases")) aliases.add(a.getAsString());
            int deviceCount = f.get("devices").getAsInt();
            people.add(new Person(nextKey(counter), str(f, "givenName"), str(f, "familyName"), email, List.copyOf(aliases),
                    str(f, "title"), tenantDomain, providers, List.copyOf(ws), bool(f, "admin"), bool(f, "owner"),
                    bool(f, "primaryOwner"), bool(f, "bot"), bool(f, "disabled"),
                    devices(random, deviceTemplates, locations, deviceCount, now), now.minus(Duration.ofMinutes(5 + random.nextInt(600)))));
            emails.add(email);
        }

        JsonArray given = root.getAsJsonArray("givenNames");
        JsonArray family = root.getAsJsonArray("familyNames");
        JsonArray titles = root.getAsJsonArray("titles");
        int perTenant = root.get("usersPerTenant").getAsInt();
        for (int ti = 0; ti < tenants.size(); ti++) {
            Tenant t = tenants.get(ti);
            int target = perTenant + (ti == 0 ? extraUsers : 0);
            long existing = people.stream().filter(p -> t.defaultDomainName().equals(p.tenantDomain())).count();
            int made = 0;
            for (int n = 0; existing + made < target; n++) {
                String g = given.get(Math.floorMod(n * 7 + ti * 3, given.size())).getAsString();
                String fam = family.get(Math.floorMod(n + ti * 5 + n / given.size(), family.size())).getAsString();
                String local = (g + "." + fam).toLowerCase(Locale.ROOT) + (n >= given.size() * family.size() ? Integer.toString(n) : "");
                String email = local + "@" + t.mailDomain();
                if (!emails.add(email)) {
                    email = local + n + "@" + t.mailDomain();
                    if (!emails.add(email)) continue;
                }
                Set<ProviderKind> providers = EnumSet.of(ProviderKind.CIPP);
                List<String> ws = new ArrayList<>();
                if (t.mailDomain().equals(groupDomain) && made < 1000) {
                    // Only the first thousand of a large tenant join the other providers: they model the real overlap.
                    if (random.nextDouble() < slackShare) {
                        providers.add(ProviderKind.SLACK);
                        ws.add(workspaces.get(0).id());
                        if (random.nextBoolean()) ws.add(workspaces.get(1).id());
                    }
                    if (random.nextDouble() < cfShare) providers.add(ProviderKind.CLOUDFLARE);
                    if (random.nextDouble() < lucidShare) providers.add(ProviderKind.SCIM);
                }
                boolean small = made < 1000;
                people.add(new Person(nextKey(counter), g, fam, email, List.of(), titles.get(random.nextInt(titles.size())).getAsString(),
                        t.defaultDomainName(), providers, List.copyOf(ws), false, false, false, false, random.nextInt(20) == 0,
                        small ? devices(random, deviceTemplates, locations, 1 + random.nextInt(3), now) : List.of(),
                        now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 14)))));
                made++;
            }
        }
        return new Seed(tenants, slack, cloudflare, lucid, people, now);
    }

    private static List<Device> devices(Random random, JsonArray templates, JsonArray locations, int count, Instant now) {
        List<Device> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject d = templates.get(random.nextInt(templates.size())).getAsJsonObject();
            JsonObject loc = locations.get(random.nextInt(locations.size())).getAsJsonObject();
            Instant created = now.minus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            Instant lastSeen = now.minus(Duration.ofMinutes(random.nextInt(240)));
            out.add(new Device(str(d, "hardware"), str(d, "os"), str(d, "osVersion"), str(d, "client"),
                    str(loc, "ipPrefix") + (10 + random.nextInt(240)), str(loc, "city"), str(loc, "state"),
                    str(loc, "countryOrRegion"), created, lastSeen.isBefore(created) ? created : lastSeen));
        }
        return List.copyOf(out);
    }

    private static String nextKey(int[] counter) {
        return String.format(Locale.ROOT, "p%05d", ++counter[0]);
    }

    private static String str(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static boolean bool(JsonObject o, String k) {
        JsonElement e = o.get(k);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }
}
