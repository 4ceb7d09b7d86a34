package io.signoff.offboarding;

import io.signoff.model.DirectoryUser;
import io.signoff.model.ProviderKind;
import io.signoff.model.RevokeOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the checklist: exactly what will be called, on which connection, for which account.
 *
 * @param id             unique within the plan ("s01", "s02"…); runs, journal and audit rows refer to it
 * @param personEmail    the person this step belongs to
 * @param connectionId   the connection it calls; for a custom manual step not tied to a provider: ""
 * @param provider       the connection's kind, for display and pacing; null for a custom manual step
 * @param connectionName the connection's display name ("" for a custom manual step)
 * @param tenantId       the tenant (CIPP domain, Slack team, Cloudflare account, SCIM base); "" when none
 * @param account        the account acted on; null for a custom manual step
 * @param call           what will be called, in words an operator can check ("admin.users.session.reset user_id=W1…")
 * @param verification   the read that confirms the effect ("" when the provider offers none)
 * @param revokeOptions  REVOKE_SESSIONS: how far; null otherwise
 * @param bundleOptions  OFFBOARD_BUNDLE: the job's options in the provider's names; empty otherwise
 * @param instruction    MANUAL: what the operator must do; "" otherwise
 * @param dependsOn      ids of the steps that must be done (succeeded, verified, partly failed, attested or skipped)
 *                       before this one starts; steps with no dependency between them may run in parallel
 */
public record PlanStep(
        String id,
        String personEmail,
        StepAction action,
        String title,
        String connectionId,
        ProviderKind provider,
        String connectionName,
        String tenantId,
        DirectoryUser account,
        String call,
        String verification,
        RevokeOptions revokeOptions,
        Map<String, Object> bundleOptions,
        String instruction,
        List<String> dependsOn) {

    public PlanStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personEmail, "personEmail");
        Objects.requireNonNull(action, "action");
        title = title == null ? action.title() : title;
        connectionId = connectionId == null ? "" : connectionId;
        connectionName = connectionName == null ? "" : connectionName;
        tenantId = tenantId == null ? "" : tenantId;
        call = call == null ? "" : call;
        verification = verification == null ? "" : verification;
        bundleOptions = bundleOptions == null ? Map.of() : Map.copyOf(bundleOptions);
        instruction = instruction == null ? "" : instruction;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        if (action.automatic() && account == null) {
            throw new IllegalArgumentException("an automatic step needs the account it acts on");
        }
    }

    public boolean automatic() { return action.automatic(); }

    public boolean manual() { return !action.automatic(); }

    /** The account's address (or the person's for a custom step), for display. */
    public String accountLabel() {
        return account == null ? personEmail : account.email().isBlank() ? account.id() : account.email();
    }
}
