package io.signoff.offboarding;

import java.util.Objects;

/**
 * A warning the preview shows before anything runs.
 *
 * @param personEmail  the person concerned ("" when it concerns the whole plan)
 * @param connectionId the connection concerned ("" when none)
 * @param stepId       the step concerned ("" when none)
 */
public record Guardrail(Severity severity, Kind kind, String personEmail, String connectionId, String stepId, String message) {

    /** INFO: worth knowing. WARNING: the operator should look twice. BLOCKER: the plan cannot run as it is. */
    public enum Severity { INFO, WARNING, BLOCKER }

    public enum Kind {
        /** The target is an admin, owner or primary owner somewhere. */
        PRIVILEGED_TARGET,
        /** Sessions are revoked while sign-in stays enabled at the identity provider: the person can sign back in. */
        SIGN_IN_STAYS_ENABLED,
        /** Licences removed without converting the mailbox (mail is lost), or a conversion/licence ordering risk. */
        LICENCES_WITHOUT_MAILBOX_CONVERSION,
        /** A connection could not be asked: the person may have an account there that stays open. */
        PROVIDER_UNREACHABLE,
        /** The person has no account on a connection. */
        ACCOUNT_NOT_FOUND,
        /** DeleteUser chosen (irreversible), or chosen with other options that it excludes. */
        DELETE_USER,
        /** A permanent delete chosen (SCIM DELETE). */
        HARD_DELETE,
        /** An option was chosen that the connection cannot do; it is left out of the plan. */
        OPTION_NOT_SUPPORTED,
        /** The provider has no API for a step: a person must do it by hand and attest it. */
        MANUAL_ONLY,
        /** Nothing would be done for a person. */
        NOTHING_TO_DO
    }

    public Guardrail {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        personEmail = personEmail == null ? "" : personEmail;
        connectionId = connectionId == null ? "" : connectionId;
        stepId = stepId == null ? "" : stepId;
    }
}
