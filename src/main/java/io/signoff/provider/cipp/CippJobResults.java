package io.signoff.provider.cipp;

import static io.signoff.provider.cipp.CippResponses.member;
import static io.signoff.provider.cipp.CippResponses.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.BundleStatus.StepOutcome;
import io.signoff.provider.http.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an offboarding job from ListScheduledItems. CIPP marks a job "Completed" when it ran to the end, even if
 * steps failed: the failures are only sentences inside Results. So every sentence becomes a step outcome, and the
 * caller sees a Completed job with failed steps for what it is.
 *
 * <p>Results is stored by CIPP as text: plain ("Planned", "Task Failed: …"), or compressed JSON of
 * [{"Results":"…"}, …] / {"Results":"…"}; some versions send it as real JSON. All are read.
 */
final class CippJobResults {
    /** Old CIPP versions put the new password into the offboarding result ("The new password is …"). */
    private static final Pattern PASSWORD_IN_TEXT = Pattern.compile(
            "(?i)((?:new|temporary|temp) password(?: is)?\\s*[:=]?\\s*)(\\S+)");
    /** Where one plain-text sentence ends and the next begins (no newlines between them in some versions). */
    private static final Pattern SENTENCE_BREAK = Pattern.compile(
            "(?<=[.!])\\s+(?=(?:Successfully|Failed|Could not|Couldn't|Unable|Removed|Set |Converted|Disabled|Cleared"
                    + "|Deleted|Hid|Hidden|Forwarding|Granted|Added|Cancelled|Task |No |Scheduled|Revoked|Reset)\\b)");
    private static final List<String> PLACEHOLDERS = List.of("planned", "pending", "running", "");

    private CippJobResults() { }

    /**
     * The row of the job named {@code jobName} (CIPP keeps finished jobs, so a name queued again has several rows):
     * <ol>
     *   <li>the one whose Reference contains {@code marker}, when given;</li>
     *   <li>else the unfinished one, unless another request's marker is on it: CIPP keeps one unfinished task per
     *       name, and queueing again while it is there only answers "already exists", so it is the job a queue call of
     *       ours made (before markers were sent) or would have been given;</li>
     *   <li>else, with a marker, none when the rows carry references (all are earlier offboardings' jobs);</li>
     *   <li>else the newest (a CIPP that keeps no references: the name is all there is to go by).</li>
     * </ol>
     */
    static Optional<JsonObject> pick(List<JsonObject> rows, String jobName, String tenant, String marker) {
        Comparator<JsonObject> newestFirst = Comparator.comparingLong(CippJobResults::scheduledTime).reversed();
        List<JsonObject> named = rows.stream()
                .filter(r -> jobName.equalsIgnoreCase(nullToEmpty(string(r, "Name")).strip()))
                .filter(r -> {
                    String command = string(r, "Command");
                    return command == null || command.toLowerCase(Locale.ROOT).contains("offboarding");
                })
                .sorted(newestFirst)
                .toList();
        if (named.isEmpty()) return Optional.empty();
        // Both readings of the tenant: CIPP may have ignored tenantFilter and returned every tenant's tasks.
        List<JsonObject> sameTenant = named.stream()
                .filter(r -> string(r, "Tenant") == null || tenant.equalsIgnoreCase(string(r, "Tenant"))).toList();
        List<JsonObject> candidates = sameTenant.isEmpty() ? named : sameTenant;
        boolean marked = marker != null && !marker.isBlank();
        if (marked) {
            Optional<JsonObject> ours = candidates.stream()
                    .filter(r -> nullToEmpty(string(r, "Reference")).contains(marker)).findFirst();
            if (ours.isPresent()) return ours;
        }
        // A marker reads "<app> <id>": an unfinished row marked by the same app for another id is another request's
        // job (another run's, scheduled for its own time), never this one's.
        String markedByOthers = marked && marker.indexOf(' ') > 0 ? marker.substring(0, marker.indexOf(' ') + 1) : null;
        Optional<JsonObject> unfinished = candidates.stream().filter(r -> {
            BundleStatus.State state = state(string(r, "TaskState"));
            boolean open = state == BundleStatus.State.PLANNED || state == BundleStatus.State.RUNNING;
            return open && (markedByOthers == null || !nullToEmpty(string(r, "Reference")).contains(markedByOthers));
        }).findFirst();
        if (unfinished.isPresent()) return unfinished;
        if (marked && candidates.stream().anyMatch(r -> !nullToEmpty(string(r, "Reference")).isBlank())) return Optional.empty();
        return Optional.of(candidates.get(0));
    }

