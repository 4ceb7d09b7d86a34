package io.signoff.provider.cloudflare;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a failed Cloudflare answer ({@code success:false}, {@code errors:[{code, message}]}, or a bare HTTP error from
 * the edge) into a {@link ProviderException} of the right kind.
 */
final class CloudflareErrors {
    /** Codes Cloudflare uses for a token it does not accept (invalid, expired, malformed header, legacy key errors). */
    static final Set<Integer> CREDENTIAL_CODES = Set.of(1000, 1001, 6003, 6100, 6101, 6102, 6103, 6111, 9103, 9106, 10000);
    /** "Authentication error": Cloudflare answers it both for a bad token and for a good token without the permission. */
    static final int AUTHENTICATION_ERROR = 10000;
    static final Set<Integer> PERMISSION_CODES = Set.of(9109);
    static final Set<Integer> NOT_FOUND_CODES = Set.of(7000, 7003);
    static final int RATE_LIMIT_CODE = 971;
    private static final Set<Integer> LEGACY_KEY_CODES = Set.of(9103, 9106);

    /** What a failing call was, for the kind on ambiguous failures and the permission named. */
    enum Call {
        READ("a read permission for Access users (e.g. \"Access: Organizations, Identity Providers, and Groups Read\"; "
                + "\"" + CloudflareProvider.WRITE_PERMISSION + "\" includes it)"),
        REVOKE("\"" + CloudflareProvider.WRITE_PERMISSION + "\" or the narrower \"" + CloudflareProvider.REVOKE_PERMISSION + "\"");

        private final String permission;

        Call(String permission) { this.permission = permission; }

        String permission() { return permission; }

        boolean write() { return this == REVOKE; }
    }

    record Problem(int code, String message) { }

    private CloudflareErrors() { }

    static ProviderException failure(HttpReply reply, JsonObject envelope, String label, Call call, Redactor redactor) {
        List<Problem> problems = problems(envelope);
        Problem first = problems.isEmpty() ? new Problem(0, "") : problems.get(0);
        int status = reply.status();
        String said = describe(problems, reply, redactor);
        ErrorKind kind;
        String message;
        if (status == 429 || first.code() == RATE_LIMIT_CODE) {
            kind = ErrorKind.RATE_LIMITED;
            message = label + " is rate limiting this token (" + said + ")";
        } else if (status == 401 || (CREDENTIAL_CODES.contains(first.code())
                && (first.code() != AUTHENTICATION_ERROR || status != 403))) {
            // 10000 with a 403 is left to the permission branch: the provider then asks the token to tell them apart.
            kind = ErrorKind.CREDENTIALS_REJECTED;
            message = label + " rejected the API token (" + said + ")"
                    + (LEGACY_KEY_CODES.contains(first.code()) ? ". " + CloudflareProvider.TOKEN_ONLY_NOTICE : "");
        } else if (status == 403 || PERMISSION_CODES.contains(first.code())) {
            kind = ErrorKind.PERMISSION_MISSING;
            message = label + " refused the call (" + said + "): the API token needs " + call.permission()
                    + " for this account";
        } else if (status == 404 || NOT_FOUND_CODES.contains(first.code())) {
            kind = ErrorKind.NOT_FOUND;
            message = label + ": not found (" + said + "); check the account id and that the user still exists";
        } else if (status >= 500 || status < 400) {
            // 5xx, or a 2xx/3xx that says success:false without a code we know: for a write, it may have happened.
            kind = call.write() ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
            message = label + " failed (" + said + ")" + (call.write() ? "; the revoke may have happened: verify before retrying" : "");
        } else {
            kind = ErrorKind.INVALID_INPUT;
            message = label + " refused the request as invalid (" + said + ")";
        }
        ProviderException.Builder b = ProviderException.of(kind, message).httpStatus(status).requestId(reply.requestId());
        if (first.code() != 0) b.providerCode(Integer.toString(first.code()));
        if (kind == ErrorKind.RATE_LIMITED) b.retryAfter(reply.retryAfter().orElse(null));
        return b.build();
    }

    /** True for the one answer that cannot tell a bad token from a missing permission. */
    static boolean ambiguousAuthentication(ProviderException e) {
        return e.httpStatus() == 403 && Integer.toString(AUTHENTICATION_ERROR).equals(e.providerCode());
    }

    static List<Problem> problems(JsonObject envelope) {
        List<Problem> out = new ArrayList<>();
        if (envelope == null) return out;
        JsonElement errors = envelope.get("errors");
        if (errors == null || !errors.isJsonArray()) return out;
        for (JsonElement e : (JsonArray) errors) {
            if (!e.isJsonObject()) continue;
            JsonObject o = e.getAsJsonObject();
            int code = 0;
            try {
                code = o.has("code") && !o.get("code").isJsonNull() ? o.get("code").getAsInt() : 0;
            } catch (RuntimeException notNumber) {
                code = 0;
            }
            String text = o.has("message") && o.get("message").isJsonPrimitive() ? o.get("message").getAsString() : "";
            out.add(new Problem(code, text));
        }
        return out;
    }

    private static String describe(List<Problem> problems, HttpReply reply, Redactor redactor) {
        StringBuilder b = new StringBuilder("HTTP ").append(reply.status());
        for (Problem p : problems) {
            b.append("; ").append(p.code()).append(' ').append(shorten(p.message()));
        }
        if (problems.isEmpty() && reply.looksLikeHtml()) b.append("; an HTML page instead of the API's JSON");
        return redactor.redact(b.toString());
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

}
