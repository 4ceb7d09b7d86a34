package io.signoff.offboarding;

import io.signoff.model.Capability;

/**
 * What one checklist step does. Every automatic action maps to the {@link Capability} that allows it: the plan builder
 * asks capabilities, never the provider kind.
 */
public enum StepAction {
    /** Block sign-in at the identity provider (Microsoft 365 via CIPP: ExecDisableUser). Always first. */
    DISABLE_SIGN_IN(Capability.DISABLE_SIGN_IN, "Block sign-in"),
    /** End every session of the account (Slack session.reset, Cloudflare revoke_user, CIPP ExecRevokeSessions). */
    REVOKE_SESSIONS(Capability.REVOKE_ALL_SESSIONS, "Revoke all sessions"),
    /** The provider-side offboarding job (CIPP ExecOffboardUser): queued, then polled until it reports. */
    OFFBOARD_BUNDLE(Capability.OFFBOARD_BUNDLE, "Offboarding job"),
    /** Deactivate the account (Slack admin.users.deactivate, SCIM active=false). */
    DEACTIVATE(Capability.DEACTIVATE, "Deactivate account"),
    /** Delete the account for good (SCIM DELETE). Only as an explicit extra. */
    HARD_DELETE(Capability.HARD_DELETE, "Delete account permanently"),
    /** Something no API does: the operator does it and attests it with a note. */
    MANUAL(null, "Manual step");

    private final Capability capability;
    private final String title;

    StepAction(Capability capability, String title) {
        this.capability = capability;
        this.title = title;
    }

    /** The capability a provider must declare for this action; null for {@link #MANUAL}. */
    public Capability capability() { return capability; }

    /** A short default title for the checklist. */
    public String title() { return title; }

    public boolean automatic() { return this != MANUAL; }

    /** Calls that change state: never repeated before a read shows they did not happen. */
    public boolean destructive() { return this != MANUAL; }
}
