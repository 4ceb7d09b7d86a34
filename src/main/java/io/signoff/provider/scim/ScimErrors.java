package io.signoff.provider.scim;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.HttpReply;
import io.signoff.provider.http.Json;
import io.signoff.provider.http.Redactor;

/**
 * Maps a failed SCIM answer to a {@link ProviderException}. RFC 7644 errors look like
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"…"}};
 * real servers also send plain text, HTML pages from proxies, or JSON of their own.
 */
final class ScimErrors {
    /** What the failing call was: writes whose outcome is unclear become UNKNOWN_OUTCOME. */
    enum Call { READ, DEACTIVATE, DELETE;
        boolean write() { return this != READ; }
    }

    record ScimError(String scimType, String detail) { }

    private ScimErrors() { }

    static ProviderException failure(HttpReply reply, String label, Call call, Redactor redactor) {
        ScimError error = parse(reply);
        int status = reply.status();
        String said = redactor.redact("HTTP " + status + (error.scimType() == null ? "" : " " + error.scimType())
                + (error.detail() == null ? "" : ": " + shorten(error.detail()))
                + (error.detail() == null && reply.looksLikeHtml() ? ": an HTML page instead of SCIM JSON" : ""));
        ErrorKind kind;
        String message;
        switch (status) {
            case 401 -> {
                kind = ErrorKind.CREDENTIALS_REJECTED;
                message = label + " rejected the bearer token (" + said + "); generate a new one in the app's SCIM settings";
            }
            case 403 -> {
                kind = ErrorKind.PERMISSION_MISSING;
                message = label + " refused the call (" + said + "): the token lacks the right to manage users"
                        + " (Lucid: SCIM needs an Enterprise account and an admin-generated token)";
            }
            case 404 -> {
                kind = ErrorKind.NOT_FOUND;
                message = label + ": not found (" + said + ")";
            }
            case 409 -> {
                kind = ErrorKind.INVALID_INPUT;
                message = call == Call.DELETE
                        ? label + " refused to delete the user (" + said + "): the user owns the account (or holds a"
                                + " role that must be handed over first); transfer ownership, or deactivate instead"
                        : label + " refused the change as a conflict (" + said + ")";
            }
            case 429 -> {
                kind = ErrorKind.RATE_LIMITED;
                message = label + " is rate limiting us (" + said + ")";
            }
            case 405, 501 -> {
                kind = ErrorKind.UNSUPPORTED;
                message = label + " does not support this call (" + said + ")";
            }
            default -> {
                if (status >= 400 && status < 500) {
                    kind = ErrorKind.INVALID_INPUT;
                    message = label + " refused the request as invalid (" + said + ")";
                } else {
                    kind = call.write() ? ErrorKind.UNKNOWN_OUTCOME : ErrorKind.TRANSIENT;
                    message = label + " failed (" + said + ")" + (call.write() ? "; the change may have happened: verify before retrying" : "");
                }
            }
        }
        ProviderException.Builder b = ProviderException.of(kind, message).httpStatus(status).requestId(reply.requestId())
                .providerCode(error.scimType() != null ? error.scimType() : "HTTP " + status);
        if (kind == ErrorKind.RATE_LIMITED) b.retryAfter(reply.retryAfter().orElse(null));
        return b.build();
    }

    /** The RFC 7644 error fields, or empty ones when the body is something else. */
    static ScimError parse(HttpReply reply) {
        try {
            JsonElement parsed = Json.parse(reply, "SCIM", ErrorKind.TRANSIENT);
            if (parsed.isJsonObject()) {
                JsonObject o = parsed.getAsJsonObject();
                String detail = ScimMapper.text(o, "detail");
                if (detail == null) detail = ScimMapper.text(o, "message");
                return new ScimError(ScimMapper.text(o, "scimType"), detail);
            }
        } catch (ProviderException notJson) {
            String text = reply.body().strip();
            if (!text.isEmpty() && !reply.looksLikeHtml()) return new ScimError(null, text);
        }
        return new ScimError(null, null);
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

}
