package io.signoff.model;

/**
 * The provider's answer to a write that it accepted.
 *
 * @param message   the provider's own words (CIPP Results sentence, Slack warning…), never a secret
 * @param requestId the provider's request/trace id when it sends one, for the audit trail
 * @param pending   true when the provider only queued the work (Slack resetBulk, CIPP jobs): verify before calling it done
 */
public record ActionResult(String message, String requestId, boolean pending) {
    public static ActionResult done(String message, String requestId) {
        return new ActionResult(message, requestId, false);
    }

    public static ActionResult queued(String message, String requestId) {
        return new ActionResult(message, requestId, true);
    }
}
