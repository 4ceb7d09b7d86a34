package io.signoff.simulator.cipp;

import io.signoff.model.ProviderKind;
import io.signoff.simulator.Seed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Microsoft 365 side of the simulated CIPP: tenants and their Entra users, built from the seed. Not thread-safe:
 * {@link CippSimulator} serialises access.
 */
final class CippSimDirectory {
    static final String BUSINESS_PREMIUM_SKU = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String[] APPS = {"Office 365 Exchange Online", "Microsoft Teams", "OfficeHome", "SharePoint Online"};
    private static final Pattern EQ = Pattern.compile("(?i)^(\\w+)\\s+eq\\s+'(.*)'$");
    private static final Pattern STARTS_WITH = Pattern.compile("(?i)^startswith\\(\\s*(\\w+)\\s*,\\s*'(.*)'\\s*\\)$");
    private static final Pattern ANY_PROXY = Pattern.compile("(?i)^proxyAddresses/any\\(\\s*(\\w+)\\s*:\\s*(\\w+)\\s+eq\\s+'(.*)'\\s*\\)$");

    /** One Entra user; mutable because the simulated API changes it. */
    static final class SimUser {
        final String id;
        final String tenant;
        final String upn;
        final String mail;
        final String displayName;
        final String givenName;
        final String surname;
        final String jobTitle;
        final List<String> proxyAddresses;
        final List<Map<String, Object>> signIns;
        final Instant lastSignIn;
        boolean accountEnabled;
        Instant sessionsValidFrom;
        List<String> licences;
        int mfaMethods = 2;
        boolean hiddenFromGal;
        String mailboxType = "UserMailbox";

        SimUser(String id, String tenant, Seed.Person p, Instant validFrom) {
            this.id = id;
            this.tenant = tenant;
            this.upn = p.email();
            this.mail = p.email();
            this.displayName = p.displayName();
            this.givenName = p.givenName();
            this.surname = p.familyName();
            this.jobTitle = p.title();
            List<String> proxies = new ArrayList<>();
            proxies.add("SMTP:" + p.email());
            p.aliases().forEach(a -> proxies.add("smtp:" + a));
            this.proxyAddresses = List.copyOf(proxies);
            this.accountEnabled = !p.disabled();
            this.sessionsValidFrom = validFrom;
            // A disabled seed account already lost its licence: no mailbox to convert, which makes a step fail.
            this.licences = p.disabled() ? List.of() : List.of("Microsoft 365 Business Premium");
            this.signIns = new ArrayList<>();
            this.lastSignIn = p.lastActivity();
        }
    }

    private final List<Seed.Tenant> tenants;
    private final Map<String, LinkedHashMap<String, SimUser>> usersByTenant = new LinkedHashMap<>();

    CippSimDirectory(Seed seed) {
        this.tenants = seed.tenants();
        Instant validFrom = seed.now().minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
        for (Seed.Tenant t : tenants) usersByTenant.put(key(t.defaultDomainName()), new LinkedHashMap<>());
        for (Seed.Person p : seed.peopleIn(ProviderKind.CIPP)) {
            LinkedHashMap<String, SimUser> users = p.tenantDomain() == null ? null : usersByTenant.get(key(p.tenantDomain()));
            if (users == null) continue;
            SimUser u = new SimUser(userIdFor(p.key()), p.tenantDomain(), p, validFrom);
            addSignIns(u, p);
            users.put(u.id, u);
        }
    }

