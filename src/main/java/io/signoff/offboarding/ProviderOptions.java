package io.signoff.offboarding;

import io.signoff.model.RevokeOptions;
import java.util.Map;

/**
 * What to do on one connection. Only options the connection's capabilities allow are turned into steps; the rest are
 * ignored (and {@link PlanBuilder} warns about them).
 *
 * @param disableSignIn  block sign-in at the identity provider (DISABLE_SIGN_IN), done before any session is revoked
 * @param revokeSessions end every session (REVOKE_ALL_SESSIONS); when the provider has no API for it, a manual step
 * @param revoke         how far the revoke reaches: Slack scope all/web/mobile; Cloudflare devices + WARP re-auth
 * @param deactivate     deactivate the account (DEACTIVATE)
 * @param hardDelete     delete the account for good (HARD_DELETE): an explicit extra, never a default
 * @param manualLogout   add the provider's manual "log out user" step where it has no session API (Lucid)
 * @param bundle         the provider-side job's options in the provider's own names ({@link BundleOptions});
 *                       empty = no job
 */
public record ProviderOptions(
        boolean disableSignIn,
        boolean revokeSessions,
        RevokeOptions revoke,
        boolean deactivate,
        boolean hardDelete,
        boolean manualLogout,
        Map<String, Object> bundle) {

    public ProviderOptions {
        revoke = revoke == null ? RevokeOptions.all() : revoke;
        bundle = bundle == null ? Map.of() : Map.copyOf(BundleOptions.normalise(bundle));
    }

    /** Nothing selected. */
    public static ProviderOptions none() {
        return new ProviderOptions(false, false, RevokeOptions.all(), false, false, false, Map.of());
    }

    public ProviderOptions withDisableSignIn(boolean on) {
        return new ProviderOptions(on, revokeSessions, revoke, deactivate, hardDelete, manualLogout, bundle);
    }

    public ProviderOptions withRevokeSessions(boolean on, RevokeOptions how) {
        return new ProviderOptions(disableSignIn, on, how, deactivate, hardDelete, manualLogout, bundle);
    }

    public ProviderOptions withDeactivate(boolean on) {
        return new ProviderOptions(disableSignIn, revokeSessions, revoke, on, hardDelete, manualLogout, bundle);
    }

    public ProviderOptions withHardDelete(boolean on) {
        return new ProviderOptions(disableSignIn, revokeSessions, revoke, deactivate, on, manualLogout, bundle);
    }

    public ProviderOptions withManualLogout(boolean on) {
        return new ProviderOptions(disableSignIn, revokeSessions, revoke, deactivate, hardDelete, on, bundle);
    }

    /** Sets one job option with CIPP's DeleteUser exclusion applied (see {@link BundleOptions#with}). */
    public ProviderOptions withBundleOption(String name, Object value) {
        return new ProviderOptions(disableSignIn, revokeSessions, revoke, deactivate, hardDelete, manualLogout,
                BundleOptions.with(bundle, name, value));
    }

    public ProviderOptions withBundle(Map<String, Object> options) {
        return new ProviderOptions(disableSignIn, revokeSessions, revoke, deactivate, hardDelete, manualLogout, options);
    }

    /** True when the job would delete the user: every other action on this connection is then left out. */
    public boolean deletesUser() { return BundleOptions.isSelected(bundle, BundleOptions.DELETE_USER); }
}
