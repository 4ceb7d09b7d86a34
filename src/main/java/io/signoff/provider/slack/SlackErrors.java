package io.signoff.provider.slack;

import static io.signoff.model.ErrorKind.CREDENTIALS_REJECTED;
import static io.signoff.model.ErrorKind.INVALID_INPUT;
import static io.signoff.model.ErrorKind.NOT_FOUND;
import static io.signoff.model.ErrorKind.PERMISSION_MISSING;
import static io.signoff.model.ErrorKind.RATE_LIMITED;
import static io.signoff.model.ErrorKind.TRANSIENT;
import static io.signoff.model.ErrorKind.UNKNOWN_OUTCOME;
import static io.signoff.model.ErrorKind.UNSUPPORTED;

import com.google.gson.JsonObject;
import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.HttpReply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Slack's {@code "error"} codes (slack.md's common list plus the method tables) and what each means for Signoff.
 *
 * <p>Choices worth knowing:
 * <ul>
 * <li>Refusals about the TARGET (primary owner, bot) are INVALID_INPUT, not PERMISSION_MISSING: no scope or role
 *     the app can be granted lifts them (only the primary owner's own token can act on the primary owner, and bots
 *     have no sign-in sessions), so "grant the scope and retry" would send the operator the wrong way. The message
 *     carries Slack's reason.</li>
 * <li>{@code fatal_error}/{@code internal_error} and the {@code *_failed} codes on writes are UNKNOWN_OUTCOME: Slack
 *     says part of it may have happened, so the caller reads back before any retry.</li>
 * <li>{@code session_expired} is NOT_FOUND: the session is already gone, which is what a revoke wanted.</li>
 * </ul>
 */
final class SlackErrors {

    private record Meaning(ErrorKind kind, String text) { }

    private static final Map<String, Meaning> CODES = Map.ofEntries(
            // Authentication: the token itself is no good.
            Map.entry("not_authed", m(CREDENTIALS_REJECTED, "no token was sent")),
            Map.entry("invalid_auth", m(CREDENTIALS_REJECTED,
                    "the token is invalid, or the request came from an IP address the token may not be used from")),
            Map.entry("account_inactive", m(CREDENTIALS_REJECTED, "the token belongs to a deactivated user or a deleted workspace")),
            Map.entry("token_revoked", m(CREDENTIALS_REJECTED, "the token was revoked, or its user, workspace or app was removed")),
            Map.entry("token_expired", m(CREDENTIALS_REJECTED, "the token has expired")),
            Map.entry("two_factor_setup_required", m(CREDENTIALS_REJECTED,
                    "the account behind the token must set up two-factor authentication first")),
            // Authorisation: the token works but may not do this.
            Map.entry("no_permission", m(PERMISSION_MISSING, "the token lacks the permission for this call")),
            Map.entry("missing_scope", m(PERMISSION_MISSING, "the token lacks a scope")),
            Map.entry("not_allowed_token_type", m(PERMISSION_MISSING,
                    "this kind of token may not call the method: use an org-installed user token of an Org Admin or Owner")),
            Map.entry("not_an_admin", m(PERMISSION_MISSING, "the method must be called by an Org Owner or Admin")),
            Map.entry("admin_unauthorized", m(PERMISSION_MISSING, "the token's admin may not act on this user or session")),
            Map.entry("ekm_access_denied", m(PERMISSION_MISSING, "administrators have suspended this action (Enterprise Key Management)")),
            Map.entry("accesslimited", m(PERMISSION_MISSING, "access to this method is limited on the current network")),
            Map.entry("enterprise_is_restricted", m(PERMISSION_MISSING, "the method cannot be called from this Enterprise")),
            Map.entry("is_bot", m(PERMISSION_MISSING, "a bot token cannot call this method")),
            Map.entry("restricted_action", m(PERMISSION_MISSING, "an org policy forbids this action")),
            Map.entry("session_reset_not_allowed", m(PERMISSION_MISSING, "session resets are not allowed for this org or user")),
            // Pace and availability.
            Map.entry("ratelimited", m(RATE_LIMITED, "Slack is rate limiting this method")),
            Map.entry("request_timeout", m(TRANSIENT, "the POST data was missing or truncated on the way")),
            Map.entry("service_unavailable", m(TRANSIENT, "the service is temporarily unavailable")),
            Map.entry("team_added_to_org", m(TRANSIENT, "the workspace is being migrated into the Enterprise org")),
            Map.entry("org_login_required", m(TRANSIENT, "the workspace is undergoing an enterprise migration")),
            // Writes Slack could not finish: part of it may have happened.
            Map.entry("session_invalidation_failed", m(UNKNOWN_OUTCOME, "Slack failed while invalidating the session")),
            Map.entry("user_session_reset_failed", m(UNKNOWN_OUTCOME, "Slack failed while resetting the sessions")),
            Map.entry("deactivation_failed", m(UNKNOWN_OUTCOME, "Slack failed while deactivating the user")),
            Map.entry("failed_for_some_users", m(UNKNOWN_OUTCOME, "the reset failed for some of the users")),
            Map.entry("failed_to_remove_user_from_workspace", m(UNKNOWN_OUTCOME, "Slack failed while removing the user")),
            // Not there.
            Map.entry("user_not_found", m(NOT_FOUND, "the user was not found")),
            Map.entry("users_not_found", m(NOT_FOUND, "no user has that email address")),
            Map.entry("session_not_found", m(NOT_FOUND, "the session was not found")),
            Map.entry("session_expired", m(NOT_FOUND, "the session has already expired")),
            Map.entry("team_not_found", m(NOT_FOUND, "the workspace was not found")),
            Map.entry("no_active_sessions", m(NOT_FOUND, "there are no active sessions")),
            Map.entry("user_already_deleted", m(NOT_FOUND, "the user was already removed")),
            // The request itself is wrong, or the target may not be touched.
            Map.entry("invalid_arguments", m(INVALID_INPUT, "the arguments are invalid")),
            Map.entry("invalid_arg_name", m(INVALID_INPUT, "an argument name is invalid")),
            Map.entry("invalid_array_arg", m(INVALID_INPUT, "an array was passed where a string was expected")),
            Map.entry("invalid_charset", m(INVALID_INPUT, "the request charset is invalid")),
            Map.entry("invalid_form_data", m(INVALID_INPUT, "the form data is missing or malformed")),
            Map.entry("invalid_json", m(INVALID_INPUT, "the JSON body is malformed")),
            Map.entry("invalid_post_type", m(INVALID_INPUT, "the POST content type is not accepted")),
            Map.entry("missing_post_type", m(INVALID_INPUT, "the POST content type is missing")),
            Map.entry("missing_team", m(INVALID_INPUT, "a team_id is required with the user_id")),
            Map.entry("missing_user", m(INVALID_INPUT, "a user_id is required with the team_id")),
            Map.entry("invalid_cursor", m(INVALID_INPUT, "the paging cursor is invalid")),
            Map.entry("cannot_invalidate_primary_owner", m(INVALID_INPUT,
                    "only the org's primary owner can invalidate the primary owner's sessions")),
            Map.entry("cannot_reset_primary_owner", m(INVALID_INPUT,
                    "only the org's primary owner can reset the primary owner's sessions")),
            Map.entry("cannot_modify_primary_owner", m(INVALID_INPUT, "the org's primary owner cannot be changed this way")),
            Map.entry("cannot_reset_bot", m(INVALID_INPUT, "bot users have no sign-in sessions to reset")),
            Map.entry("bots_not_allowed", m(INVALID_INPUT, "bot users have no sign-in sessions to list")),
            // No such API here.
            Map.entry("unknown_method", m(UNSUPPORTED, "the method is not available")),
            Map.entry("method_deprecated", m(UNSUPPORTED, "the method has been deprecated")),
            Map.entry("deprecated_endpoint", m(UNSUPPORTED, "the endpoint has been deprecated")),
            Map.entry("feature_not_enabled", m(UNSUPPORTED, "the feature is not enabled for this org or token")));

