package io.signoff.provider.cipp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads CIPP's answers. CIPP reports most failures as TEXT ("Failed to … Error: <Graph error>"), sometimes with
 * HTTP 200, sometimes 500, and its framework answers with plain strings (403 "…not allowed…", 404 "Endpoint not
 * found", 503 "…disabled…"). So the status alone never decides: the sentences are read too.
 */
final class CippResponses {
    /** One sentence of a Results payload and whether CIPP meant it as a failure. */
    record Sentence(String text, boolean failed) { }

    private static final Pattern FAILURE_START = Pattern.compile(
            "^(failed|could not|couldn't|unable to|error|task failed|cannot|can't|an error occurred|exception)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern GRAPH_CODE = Pattern.compile(
            "\\b(Request_[A-Za-z]+|Authorization_[A-Za-z]+|Authentication_[A-Za-z]+|AADSTS\\d+|ErrorItemNotFound"
                    + "|TooManyRequests|accessDenied|itemNotFound|activityLimitReached)\\b");
    private static final int MAX_MESSAGE_CHARS = 400;

    private final String label;
    private final Redactor redactor;

    CippResponses(String label, Redactor redactor) {
        this.label = label;
        this.redactor = redactor;
    }

    /** True when CIPP wrote the sentence to say something did not happen. */
    /**
     * A 500 whose sentence says something retrying cannot change (no such user, no permission, invalid input, not
     * licensed): CIPP reports these with HTTP 500, and retrying them only makes every miss slow.
     */
    static boolean isDefinitiveFailure(HttpReply reply) {
        if (reply.status() != 500 || reply.looksLikeHtml()) return false;
        ErrorKind kind = classify(reply.body(), ErrorKind.TRANSIENT);
        return kind == ErrorKind.NOT_FOUND || kind == ErrorKind.PERMISSION_MISSING
                || kind == ErrorKind.INVALID_INPUT || kind == ErrorKind.UNSUPPORTED;
    }

    static boolean isFailureSentence(String text) {
        return text != null && FAILURE_START.matcher(text.strip()).matches();
    }

    /** The sentences of a {"Results": …} envelope, a bare string, or a bare array of either. */
    static List<Sentence> sentences(JsonElement root) {
        List<Sentence> out = new ArrayList<>();
        JsonElement results = root;
        if (root != null && root.isJsonObject()) {
            JsonElement r = member(root.getAsJsonObject(), "Results");
            if (r != null) results = r;
        }
        collect(results, out);
        return out;
    }

    private static void collect(JsonElement e, List<Sentence> out) {
        if (e == null || e.isJsonNull()) return;
        if (e.isJsonPrimitive()) {
            String text = e.getAsString().strip();
            if (!text.isEmpty()) out.add(new Sentence(text, isFailureSentence(text)));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out));
        } else {
            JsonObject o = e.getAsJsonObject();
            String state = string(o, "state");
            boolean stateFailed = state != null && (state.equalsIgnoreCase("error") || state.equalsIgnoreCase("failed"));
            for (String key : new String[] {"resultText", "Results", "message", "text"}) {
                JsonElement v = member(o, key);
                if (v != null && v.isJsonPrimitive()) {
                    String text = v.getAsString().strip();
                    out.add(new Sentence(text, stateFailed || isFailureSentence(text)));
                    return;
                }
                if (v != null && !v.isJsonNull() && key.equals("Results")) {
                    collect(v, out);
                    return;
                }
            }
            if (stateFailed) out.add(new Sentence("CIPP reported state '" + state + "' without a message", true));
        }
    }

    /**
     * Which kind of failure a CIPP/Graph sentence describes. Order matters: throttling and permissions first, because
     * their sentences often also say "could not".
     */
    static ErrorKind classify(String text, ErrorKind fallback) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (containsAny(t, "toomanyrequests", "too many requests", "throttl", "rate limit", "activitylimitreached")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (containsAny(t, "not allowed", "insufficient privileges", "authorization_requestdenied", "accessdenied",
                "access denied", "access is denied", "forbidden", "aadsts65001", "consent", "permission denied",
                "required permission", "missing permission", "does not have access")) {
            return ErrorKind.PERMISSION_MISSING;
        }
        if (containsAny(t, "does not exist", "not found", "resourcenotfound", "itemnotfound", "could not find",
                "couldn't be found", "no such user")) {
            return ErrorKind.NOT_FOUND;
        }
        if (containsAny(t, "nonpremiumtenant", "premium license", "requires premium")) {
            return ErrorKind.UNSUPPORTED;
        }
        if (containsAny(t, "invalid", "badrequest", "is required", "password complexity", "passwordpolicy",
                "does not comply", "malformed")) {
            return ErrorKind.INVALID_INPUT;
        }
        return fallback;
    }

    /** A Graph/Entra error code quoted in the text (for the audit trail), or null. */
    static String graphCode(String text) {
        if (text == null) return null;
        Matcher m = GRAPH_CODE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The exception for a 2xx answer whose Results hold at least one failure sentence. */
    ProviderException failedSentences(String endpoint, HttpReply reply, List<Sentence> sentences) {
        String text = sentences.stream().filter(Sentence::failed).map(Sentence::text).collect(Collectors.joining(" "));
        ErrorKind kind = classify(text, ErrorKind.TRANSIENT);
        return ProviderException.of(kind, message(endpoint, reply.status(), text))
                .httpStatus(reply.status()).providerCode(graphCode(text)).requestId(reply.requestId()).build();
    }

    /** The exception for any non-2xx answer (401 is handled before, with one token refresh). */
    ProviderException failure(String endpoint, HttpReply reply, boolean write) {
        int status = reply.status();
        boolean html = reply.looksLikeHtml();
        String text = html ? "an HTML page instead of JSON (a proxy, login or error page may be in the way)" : bodyText(reply);
        ErrorKind kind;
        String code = graphCode(text);
        if (status == 401) {
            kind = ErrorKind.CREDENTIALS_REJECTED;
            text = "the access token was rejected; check the tenant id, client id and secret of the CIPP API client";
        } else if (status == 429) {
            kind = ErrorKind.RATE_LIMITED;
        } else if (status == 400) {
            kind = ErrorKind.INVALID_INPUT;
        } else if (status == 403) {
            kind = html ? ErrorKind.PERMISSION_MISSING : classify(text, ErrorKind.PERMISSION_MISSING);
        } else if (status == 404) {
            boolean endpointMissing = html || text.toLowerCase(Locale.ROOT).contains("endpoint not found") || text.isBlank();
            kind = endpointMissing ? ErrorKind.INVALID_INPUT : classify(text, ErrorKind.NOT_FOUND);
            if (endpointMissing) {
                code = "endpoint_not_found";
                text = text + " (check the CIPP API URL, or whether this CIPP version has " + endpoint + ")";
            }
        } else if (status == 503 && text.toLowerCase(Locale.ROOT).contains("disabled")) {
            kind = ErrorKind.UNSUPPORTED;
            code = "feature_disabled";
        } else if (status >= 400 && status < 500) {
            kind = classify(text, ErrorKind.INVALID_INPUT);
        } else {
            kind = serverSideKind(text, status, html, write);
            if (html) code = "html_body";
        }
        return ProviderException.of(kind, message(endpoint, status, text))
                .httpStatus(status).providerCode(code).requestId(reply.requestId()).build();
    }

    /**
     * 5xx (and odd statuses): a "Failed to …" sentence is a definite failure; anything else on a write (exception text,
     * a gateway page) leaves it open whether the change happened. 503 is refused before CIPP runs.
     */
    private static ErrorKind serverSideKind(String text, int status, boolean html, boolean write) {
        if (!html && containsFailure(text)) return classify(text, ErrorKind.TRANSIENT);
        if (!html && classify(text, ErrorKind.TRANSIENT) == ErrorKind.RATE_LIMITED) return ErrorKind.RATE_LIMITED;
        return write && status != 503 ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
    }

    /**
     * A sentence in which CIPP says it did not do the thing ("Failed to …", "Could not …"). Exception text ("Exception
     * calling …", "Error: …") is not: it may have been thrown halfway through.
     */
    private static boolean containsFailure(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("failed") || t.startsWith("could not") || t.startsWith("couldn't") || t.startsWith("unable to")
                || t.contains("failed to ");
    }

    /** The human text of an error body: the Results sentences of JSON, or the plain string. */
    static String bodyText(HttpReply reply) {
        String body = reply.body().strip();
        if (body.startsWith("{") || body.startsWith("[") || body.startsWith("\"")) {
            try {
                JsonElement root = JsonParser.parseString(body);
                List<Sentence> s = sentences(root);
                if (!s.isEmpty()) return s.stream().map(Sentence::text).collect(Collectors.joining(" "));
                if (root.isJsonObject()) {
                    String msg = string(root.getAsJsonObject(), "error");
                    if (msg != null) return msg;
                }
            } catch (JsonParseException | IllegalStateException notJson) {
                return body;
            }
        }
        return body;
    }

    String message(String endpoint, int status, String text) {
        String detail = text == null || text.isBlank() ? "no explanation in the answer" : shorten(redactor.redact(text));
        return label + ": " + endpoint + " failed" + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail;
    }

    static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_MESSAGE_CHARS ? oneLine.substring(0, MAX_MESSAGE_CHARS) + "…" : oneLine;
    }

    private static boolean containsAny(String haystack, String... needles) {
        for (String n : needles) {
            if (haystack.contains(n)) return true;
        }
        return false;
    }

    /** A member by name, ignoring case: CIPP's PowerShell does not care about case, so neither can we. */
    static JsonElement member(JsonObject o, String name) {
        JsonElement exact = o.get(name);
        if (exact != null) return exact;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** A member as text (numbers and booleans too), or null when absent or JSON null. */
    static String string(JsonObject o, String name) {
        JsonElement e = member(o, name);
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }
}
