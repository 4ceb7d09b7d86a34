package io.signoff.controller;

import static io.signoff.controller.ConnectionField.ACCOUNT_ID;
import static io.signoff.controller.ConnectionField.BASE_URL;
import static io.signoff.controller.ConnectionField.CALL_TIMEOUT;
import static io.signoff.controller.ConnectionField.CA_BUNDLE;
import static io.signoff.controller.ConnectionField.CLIENT_ID;
import static io.signoff.controller.ConnectionField.CONNECT_TIMEOUT;
import static io.signoff.controller.ConnectionField.LABEL;
import static io.signoff.controller.ConnectionField.NAME;
import static io.signoff.controller.ConnectionField.PROXY_HOST;
import static io.signoff.controller.ConnectionField.PROXY_PASSWORD;
import static io.signoff.controller.ConnectionField.PROXY_PORT;
import static io.signoff.controller.ConnectionField.PROXY_TYPE;
import static io.signoff.controller.ConnectionField.PROXY_USER;
import static io.signoff.controller.ConnectionField.RATE_BUDGET;
import static io.signoff.controller.ConnectionField.READ_TIMEOUT;
import static io.signoff.controller.ConnectionField.SECRET;
import static io.signoff.controller.ConnectionField.TENANT_ID;
import static io.signoff.controller.ConnectionField.TOKEN_URL;

import io.signoff.model.Connection;
import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import io.signoff.model.RequestOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a draft field by field before anything is saved, and turns a valid draft into a {@link Connection}. */
public final class ConnectionValidator {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CLOUDFLARE_ACCOUNT = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
    /** Shorter values are no real credential, and too short for the redactor to mask by value. */
    static final int MIN_SECRET_LENGTH = 8;
    static final int MAX_NAME_LENGTH = 80;

    private ConnectionValidator() { }

