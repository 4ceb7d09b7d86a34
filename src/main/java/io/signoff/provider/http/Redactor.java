package io.signoff.provider.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from any text that may reach a log line, an exception message or the audit trail.
 * Two layers: patterns for the shapes secrets take (Authorization values, bearer tokens, Slack xox tokens, JWTs,
 * secret-named JSON/form/header fields), and the exact values of secrets this process has handled (registered by the
 * clients that used them), so a secret of an unknown shape is masked too.
 */
public final class Redactor {
    public static final String MASK = "***";

    /** {@code Authorization: Bearer x}, {@code "Proxy-Authorization":"Basic x"}, {@code X-Auth-Key: x}: mask the whole value. */
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)(\"?\\b(?:proxy-)?authorization\"?\\s*[:=]\\s*)"
                    + "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(?:(?:bearer|basic|token|digest|sso-key)\\s+)?[^\"\\s,;&}]+)");
    /** A bearer token outside a header (Basic is only masked as a header value: "basic authentication" is prose). */
    private static final Pattern SCHEME_TOKEN = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{4,}");
    private static final Pattern SLACK_TOKEN = Pattern.compile("\\bxox[a-z]-[A-Za-z0-9-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    /** A secret-named field: a quoted JSON value up to its closing quote, or a bare form/header value. */
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"?\\b(?:client_secret|client_assertion|access_token|refresh_token|id_token|password|passwd|token|secret"
                    + "|copyField|api[_-]?key|x-auth-key|x-api-key)\"?\\s*[:=]\\s*)"
                    + "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|[^\"&\\s,;}]+)");
    private static final int MIN_SECRET_LENGTH = 4;

    private final Set<String> knownSecrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret value so that it is masked wherever it appears later, also URL-encoded. */
    public void register(char[] secret) {
        if (secret != null) register(new String(secret));
    }

    public void register(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) return;
        knownSecrets.add(secret);
        // A secret sent in a form body or query string appears percent-encoded in echoes and URLs.
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) knownSecrets.add(encoded);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : knownSecrets) {
            out = out.replace(secret, MASK);
        }
        return redactShapes(out);
    }

    /**
     * Masks what looks like a secret, without knowing any secret value. Stateless, so logging infrastructure that has
     * no Redactor instance (see {@link RedactingMessageConverter}) can apply it to every line.
     */
    public static String redactShapes(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = replaceKeepingPrefix(AUTH_HEADER, text);
        out = replaceKeepingPrefix(SCHEME_TOKEN, out);
        out = SLACK_TOKEN.matcher(out).replaceAll(MASK);
        out = JWT.matcher(out).replaceAll(MASK);
        return replaceKeepingPrefix(SECRET_FIELD, out);
    }

    /** Keeps group 1 (the name); masks the value, keeping its quotes when group 2 (a quoted value) matched. */
    private static String replaceKeepingPrefix(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)
                + (r.groupCount() >= 2 && r.group(2) != null ? "\"" + MASK + "\"" : MASK)));
    }
}
