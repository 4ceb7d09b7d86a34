package io.signoff.vault;

import java.util.Objects;

/**
 * Whether a vault can keep secrets right now, with a sentence the console can show as is.
 *
 * @param explanation what this means for the operator and what to do about it (never a secret)
 */
public record VaultStatus(State state, String explanation) {

    public enum State { AVAILABLE, UNAVAILABLE, LOCKED_OR_DENIED }

    /** Shown when no Secret Service answers on Linux; Windows and macOS always have a keychain. */
    public static final String NO_KEYCHAIN_EXPLANATION =
            "No OS keychain was found. On Linux, Signoff keeps secrets in the Secret Service: install and start "
            + "GNOME Keyring (package gnome-keyring) or KWallet, log in to a desktop session (or start "
            + "'gnome-keyring-daemon --unlock' inside a D-Bus session), then check again. Windows and macOS always "
            + "have a keychain. Until then a secret can be kept for this session only, in memory.";

    public static final String LOCKED_EXPLANATION =
            "The OS keychain is locked or refused access to Signoff. Unlock it (on Linux: open 'Passwords and Keys' "
            + "or log in again) and allow access, then try again. Until then a secret can be kept for this session only.";

    public VaultStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explanation, "explanation");
    }

    public static VaultStatus available(String explanation) {
        return new VaultStatus(State.AVAILABLE, explanation);
    }

    public static VaultStatus unavailable() {
        return new VaultStatus(State.UNAVAILABLE, NO_KEYCHAIN_EXPLANATION);
    }

    public static VaultStatus lockedOrDenied() {
        return new VaultStatus(State.LOCKED_OR_DENIED, LOCKED_EXPLANATION);
    }

    public boolean isAvailable() { return state == State.AVAILABLE; }
}
