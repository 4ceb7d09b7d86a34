package io.signoff.offboarding;

import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import java.util.List;
import java.util.Map;

/**
 * The words the preview uses for "exactly what will be called": each provider's own endpoint names from the API
 * contracts. Text only: the behaviour comes from the Provider SPI, never from this table.
 */
final class CallDescriptions {
    private CallDescriptions() { }

    static String call(ProviderKind kind, StepAction action, String tenantId, DirectoryUser account,
                       RevokeOptions revoke, Map<String, Object> bundle, String reference) {
        String who = account.email().isBlank() ? account.id() : account.email();
        String endpoint = switch (kind) {
            case CIPP -> switch (action) {
                case DISABLE_SIGN_IN -> "POST ExecDisableUser {tenantFilter: " + tenantId + ", ID: " + who + ", Enable: false}";
                case REVOKE_SESSIONS -> "POST ExecRevokeSessions {tenantFilter: " + tenantId + ", ID: " + who + "}";
                case OFFBOARD_BUNDLE -> "POST ExecOffboardUser {tenantFilter: " + tenantId + ", user: " + who + ", "
                        + String.join(", ", BundleOptions.selectedActions(bundle))
                        + notified(BundleOptions.notifications(bundle))
                        + (reference == null || reference.isBlank() ? "" : ", reference: " + reference)
                        + "}, then ListScheduledItems until the job reports";
                default -> null;
            };
            case SLACK -> switch (action) {
                case REVOKE_SESSIONS -> "admin.users.session.reset {user_id: " + account.id() + scope(revoke) + "}";
                case DEACTIVATE -> "admin.users.deactivate {user_id: " + account.id() + "}";
                default -> null;
            };
            case CLOUDFLARE -> action == StepAction.REVOKE_SESSIONS
                    ? "POST /accounts/" + tenantId + "/access/organizations/revoke_user {email: " + who
                    + ", devices: " + (revoke != null && revoke.includeDevices())
                    + ", warp_session_reauth: " + (revoke != null && revoke.warpReauth()) + "}"
                    : null;
            case SCIM -> switch (action) {
                case DEACTIVATE -> "PATCH /Users/" + account.id() + " {active: false}";
                case HARD_DELETE -> "DELETE /Users/" + account.id();
                default -> null;
            };
        };
        return endpoint != null ? endpoint : action.title() + " of " + who + " through the " + kind.displayName() + " API";
    }

    private static String notified(List<String> channels) {
        return channels.isEmpty() ? "" : ", postExecution: " + String.join(" + ", channels);
    }

    private static String scope(RevokeOptions revoke) {
        if (revoke == null) return "";
        return switch (revoke.scope()) {
            case ALL -> "";
            case WEB_ONLY -> ", web_only: true";
            case MOBILE_ONLY -> ", mobile_only: true";
        };
    }

    /** The read that confirms the step, or "" when the provider offers none. */
    static String verification(StepAction action, boolean canListSessions) {
        return switch (action) {
            case DISABLE_SIGN_IN -> "Re-read the user: sign-in blocked";
            case REVOKE_SESSIONS -> canListSessions
                    ? "Re-read the sessions: none from before the revoke (Microsoft 365: sessions-valid-from moved)" : "";
            case DEACTIVATE -> "Re-read the user: deactivated";
            case HARD_DELETE -> "Read the user by id: gone";
            case OFFBOARD_BUNDLE -> "Poll the job until Completed or Failed; its results are read step by step";
            case MANUAL -> "";
        };
    }
}