    /** @param marker what the job was asked for by (null: by name): whether the row carries it is reported */
    static BundleStatus status(JsonObject row, Redactor redactor, String marker) {
        BundleStatus.State state = state(string(row, "TaskState"));
        JsonElement results = member(row, "Results");
        List<String> sentences = new ArrayList<>();
        collect(results, sentences, true);
        List<StepOutcome> steps = new ArrayList<>();
        for (String raw : sentences) {
            String sentence = scrub(raw, redactor);
            if (PLACEHOLDERS.contains(sentence.toLowerCase(Locale.ROOT).strip())) continue;
            boolean failed = CippResponses.isFailureSentence(sentence);
            steps.add(new StepOutcome(stepOf(sentence), !failed, sentence));
        }
        String rawText = results == null || results.isJsonNull() ? ""
                : results.isJsonPrimitive() ? results.getAsString() : results.toString();
        boolean byName = marker == null || marker.isBlank() || !nullToEmpty(string(row, "Reference")).contains(marker);
        return new BundleStatus(state, steps, scrub(rawText, redactor), byName);
    }

    static BundleStatus.State state(String taskState) {
        String s = taskState == null ? "" : taskState.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("failed")) return BundleStatus.State.FAILED; // also "Failed - Planned" of recurring tasks
        if (s.equals("completed")) return BundleStatus.State.COMPLETED;
        if (s.equals("planned") || s.equals("pending") || s.equals("scheduled")) return BundleStatus.State.PLANNED;
        // "Running", "Processing" and anything new: not finished, keep polling.
        return BundleStatus.State.RUNNING;
    }

    /** @param plainText true for the Results column itself: only free text needs cutting into sentences */
    private static void collect(JsonElement e, List<String> out, boolean plainText) {
        if (e == null || e.isJsonNull()) return;
        if (e.isJsonPrimitive()) {
            String text = e.getAsString().strip();
            if ((text.startsWith("[") || text.startsWith("{")) && parsesAsJson(text)) {
                collect(JsonParser.parseString(text), out, false);
                return;
            }
            if (!plainText) {
                if (!text.isEmpty()) out.add(text);
                return;
            }
            for (String line : text.split("\\R+")) {
                for (String sentence : SENTENCE_BREAK.split(line.strip())) {
                    if (!sentence.isBlank()) out.add(sentence.strip());
                }
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, out, false));
        } else {
            JsonObject o = e.getAsJsonObject();
            for (String key : new String[] {"Results", "resultText", "message", "text"}) {
                JsonElement v = member(o, key);
                if (v != null && !v.isJsonNull()) {
                    collect(v, out, false);
                    return;
                }
            }
            // An object of step name -> sentence (seen in some exports): take the values in order.
            o.entrySet().forEach(entry -> collect(entry.getValue() instanceof JsonPrimitive ? entry.getValue() : null, out, false));
        }
    }

    private static boolean parsesAsJson(String text) {
        try {
            JsonParser.parseString(text);
            return true;
        } catch (JsonParseException notJson) {
            return false;
        }
    }

    /**
     * Which offboarding option a sentence reports on, by CIPP's wording. The most specific phrases are tested first
     * ("calendar permissions" before "permissions", "OneDrive sharing" before "OneDrive").
     */
    static String stepOf(String sentence) {
        String s = actionPart(sentence.toLowerCase(Locale.ROOT));
        if (s.startsWith("task failed") || s.contains("offboarding job") || s.contains("offboarding task")) return "Job";
        if (s.contains("revoke") && s.contains("session")) return CippOffboardingOptions.REVOKE_SESSIONS;
        if (s.contains("password")) return CippOffboardingOptions.RESET_PASS;
        if (s.contains("account enabled") || s.contains("sign-in") || s.contains("sign in") || s.contains("signin")
                || s.contains("block")) return CippOffboardingOptions.DISABLE_SIGN_IN;
        if (s.matches("(?s).*\\bgal\\b.*") || s.contains("address list")) return CippOffboardingOptions.HIDE_FROM_GAL;
        if (s.contains("immutable")) return CippOffboardingOptions.CLEAR_IMMUTABLE_ID;
        if (s.contains("calendar permission")) return CippOffboardingOptions.REMOVE_CALENDAR_PERMISSIONS;
        if (s.contains("meeting") || s.contains("calendar invite") || s.contains("cancelled")) {
            return CippOffboardingOptions.REMOVE_CALENDAR_INVITES;
        }
        if (s.contains("group")) return CippOffboardingOptions.REMOVE_GROUPS;
        if (s.contains("rule")) return CippOffboardingOptions.REMOVE_RULES;
        if (s.contains("mobile")) return CippOffboardingOptions.REMOVE_MOBILE;
        if (s.contains("out of office") || s.contains("out-of-office") || s.contains("automatic repl")) {
            return CippOffboardingOptions.OOO;
        }
        if (s.contains("forward")) {
            return s.contains("disabl") ? CippOffboardingOptions.DISABLE_FORWARDING : CippOffboardingOptions.FORWARD;
        }
        if (s.contains("onedrive")) {
            return s.contains("sharing") ? CippOffboardingOptions.DISABLE_ONEDRIVE_SHARING : CippOffboardingOptions.ONEDRIVE_ACCESS;
        }
        if (s.contains("shared")) return CippOffboardingOptions.CONVERT_TO_SHARED;
        if (s.contains("fullaccess") || s.contains("full access") || s.contains("automap")) {
            return s.contains("automapping off") || s.contains("no automap") || s.contains("automap: false")
                    ? CippOffboardingOptions.ACCESS_NO_AUTOMAP : CippOffboardingOptions.ACCESS_AUTOMAP;
        }
        if (s.contains("permission")) return CippOffboardingOptions.REMOVE_PERMISSIONS;
        if (s.contains("mfa") || s.contains("authentication method")) return CippOffboardingOptions.REMOVE_MFA_DEVICES;
        if (s.contains("teams") || s.contains("phone") || s.matches("(?s).*\\bdid\\b.*")) {
            return CippOffboardingOptions.REMOVE_TEAMS_PHONE_DID;
        }
        if (s.contains("licen")) return CippOffboardingOptions.REMOVE_LICENSES;
        if (s.contains("delet")) return CippOffboardingOptions.DELETE_USER;
        return "Other";
    }

    /**
     * The part of a sentence that names the action: without the Graph error after "Error:" or ": " (its words would
     * mislead, e.g. "group-based license") and without addresses (a mailbox called "rules@…" is not a rule).
     */
    private static String actionPart(String lower) {
        String s = lower;
        for (String cut : new String[] {". error", " error:", ": "}) {
            int at = s.indexOf(cut);
            if (at > 0) s = s.substring(0, at);
        }
        return s.replaceAll("\\S+@\\S+", " ");
    }

    /** No password, token or secret from a job result may reach the model, the UI, logs or the audit trail. */
    static String scrub(String text, Redactor redactor) {
        if (text == null) return "";
        String out = PASSWORD_IN_TEXT.matcher(text).replaceAll("$1" + Redactor.MASK);
        return redactor.redact(out);
    }

    private static long scheduledTime(JsonObject row) {
        String raw = string(row, "ScheduledTime");
        try {
            return raw == null ? 0 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
