package io.signoff.provider.cipp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.model.ErrorKind;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.ProviderException;
import io.signoff.provider.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The option names of CIPP's ExecOffboardUser, spelled exactly as CIPP reads them (case matters to the wizard, not to
 * CIPP, but the audit trail should show CIPP's own words), plus the rules that hold between them.
 */
public final class CippOffboardingOptions {
    public static final String REVOKE_SESSIONS = "RevokeSessions";
    public static final String RESET_PASS = "ResetPass";
    public static final String DISABLE_SIGN_IN = "DisableSignIn";
    public static final String HIDE_FROM_GAL = "HideFromGAL";
    public static final String REMOVE_GROUPS = "RemoveGroups";
    public static final String REMOVE_RULES = "RemoveRules";
    public static final String REMOVE_MOBILE = "RemoveMobile";
    public static final String REMOVE_CALENDAR_INVITES = "removeCalendarInvites";
    public static final String REMOVE_PERMISSIONS = "removePermissions";
    public static final String REMOVE_CALENDAR_PERMISSIONS = "removeCalendarPermissions";
    public static final String CONVERT_TO_SHARED = "ConvertToShared";
    public static final String REMOVE_MFA_DEVICES = "RemoveMFADevices";
    public static final String REMOVE_TEAMS_PHONE_DID = "RemoveTeamsPhoneDID";
    public static final String REMOVE_LICENSES = "RemoveLicenses";
    public static final String CLEAR_IMMUTABLE_ID = "ClearImmutableId";
    public static final String DISABLE_ONEDRIVE_SHARING = "DisableOneDriveSharing";
    public static final String DELETE_USER = "DeleteUser";
    public static final String DISABLE_FORWARDING = "disableForwarding";
    /** Forward mail to this user: an object id (or a {label, value} map as CIPP's wizard sends it). */
    public static final String FORWARD = "forward";
    /** With {@link #FORWARD}: keep a copy in the mailbox. A modifier, not an action. */
    public static final String KEEP_COPY = "KeepCopy";
    /** Out-of-office text (HTML). */
    public static final String OOO = "OOO";
    public static final String ACCESS_NO_AUTOMAP = "AccessNoAutomap";
    public static final String ACCESS_AUTOMAP = "AccessAutomap";
    public static final String ONEDRIVE_ACCESS = "OnedriveAccess";
    /**
     * CIPP's notifications after the job, sent as {"webhook": bool, "email": bool, "psa": bool}; given as a list of
     * {@link #NOTIFY_CHANNELS} (or that map). A modifier.
     */
    public static final String POST_EXECUTION = "postExecution";
    /** postExecution's channels, as the body spells them. */
    public static final List<String> NOTIFY_CHANNELS = List.of("webhook", "email", "psa");

    /** Yes/no actions. */
    public static final List<String> FLAG_ACTIONS = List.of(
            REVOKE_SESSIONS, RESET_PASS, DISABLE_SIGN_IN, HIDE_FROM_GAL, REMOVE_GROUPS, REMOVE_RULES, REMOVE_MOBILE,
            REMOVE_CALENDAR_INVITES, DISABLE_FORWARDING, DISABLE_ONEDRIVE_SHARING, REMOVE_PERMISSIONS,
            REMOVE_CALENDAR_PERMISSIONS, CONVERT_TO_SHARED, REMOVE_MFA_DEVICES, REMOVE_TEAMS_PHONE_DID, REMOVE_LICENSES,
            CLEAR_IMMUTABLE_ID, DELETE_USER);

    /** Actions that carry a value (a target, a text, a list of people) rather than a yes/no. */
    public static final List<String> VALUE_ACTIONS = List.of(OOO, FORWARD, ONEDRIVE_ACCESS, ACCESS_NO_AUTOMAP, ACCESS_AUTOMAP);