    /** Codes whose kind depends on whether the call was a write. */
    private static final Set<String> MAYBE_HAPPENED = Set.of("fatal_error", "internal_error");

    private SlackErrors() { }

    private static Meaning m(ErrorKind kind, String text) { return new Meaning(kind, text); }

    /** The kind for a code; unknown codes are TRANSIENT on reads and UNKNOWN_OUTCOME on writes. */
    static ErrorKind kindOf(String code, boolean write) {
        if (MAYBE_HAPPENED.contains(code)) return write ? UNKNOWN_OUTCOME : TRANSIENT;
        Meaning meaning = CODES.get(code);
        if (meaning != null) return meaning.kind();
        return write ? UNKNOWN_OUTCOME : TRANSIENT;
    }

    static Set<String> knownCodes() {
        java.util.Set<String> all = new java.util.TreeSet<>(CODES.keySet());
        all.addAll(MAYBE_HAPPENED);
        return all;
    }

    static ProviderException toException(String label, String method, String code, JsonObject body, HttpReply reply,
                                         boolean write) {
        ErrorKind kind = kindOf(code, write);
        StringBuilder message = new StringBuilder(label).append(": ").append(method).append(" failed with ").append(code)
                .append(" (").append(explain(code, body, write)).append(')');
        ProviderException.Builder b = ProviderException.of(kind, message.toString())
                .providerCode(code).httpStatus(reply.status()).requestId(reply.requestId());
        if (kind == RATE_LIMITED) {
            b.retryAfter(retryAfter(reply));
        }
        return b.build();
    }

    private static String explain(String code, JsonObject body, boolean write) {
        if (code.equals("missing_scope")) {
            String needed = SlackMapping.text(body, "needed");
            String provided = SlackMapping.text(body, "provided");
            return "the token lacks the scope " + (needed == null ? "this method needs" : needed)
                    + (provided == null ? "" : "; it has: " + provided)
                    + ". Add the scope to the Slack app, reinstall it on the org and store the new token";
        }
        if (MAYBE_HAPPENED.contains(code)) {
            return write ? "Slack failed part-way: the change may have happened, verify before retrying"
                    : "Slack failed on its side; retry in a moment";
        }
        Meaning meaning = CODES.get(code);
        return meaning == null ? "an error Signoff does not know" : meaning.text();
    }

    private static Duration retryAfter(HttpReply reply) {
        String value = reply.header("Retry-After");
        if (value == null) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