    /**
     * Field errors of a draft; empty when it may be saved.
     *
     * @param secret         what the operator typed into the secret field (empty when nothing)
     * @param secretRequired true when adding, or when no secret is stored yet
     * @param otherNames     display names of the other connections (names must be unique)
     */
    public static Map<ConnectionField, String> validate(ConnectionDraft d, char[] secret, boolean secretRequired,
                                                        char[] proxyPassword, Collection<String> otherNames) {
        Map<ConnectionField, String> errors = new EnumMap<>(ConnectionField.class);
        String name = d.get(NAME).strip();
        if (name.isEmpty()) {
            errors.put(NAME, "Give the connection a name.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.put(NAME, "At most " + MAX_NAME_LENGTH + " characters.");
        } else if (otherNames.stream().anyMatch(n -> n.strip().equalsIgnoreCase(name))) {
            errors.put(NAME, "Another connection already has this name.");
        }
        putIfProblem(errors, BASE_URL, urlProblem(d.get(BASE_URL), true));
        switch (d.kind()) {
            case CIPP -> {
                putIfProblem(errors, TENANT_ID, guidProblem(d.get(TENANT_ID), "the Entra tenant id"));
                putIfProblem(errors, CLIENT_ID, guidProblem(d.get(CLIENT_ID), "the client id"));
                putIfProblem(errors, TOKEN_URL, urlProblem(d.get(TOKEN_URL), false));
            }
            case CLOUDFLARE -> {
                String account = d.get(ACCOUNT_ID).strip();
                if (account.isEmpty()) errors.put(ACCOUNT_ID, "Required: the account id from the dashboard URL.");
                else if (!CLOUDFLARE_ACCOUNT.matcher(account).matches()) {
                    errors.put(ACCOUNT_ID, "A Cloudflare account id is 32 hexadecimal characters (0-9, a-f).");
                }
            }
            case SCIM -> {
                if (d.get(LABEL).strip().length() > 40) errors.put(LABEL, "At most 40 characters.");
            }
            case SLACK -> { }
        }
        putIfProblem(errors, SECRET, secretProblem(d.kind(), secret, secretRequired));
        validateOptions(d, proxyPassword, errors);
        return errors;
    }

    private static void validateOptions(ConnectionDraft d, char[] proxyPassword, Map<ConnectionField, String> errors) {
        Long connect = seconds(d, CONNECT_TIMEOUT, 1, 120, errors);
        Long read = seconds(d, READ_TIMEOUT, 1, 900, errors);
        Long call = seconds(d, CALL_TIMEOUT, 1, 3600, errors);
        if (read != null && call != null && call < read) {
            errors.put(CALL_TIMEOUT, "Must be at least the read timeout (" + read + " s).");
        }
        if (connect != null && call != null && call < connect) {
            errors.put(CALL_TIMEOUT, "Must be at least the connect timeout (" + connect + " s).");
        }
        String type = d.get(PROXY_TYPE).isBlank() ? "NONE" : d.get(PROXY_TYPE).strip().toUpperCase(Locale.ROOT);
        if (!type.equals("NONE")) {
            if (!type.equals("HTTP") && !type.equals("SOCKS")) errors.put(PROXY_TYPE, "Choose none, HTTP or SOCKS.");
            String host = d.get(PROXY_HOST).strip();
            if (host.isEmpty()) errors.put(PROXY_HOST, "Required when a proxy is used.");
            else if (host.contains("://")) errors.put(PROXY_HOST, "Enter the host name only, without http://.");
            else if (!HOST.matcher(host).matches()) errors.put(PROXY_HOST, "Not a host name or IP address.");
            Long port = number(d, PROXY_PORT, 1, 65535, "a port from 1 to 65535", errors);
            if (port == null && d.get(PROXY_PORT).isBlank()) errors.put(PROXY_PORT, "Required when a proxy is used.");
            boolean hasUser = !d.get(PROXY_USER).isBlank();
            if (hasUser && type.equals("SOCKS")) {
                errors.put(PROXY_USER, "SOCKS proxies with a user name are not supported; use an HTTP proxy or no user.");
            }
            if (!hasUser && proxyPassword != null && proxyPassword.length > 0) {
                errors.put(PROXY_PASSWORD, "A proxy password needs a proxy user.");
            }
        }
        putIfProblem(errors, CA_BUNDLE, caBundleProblem(d.get(CA_BUNDLE).strip()));
        if (ConnectionKinds.hasRateBudget(d.kind())) number(d, RATE_BUDGET, 0, 100_000, "a whole number from 0 to 100000", errors);
    }

    /**
     * A saved connection from a draft that passed {@link #validate}. Options and settings the form does not show
     * come from {@code base} and {@code baseSettings} (an edit keeps what other parts of Signoff stored there).
     */
    public static Connection toConnection(String id, ConnectionDraft d, RequestOptions base, Map<String, String> baseSettings) {
        Map<String, String> settings = new LinkedHashMap<>(baseSettings);
        for (ConnectionField f : ConnectionKinds.mainFields(d.kind())) {
            if (f.settingKey() == null) continue;
            if (d.get(f).isBlank()) settings.remove(f.settingKey());
            else settings.put(f.settingKey(), d.canonical(f));
        }
        String type = d.get(PROXY_TYPE).strip().toUpperCase(Locale.ROOT);
        ProxySettings proxy = type.isEmpty() || type.equals("NONE") ? null : new ProxySettings(
                ProxySettings.Type.valueOf(type), d.get(PROXY_HOST).strip(), Integer.parseInt(d.get(PROXY_PORT).strip()),
                d.get(PROXY_USER).isBlank() ? null : d.get(PROXY_USER).strip());
        String ca = d.get(CA_BUNDLE).strip();
        int budget = ConnectionKinds.hasRateBudget(d.kind()) && !d.get(RATE_BUDGET).isBlank()
                ? Integer.parseInt(d.get(RATE_BUDGET).strip()) : 0;
        RequestOptions options = base
                .withTimeouts(Duration.ofSeconds(Long.parseLong(d.get(CONNECT_TIMEOUT).strip())),
                        Duration.ofSeconds(Long.parseLong(d.get(READ_TIMEOUT).strip())),
                        Duration.ofSeconds(Long.parseLong(d.get(CALL_TIMEOUT).strip())))
                .withProxy(proxy)
                .withTls(ca.isEmpty() ? null : Path.of(ca), d.skipTls())
                .withRateBudgetPerMinute(budget);
        return new Connection(id, d.kind(), d.canonical(NAME), d.canonical(BASE_URL), settings, options);
    }

    static String urlProblem(String raw, boolean required) {
        String value = raw.strip();
        if (value.isEmpty()) return required ? "Required." : null;
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "Not a valid URL (" + e.getReason() + ").";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) return "Must start with https://.";
        if (uri.getHost() == null || uri.getHost().isBlank()) return "The URL has no host name.";
        if (uri.getRawUserInfo() != null) return "Remove the user name and password from the URL: secrets go in the secret field.";
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) return "Remove the ?query or #fragment part.";
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "Use https://. Plain http would send the credentials unencrypted (allowed only for localhost).";
        }
        return null;
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
    }

    private static String guidProblem(String raw, String what) {
        String value = raw.strip();
        if (value.isEmpty()) return "Required: " + what + ".";
        return GUID.matcher(value).matches() ? null
                : "Must be a GUID like 00000000-0000-0000-0000-000000000000 (" + what + ").";
    }

    private static String secretProblem(ProviderKind kind, char[] secret, boolean required) {
        if (secret == null || secret.length == 0) {
            return required ? "Required: the " + ConnectionKinds.label(kind, SECRET).toLowerCase(Locale.ROOT) + "." : null;
        }
        for (char c : secret) {
            if (Character.isWhitespace(c)) return "Contains spaces or line breaks: paste only the "
                    + ConnectionKinds.label(kind, SECRET).toLowerCase(Locale.ROOT) + ".";
        }
        if (secret.length < MIN_SECRET_LENGTH) return "Too short to be a real credential.";
        if (kind == ProviderKind.SLACK && !(secret[0] == 'x' && secret[1] == 'o' && secret[2] == 'x')) {
            return "A Slack token starts with xox (an org-installed user token is xoxp-…).";
        }
        return null;
    }

    private static String caBundleProblem(String value) {
        if (value.isEmpty()) return null;
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return "Not a valid file path.";
        }
        if (!Files.isRegularFile(path)) return "No such file.";
        if (!Files.isReadable(path)) return "The file cannot be read.";
        try (InputStream in = Files.newInputStream(path)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                return "The file holds no certificate.";
            }
            return null;
        } catch (CertificateException | IOException e) {
            return "Not a PEM certificate bundle (" + e.getMessage() + ").";
        }
    }

    private static Long seconds(ConnectionDraft d, ConnectionField f, long min, long max, Map<ConnectionField, String> errors) {
        if (d.get(f).isBlank()) {
            errors.put(f, "Required: seconds from " + min + " to " + max + ".");
            return null;
        }
        return number(d, f, min, max, "seconds from " + min + " to " + max, errors);
    }

    private static Long number(ConnectionDraft d, ConnectionField f, long min, long max, String expected,
                               Map<ConnectionField, String> errors) {
        String value = d.get(f).strip();
        if (value.isEmpty()) return null;
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(f, "Expected " + expected + ".");
        return null;
    }

    private static void putIfProblem(Map<ConnectionField, String> errors, ConnectionField f, String problem) {
        if (problem != null) errors.put(f, problem);
    }
}