    /** Every action, in the order CIPP runs them (licences are pushed 5 minutes later by CIPP itself). */
    public static final List<String> RUN_ORDER = List.of(
            REVOKE_SESSIONS, RESET_PASS, DISABLE_SIGN_IN, HIDE_FROM_GAL, REMOVE_GROUPS, REMOVE_RULES, REMOVE_MOBILE,
            REMOVE_CALENDAR_INVITES, OOO, FORWARD, DISABLE_FORWARDING, ONEDRIVE_ACCESS, DISABLE_ONEDRIVE_SHARING,
            ACCESS_NO_AUTOMAP, ACCESS_AUTOMAP, REMOVE_PERMISSIONS, REMOVE_CALENDAR_PERMISSIONS, CONVERT_TO_SHARED,
            REMOVE_MFA_DEVICES, REMOVE_TEAMS_PHONE_DID, REMOVE_LICENSES, CLEAR_IMMUTABLE_ID, DELETE_USER);

    /** Options that change how actions run but are not actions themselves. */
    public static final Set<String> MODIFIERS = Set.of(KEEP_COPY, POST_EXECUTION);

    /** Every option name a {@link io.signoff.provider.BundleRequest} may carry for CIPP. */
    public static final Set<String> ALL = allNames();

    private CippOffboardingOptions() { }

    private static Set<String> allNames() {
        Set<String> all = new LinkedHashSet<>(RUN_ORDER);
        all.addAll(MODIFIERS);
        return Set.copyOf(all);
    }

    /** True when the option asks CIPP to do something: a flag set to true, or a non-empty value. */
    public static boolean isSelected(Map<String, Object> options, String name) {
        Object value = options.get(name);
        if (value == null) return false;
        if (value instanceof Boolean b) return b;
        if (value instanceof String s) return FLAG_ACTIONS.contains(name) ? Boolean.parseBoolean(s) : !s.isBlank();
        if (value instanceof Collection<?> c) return !c.isEmpty();
        if (value instanceof Map<?, ?> m) return !m.isEmpty();
        return true;
    }

    /** The selected actions in CIPP's run order. */
    public static List<String> selectedActions(Map<String, Object> options) {
        List<String> out = new ArrayList<>();
        for (String name : RUN_ORDER) {
            if (isSelected(options, name)) out.add(name);
        }
        return out;
    }

    /**
     * CIPP's wizard greys out every other action once DeleteUser is chosen: a deleted account has no mailbox, rules or
     * licences left to act on, and the other steps would race the deletion.
     *
     * @return the actions that clash with DeleteUser (empty when DeleteUser is not selected or stands alone)
     */
    public static List<String> conflictsWithDeleteUser(Map<String, Object> options) {
        if (!isSelected(options, DELETE_USER)) return List.of();
        return selectedActions(options).stream().filter(n -> !n.equals(DELETE_USER)).toList();
    }

    /** Rejects what CIPP would reject (or silently ignore) before anything is sent. */
    public static void validate(Map<String, Object> options) throws ProviderException {
        List<String> unknown = options.keySet().stream().filter(k -> !ALL.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw invalid("Unknown CIPP offboarding option(s) " + unknown + "; expected some of " + RUN_ORDER + " or " + MODIFIERS);
        }
        if (selectedActions(options).isEmpty()) {
            throw invalid("No offboarding action selected: choose at least one");
        }
        List<String> clash = conflictsWithDeleteUser(options);
        if (!clash.isEmpty()) {
            throw invalid("DeleteUser excludes every other action; also selected: " + clash);
        }
    }

