package io.signoff.provider.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from any text that may reach a log line, an exception message or the audit trail.
 * Two layers: patterns for the shapes secrets take (bearer tokens, Slack xox tokens, secret-named fields), and the
 * exact values of secrets this process has handled (registered by the clients that used them).
 */
public final class Redactor {
    public static final String MASK = "***";

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern SLACK_TOKEN = Pattern.compile("xox[a-z]-[A-Za-z0-9-]+");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"?(?:client_secret|access_token|refresh_token|password|token|secret|copyField|api[_-]?key)\"?\\s*[:=]\\s*\"?)([^\"&\\s,}]+)");
    private static final int MIN_SECRET_LENGTH = 4;

    private final Set<String> knownSecrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret value so that it is masked wherever it appears later. */
    public void register(char[] secret) {
        if (secret != null && secret.length >= MIN_SECRET_LENGTH) {
            knownSecrets.add(new String(secret));
        }
    }

    public void register(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            knownSecrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : knownSecrets) {
            out = out.replace(secret, MASK);
        }
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = SLACK_TOKEN.matcher(out).replaceAll(MASK);
        Matcher m = SECRET_FIELD.matcher(out);
        out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        return out;
    }
}