    /** The stable Graph object id of a seed person: the same person key gives the same GUID in every run. */
    static String userIdFor(String personKey) {
        return UUID.nameUUIDFromBytes(("cipp-user:" + personKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    List<Seed.Tenant> tenants() { return tenants; }

    /** By defaultDomainName, customerId or a verified (mail) domain, as CIPP's tenantFilter accepts. */
    Optional<Seed.Tenant> tenant(String filter) {
        if (filter == null) return Optional.empty();
        return tenants.stream().filter(t -> t.defaultDomainName().equalsIgnoreCase(filter)
                || t.customerId().equalsIgnoreCase(filter) || t.mailDomain().equalsIgnoreCase(filter)).findFirst();
    }

    List<SimUser> users(Seed.Tenant tenant) {
        return List.copyOf(usersByTenant.get(key(tenant.defaultDomainName())).values());
    }

    /** By object id or UPN (case-insensitive), as Graph's /users/{id|upn} does. */
    Optional<SimUser> find(Seed.Tenant tenant, String idOrUpn) {
        if (idOrUpn == null) return Optional.empty();
        return users(tenant).stream().filter(u -> u.id.equalsIgnoreCase(idOrUpn) || u.upn.equalsIgnoreCase(idOrUpn)).findFirst();
    }

    void delete(SimUser user) {
        usersByTenant.get(key(user.tenant)).remove(user.id);
    }

    Map<String, Object> graphUser(SimUser u) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", u.id);
        g.put("userPrincipalName", u.upn);
        g.put("mail", u.mail);
        g.put("displayName", u.displayName);
        g.put("givenName", u.givenName);
        g.put("surname", u.surname);
        g.put("jobTitle", u.jobTitle);
        g.put("accountEnabled", u.accountEnabled);
        g.put("signInSessionsValidFromDateTime", u.sessionsValidFrom.toString());
        g.put("refreshTokensValidFromDateTime", u.sessionsValidFrom.toString());
        g.put("assignedLicenses", u.licences.isEmpty() ? List.of()
                : List.of(Map.of("skuId", BUSINESS_PREMIUM_SKU, "disabledPlans", List.of())));
        g.put("LicJoined", String.join(", ", u.licences));
        g.put("proxyAddresses", u.proxyAddresses);
        g.put("userType", "Member");
        g.put("onPremisesSyncEnabled", null);
        g.put("showInAddressList", !u.hiddenFromGal);
        if (u.lastSignIn != null) {
            g.put("signInActivity", Map.of("lastSignInDateTime", u.lastSignIn.truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        return g;
    }

    List<Map<String, Object>> signIns(SimUser u, int top) {
        return u.signIns.stream()
                .sorted(Comparator.comparing((Map<String, Object> s) -> (String) s.get("createdDateTime")).reversed())
                .limit(Math.max(0, top)).toList();
    }

    /**
     * The clauses Signoff (and CIPP's own pages) send in graphFilter, joined by "or": {@code field eq 'v'},
     * {@code startswith(field,'v')} and {@code proxyAddresses/any(p:p eq 'v')}, with '' as an escaped quote.
     *
     * @throws IllegalArgumentException for anything else, as Graph answers "Invalid filter clause"
     */
    static Predicate<SimUser> filter(String odata) {
        Predicate<SimUser> any = u -> false;
        for (String clause : splitOr(odata)) {
            any = any.or(clause(clause.strip()));
        }
        return any;
    }

    private static Predicate<SimUser> clause(String c) {
        Matcher m = ANY_PROXY.matcher(c);
        if (m.matches() && m.group(1).equals(m.group(2))) {
            String wanted = unquote(m.group(3));
            return u -> u.proxyAddresses.stream().anyMatch(p -> p.equalsIgnoreCase(wanted));
        }
        m = EQ.matcher(c);
        if (m.matches()) {
            String field = m.group(1);
            String wanted = unquote(m.group(2));
            checkField(field);
            return u -> wanted.equalsIgnoreCase(field(u, field));
        }
        m = STARTS_WITH.matcher(c);
        if (m.matches()) {
            String field = m.group(1);
            String prefix = unquote(m.group(2)).toLowerCase(Locale.ROOT);
            checkField(field);
            return u -> {
                String v = field(u, field);
                return v != null && v.toLowerCase(Locale.ROOT).startsWith(prefix);
            };
        }
        throw new IllegalArgumentException("Invalid filter clause: " + c);
    }

    private static void checkField(String field) {
        if (!List.of("id", "mail", "userprincipalname", "displayname", "givenname", "surname", "jobtitle")
                .contains(field.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid filter clause: unsupported property '" + field + "'");
        }
    }

    private static String field(SimUser u, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "id" -> u.id;
            case "mail" -> u.mail;
            case "userprincipalname" -> u.upn;
            case "displayname" -> u.displayName;
            case "givenname" -> u.givenName;
            case "surname" -> u.surname;
            case "jobtitle" -> u.jobTitle;
            default -> null;
        };
    }

    /** Splits on " or " outside quoted literals ('' inside a literal toggles twice, so it stays inside). */
    private static List<String> splitOr(String odata) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < odata.length(); i++) {
            char ch = odata.charAt(i);
            if (ch == '\'') quoted = !quoted;
            if (!quoted && odata.regionMatches(true, i, " or ", 0, 4)) {
                out.add(odata.substring(start, i));
                start = i + 4;
                i += 3;
            }
        }
        out.add(odata.substring(start));
        return out;
    }

    private static String unquote(String literal) {
        return literal.replace("''", "'");
    }

    private void addSignIns(SimUser u, Seed.Person p) {
        List<Seed.Device> devices = p.devices();
        for (int i = 0; i < devices.size(); i++) {
            Seed.Device d = devices.get(i);
            boolean browser = d.client() != null && d.client().toLowerCase(Locale.ROOT).contains("web");
            u.signIns.add(signIn(u, p.key() + ":" + i, d, d.lastSeen(), APPS[i % APPS.length], browser, 0));
        }
        if (devices.size() >= 3) {
            // One refused attempt among the history: it opened no session and must not be shown as one.
            Seed.Device d = devices.get(0);
            u.signIns.add(signIn(u, p.key() + ":failed", d, d.created(), "OfficeHome", true, 50126));
        }
    }

    private static Map<String, Object> signIn(SimUser u, String seedKey, Seed.Device d, Instant at, String app,
                                              boolean browser, int errorCode) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", UUID.nameUUIDFromBytes(("cipp-signin:" + seedKey).getBytes(StandardCharsets.UTF_8)).toString());
        s.put("createdDateTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
        s.put("userDisplayName", u.displayName);
        s.put("userPrincipalName", u.upn);
        s.put("userId", u.id);
        s.put("appDisplayName", app);
        s.put("ipAddress", d.ip());
        s.put("clientAppUsed", browser ? "Browser" : "Mobile Apps and Desktop clients");
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("deviceId", "");
        device.put("displayName", browser ? "" : d.hardware());
        device.put("operatingSystem", (d.os() + " " + d.osVersion()).strip());
        device.put("browser", browser ? "Chrome 131.0.0" : "Rich Client 16.0.18129");
        s.put("deviceDetail", device);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("city", d.city());
        location.put("state", d.state());
        location.put("countryOrRegion", d.country());
        s.put("location", location);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("errorCode", errorCode);
        status.put("failureReason", errorCode == 0 ? null : "Error validating credentials due to invalid username or password.");
        s.put("status", status);
        return s;
    }

    private static String key(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
