package io.signoff.offboarding;

import io.signoff.provider.cipp.CippOffboardingOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of CIPP's ExecOffboardUser (the only provider-side offboarding job so far), in CIPP's run order, and
 * the rules between them. Offered wherever a connection declares {@link io.signoff.model.Capability#OFFBOARD_BUNDLE}.
 *
 * <p>The names are the CIPP client's constants ({@link CippOffboardingOptions}), CIPP's own spelling; the client
 * validates them again before sending.
 */
public final class BundleOptions {
    public static final String REVOKE_SESSIONS = CippOffboardingOptions.REVOKE_SESSIONS;
    public static final String RESET_PASS = CippOffboardingOptions.RESET_PASS;
    public static final String DISABLE_SIGN_IN = CippOffboardingOptions.DISABLE_SIGN_IN;
    public static final String HIDE_FROM_GAL = CippOffboardingOptions.HIDE_FROM_GAL;
    public static final String REMOVE_GROUPS = CippOffboardingOptions.REMOVE_GROUPS;
    public static final String REMOVE_RULES = CippOffboardingOptions.REMOVE_RULES;
    public static final String REMOVE_MOBILE = CippOffboardingOptions.REMOVE_MOBILE;
    public static final String REMOVE_CALENDAR_INVITES = CippOffboardingOptions.REMOVE_CALENDAR_INVITES;
    public static final String REMOVE_PERMISSIONS = CippOffboardingOptions.REMOVE_PERMISSIONS;
    public static final String REMOVE_CALENDAR_PERMISSIONS = CippOffboardingOptions.REMOVE_CALENDAR_PERMISSIONS;
    public static final String CONVERT_TO_SHARED = CippOffboardingOptions.CONVERT_TO_SHARED;
    public static final String REMOVE_MFA_DEVICES = CippOffboardingOptions.REMOVE_MFA_DEVICES;
    public static final String REMOVE_TEAMS_PHONE_DID = CippOffboardingOptions.REMOVE_TEAMS_PHONE_DID;
    public static final String REMOVE_LICENSES = CippOffboardingOptions.REMOVE_LICENSES;
    public static final String CLEAR_IMMUTABLE_ID = CippOffboardingOptions.CLEAR_IMMUTABLE_ID;
    public static final String DISABLE_ONEDRIVE_SHARING = CippOffboardingOptions.DISABLE_ONEDRIVE_SHARING;
    public static final String DELETE_USER = CippOffboardingOptions.DELETE_USER;
    public static final String DISABLE_FORWARDING = CippOffboardingOptions.DISABLE_FORWARDING;
    public static final String FORWARD = CippOffboardingOptions.FORWARD;
    public static final String KEEP_COPY = CippOffboardingOptions.KEEP_COPY;
    public static final String OOO = CippOffboardingOptions.OOO;
    public static final String ACCESS_NO_AUTOMAP = CippOffboardingOptions.ACCESS_NO_AUTOMAP;
    public static final String ACCESS_AUTOMAP = CippOffboardingOptions.ACCESS_AUTOMAP;
    public static final String ONEDRIVE_ACCESS = CippOffboardingOptions.ONEDRIVE_ACCESS;
    /** CIPP's notifications once the job has run: a list of some of {@link #NOTIFY_CHANNELS}. */
    public static final String POST_EXECUTION = CippOffboardingOptions.POST_EXECUTION;
    /** The channels CIPP can report a finished job through, set up in CIPP's own notification settings. */
    public static final List<String> NOTIFY_CHANNELS = CippOffboardingOptions.NOTIFY_CHANNELS;

    /** Every option the wizard offers, in CIPP's server-side run order (modifiers next to what they modify). */
    public static final List<BundleOption> ALL = List.of(
            flag(REVOKE_SESSIONS, "Revoke sessions", "Sign-in sessions and refresh tokens stop working"),
            flag(RESET_PASS, "Reset password", "A new random password; shown once, never stored"),
            flag(DISABLE_SIGN_IN, "Disable sign-in", "Blocks new sign-ins"),
            flag(HIDE_FROM_GAL, "Hide from address list", "Hides the mailbox from the global address list"),
            flag(REMOVE_GROUPS, "Remove from groups", "Removes every group membership"),
            flag(REMOVE_RULES, "Remove mailbox rules", "Deletes inbox rules (stops hidden forwarding)"),
            flag(REMOVE_MOBILE, "Remove mobile devices", "Removes synced mobile devices"),
            flag(REMOVE_CALENDAR_INVITES, "Cancel calendar invites", "Cancels meetings the person organises"),
            new BundleOption(OOO, "Out-of-office message", BundleOption.Type.TEXT, "Sets an automatic reply"),
            new BundleOption(FORWARD, "Forward mail to", BundleOption.Type.PERSON, "Forwards new mail to a colleague"),
            flag(KEEP_COPY, "Keep a copy when forwarding", "With forwarding: keep a copy in the mailbox"),
            flag(DISABLE_FORWARDING, "Disable forwarding", "Removes any forwarding the person set up"),
            new BundleOption(ONEDRIVE_ACCESS, "OneDrive access for", BundleOption.Type.PEOPLE, "Gives colleagues access to the OneDrive"),
            flag(DISABLE_ONEDRIVE_SHARING, "Disable OneDrive sharing", "Stops sharing links to the OneDrive"),
            new BundleOption(ACCESS_NO_AUTOMAP, "Mailbox access for (no automap)", BundleOption.Type.PEOPLE, "Full access, not added to their Outlook"),
            new BundleOption(ACCESS_AUTOMAP, "Mailbox access for (automap)", BundleOption.Type.PEOPLE, "Full access, added to their Outlook"),
            flag(REMOVE_PERMISSIONS, "Remove mailbox permissions", "Removes the person's access to other mailboxes"),
            flag(REMOVE_CALENDAR_PERMISSIONS, "Remove calendar permissions", "Removes the person's access to other calendars"),
            flag(CONVERT_TO_SHARED, "Convert to shared mailbox", "Keeps the mail without a licence"),
            flag(REMOVE_MFA_DEVICES, "Remove MFA methods", "Deletes registered authentication methods"),
            flag(REMOVE_TEAMS_PHONE_DID, "Remove Teams phone number", "Frees the direct-dial number"),
            flag(REMOVE_LICENSES, "Remove licences", "CIPP delays this 5 minutes after converting the mailbox"),
            flag(CLEAR_IMMUTABLE_ID, "Clear immutable id", "Breaks the link to an on-premises account"),
            flag(DELETE_USER, "Delete user", "Deletes the account; excludes every other action"),
            new BundleOption(POST_EXECUTION, "When the job has run, CIPP reports through", BundleOption.Type.CHANNELS,
                    "CIPP sends its results through the webhook, email or PSA set up in CIPP's notification settings"));

    /**
     * Options that change how others run; selecting only these asks for nothing. The notifications also go with
     * "Delete user": they report on the job, whatever it does.
     */
    public static final List<String> MODIFIERS = List.of(KEEP_COPY, POST_EXECUTION);

    private BundleOptions() { }

    private static BundleOption flag(String name, String label, String description) {
        return new BundleOption(name, label, BundleOption.Type.FLAG, description);
    }

    /** True when the option asks for something: a flag set to true, or a non-empty value. */
    public static boolean isSelected(Map<String, Object> options, String name) {
        Object value = options.get(name);
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof String s) return isFlag(name) ? Boolean.parseBoolean(s.strip()) : !s.isBlank();
        if (value instanceof Collection<?> c) return !c.isEmpty();
        if (value instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** The notification channels a value names (a list, CIPP's map or comma-separated text), in a fixed order. */
    public static List<String> channels(Object value) {
        return CippOffboardingOptions.notifyChannels(value);
    }

    /** The channels the job's options ask CIPP to report through; empty when none. */
    public static List<String> notifications(Map<String, Object> options) {
        return channels(options.get(POST_EXECUTION));
    }

    public static boolean isFlag(String name) {
        return ALL.stream().anyMatch(o -> o.name().equals(name) && o.type() == BundleOption.Type.FLAG);
    }

    public static boolean isKnown(String name) {
        return ALL.stream().anyMatch(o -> o.name().equals(name));
    }

    /** The selected actions (not modifiers), in run order. */
    public static List<String> selectedActions(Map<String, Object> options) {
        List<String> out = new ArrayList<>();
        for (BundleOption o : ALL) {
            if (!MODIFIERS.contains(o.name()) && isSelected(options, o.name())) out.add(o.name());
        }
        return out;
    }

    /**
     * Sets one option and applies CIPP's exclusion: choosing DeleteUser clears every other option (a deleted account
     * has no mailbox, rules or licences left, and the other actions would race the deletion); choosing anything while
     * DeleteUser is on turns DeleteUser off. The notifications ({@link #POST_EXECUTION}) stand apart from that rule.
     *
     * @param value Boolean for flags, String for TEXT, a String (object id / UPN) for PERSON, a List of Strings for PEOPLE,
     *              a list of channel names for CHANNELS; null, false or nothing chosen removes the option
     */
    public static Map<String, Object> with(Map<String, Object> options, String name, Object value) {
        if (!isKnown(name)) throw new IllegalArgumentException("Unknown offboarding job option '" + name + "'");
        Map<String, Object> out = new LinkedHashMap<>(options);
        if (POST_EXECUTION.equals(name)) {
            List<String> channels = channels(value);
            if (channels.isEmpty()) {
                out.remove(name); // no known channel: nothing to report through
            } else {
                out.put(name, channels);
            }
            return out;
        }
        boolean selecting = value != null && isSelected(Map.of(name, value), name);
        if (!selecting) {
            out.remove(name);
            return out;
        }
        if (DELETE_USER.equals(name)) {
            out.keySet().removeIf(other -> !POST_EXECUTION.equals(other));
        } else {
            out.remove(DELETE_USER);
        }
        out.put(name, value);
        return out;
    }

    /** Only the known, selected options (flags as true), in run order: what the job will be sent. */
    public static Map<String, Object> normalise(Map<String, Object> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options == null) return out;
        for (BundleOption o : ALL) {
            if (!isSelected(options, o.name())) continue;
            Object value = options.get(o.name());
            switch (o.type()) {
                case FLAG -> out.put(o.name(), Boolean.TRUE);
                case CHANNELS -> {
                    List<String> channels = channels(value);
                    if (!channels.isEmpty()) out.put(o.name(), channels);
                }
                default -> out.put(o.name(), value);
            }
        }
        return out;
    }

    /**
     * Options as a provider sent them (CIPP offboardingDefaults: names in any case, flags as booleans or "true"),
     * reduced to the known options with CIPP's spelling. Unknown names are dropped.
     */
    public static Map<String, Object> canonical(Map<String, Object> options) {
        Map<String, Object> named = new LinkedHashMap<>();
        if (options == null) return named;
        options.forEach((key, value) -> ALL.stream().filter(o -> o.name().equalsIgnoreCase(key)).findFirst()
                .ifPresent(o -> named.put(o.name(), value)));
        return normalise(named);
    }

    /** Actions selected next to DeleteUser (which CIPP does not allow); empty when there is no clash. */
    public static List<String> conflictsWithDeleteUser(Map<String, Object> options) {
        if (!isSelected(options, DELETE_USER)) return List.of();
        return selectedActions(options).stream().filter(n -> !n.equals(DELETE_USER)).toList();
    }

    public static String label(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).map(BundleOption::label).findFirst().orElse(name);
    }
}