    /**
     * The ExecOffboardUser body exactly as CIPP's wizard sends it: every flag present (false when not chosen), the
     * person as a {label, value} pair, Scheduled and postExecution always present.
     *
     * @param upn the user principal name (CIPP refuses a value without '@')
     */
    static JsonObject body(String tenantFilter, String displayName, String upn, BundleRequest request, Instant now) {
        Map<String, Object> options = request.options();
        JsonObject body = new JsonObject();
        body.addProperty("tenantFilter", tenantFilter);
        JsonArray user = new JsonArray();
        user.add(labelled(displayName + " (" + upn + ")", upn));
        body.add("user", user);
        for (String flag : BODY_FLAG_ORDER) {
            body.addProperty(flag, isSelected(options, flag));
        }
        Object forward = options.get(FORWARD);
        if (isSelected(options, FORWARD)) body.add(FORWARD, pair(forward));
        body.addProperty(KEEP_COPY, isSelected(options, KEEP_COPY));
        Object ooo = options.get(OOO);
        if (ooo != null && isSelected(options, OOO)) body.addProperty(OOO, ooo.toString());
        for (String list : List.of(ACCESS_NO_AUTOMAP, ACCESS_AUTOMAP, ONEDRIVE_ACCESS)) {
            body.add(list, pairs(options.get(list)));
        }
        JsonObject scheduled = new JsonObject();
        scheduled.addProperty("enabled", request.scheduledAt() != null);
        scheduled.addProperty("date", (request.scheduledAt() != null ? request.scheduledAt() : now).getEpochSecond());
        body.add("Scheduled", scheduled);
        JsonObject post = new JsonObject();
        List<String> requested = notifyChannels(options.get(POST_EXECUTION));
        for (String channel : NOTIFY_CHANNELS) {
            post.addProperty(channel, requested.contains(channel));
        }
        body.add("postExecution", post);
        body.addProperty("reference", request.reference() == null ? "" : request.reference());
        return body;
    }

    /**
     * The notification channels a value names, in {@link #NOTIFY_CHANNELS}' order, without case: a list of names,
     * CIPP's own {"webhook": true, …} map, or one comma-separated text. Names that are no channel are left out.
     */
    public static List<String> notifyChannels(Object value) {
        List<String> named = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (Boolean.parseBoolean(String.valueOf(v).strip())) named.add(String.valueOf(k));
            });
        } else if (value instanceof Collection<?> c) {
            c.forEach(item -> named.add(String.valueOf(item)));
        } else if (value != null) {
            named.addAll(List.of(String.valueOf(value).split(",")));
        }
        return NOTIFY_CHANNELS.stream().filter(ch -> named.stream().anyMatch(n -> n.strip().equalsIgnoreCase(ch))).toList();
    }

    /** The flags in the order of CIPP's own body (cipp.md), which is not quite the run order. */
    private static final List<String> BODY_FLAG_ORDER = List.of(
            REVOKE_SESSIONS, RESET_PASS, DISABLE_SIGN_IN, HIDE_FROM_GAL, REMOVE_GROUPS, REMOVE_RULES, REMOVE_MOBILE,
            REMOVE_CALENDAR_INVITES, REMOVE_PERMISSIONS, REMOVE_CALENDAR_PERMISSIONS, CONVERT_TO_SHARED,
            REMOVE_MFA_DEVICES, REMOVE_TEAMS_PHONE_DID, REMOVE_LICENSES, CLEAR_IMMUTABLE_ID, DISABLE_ONEDRIVE_SHARING,
            DELETE_USER, DISABLE_FORWARDING);

    /** A person or mailbox as CIPP's pickers send it: {label, value}; a plain string becomes both. */
    private static JsonElement pair(Object value) {
        if (value instanceof Map<?, ?> || value instanceof JsonElement) return Json.GSON.toJsonTree(value);
        String text = String.valueOf(value);
        return labelled(text, text);
    }

    private static JsonArray pairs(Object value) {
        JsonArray out = new JsonArray();
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                if (item != null) out.add(pair(item));
            }
        } else if (value != null && !String.valueOf(value).isBlank()) {
            out.add(pair(value));
        }
        return out;
    }

    private static JsonObject labelled(String label, String value) {
        JsonObject o = new JsonObject();
        o.addProperty("label", label);
        o.addProperty("value", value);
        return o;
    }

    private static ProviderException invalid(String message) {
        return ProviderException.of(ErrorKind.INVALID_INPUT, message).providerCode("invalid_offboarding_options").build();
    }
}
