package io.signoff.model;

/**
 * How far a revoke-all reaches. Providers use what applies to them and ignore the rest.
 *
 * @param scope           Slack: all, web only or mobile only
 * @param includeDevices  Cloudflare: also revoke the user's WARP devices
 * @param warpReauth      Cloudflare: force WARP re-authentication
 */
public record RevokeOptions(Scope scope, boolean includeDevices, boolean warpReauth) {
    public enum Scope { ALL, WEB_ONLY, MOBILE_ONLY }

    public RevokeOptions {
        scope = scope == null ? Scope.ALL : scope;
    }

    public static RevokeOptions all() { return new RevokeOptions(Scope.ALL, false, false); }
}
