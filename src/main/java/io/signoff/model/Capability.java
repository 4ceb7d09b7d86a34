package io.signoff.model;

/** What a provider can do through its API. A capability not declared is not offered anywhere in the UI. */
public enum Capability {
    LIST_TENANTS,
    FIND_USER,
    LIST_SESSIONS,
    REVOKE_ONE_SESSION,
    REVOKE_ALL_SESSIONS,
    DISABLE_SIGN_IN,
    RESET_PASSWORD,
    RESET_MFA,
    DEACTIVATE,
    HARD_DELETE,
    /** A provider-side offboarding job (CIPP ExecOffboardUser) that runs many steps and reports them later. */
    OFFBOARD_BUNDLE
}
