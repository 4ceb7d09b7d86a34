package io.signoff.simulator.cipp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.signoff.simulator.Seed;
import io.signoff.simulator.SimResponse;
import io.signoff.simulator.cipp.CippSimDirectory.SimUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * CIPP's scheduled offboarding tasks: queued by ExecOffboardUser, Planned until their time, Running for a while,
 * then Completed (even when steps failed: the failures are sentences in Results) or Failed (the job could not run).
 * Time moves lazily: every request first advances the jobs to "now", so no background thread outlives a test.
 */
final class CippSimJobs {
    static final String COMMAND = "Invoke-CIPPOffboardingJob";
    /** Action option names in CIPP's run order (the client keeps its own copy; the simulator may not import it). */
    static final List<String> RUN_ORDER = List.of(
            "RevokeSessions", "ResetPass", "DisableSignIn", "HideFromGAL", "RemoveGroups", "RemoveRules", "RemoveMobile",
            "removeCalendarInvites", "OOO", "forward", "disableForwarding", "OnedriveAccess", "DisableOneDriveSharing",
            "AccessNoAutomap", "AccessAutomap", "removePermissions", "removeCalendarPermissions", "ConvertToShared",
            "RemoveMFADevices", "RemoveTeamsPhoneDID", "RemoveLicenses", "ClearImmutableId", "DeleteUser");

    private static final class Job {
        final String rowKey = UUID.randomUUID().toString();
        final String name;
        final String tenant;
        final String upn;
        final String reference;
        final JsonObject options;
        final Instant runAt;
        final boolean scheduled;
        String state = "Planned";
        String results = "Planned";
        Instant executedAt;

        Job(String name, String tenant, String upn, String reference, JsonObject options, Instant runAt, boolean scheduled) {
            this.name = name;
            this.tenant = tenant;
            this.upn = upn;
            this.reference = reference;
            this.options = options;
            this.runAt = runAt;
            this.scheduled = scheduled;
        }

        boolean finished() { return state.equals("Completed") || state.startsWith("Failed"); }
    }

    private final List<Job> jobs = new ArrayList<>();
    private final Map<String, String> failingSteps = new LinkedHashMap<>();
    private Duration plannedFor = Duration.ofSeconds(2);
    private Duration runningFor = Duration.ofSeconds(3);

    void timing(Duration planned, Duration running) {
        this.plannedFor = planned;
        this.runningFor = running;
    }

    void failStep(String option, String graphError) { failingSteps.put(option.toLowerCase(Locale.ROOT), graphError); }

    void clearFailures() { failingSteps.clear(); }

    /** Queues one task per person, as CIPP does, and answers with one sentence each. */
    String queue(String tenant, String upn, JsonObject options, Long scheduledDate, String reference, Instant now) {
        String name = "Offboarding: " + upn;
        boolean clash = jobs.stream().anyMatch(j -> j.name.equalsIgnoreCase(name) && !j.finished());
        if (clash) return "Task with name " + name + " already exists";
        boolean scheduled = scheduledDate != null;
        Instant runAt = scheduled ? Instant.ofEpochSecond(scheduledDate) : now.plus(plannedFor);
        jobs.add(new Job(name, tenant, upn, reference, options, runAt, scheduled));
        Duration wait = Duration.between(now, runAt);
        String when = wait.toMinutes() >= 2 ? "about " + wait.toMinutes() + " minutes" : "less than a minute";
        return "Successfully added task: " + name + ". It will run in " + when + ".";
    }

    /**
     * Moves every job to where it is at {@code now}; a job that finishes applies its steps to the directory and reports
     * each change as (job name, effect).
     */
    void advance(Instant now, CippSimDirectory directory, BiConsumer<String, String> effects) {
        for (Job job : jobs) {
            if (job.state.equals("Planned") && !now.isBefore(job.runAt)) {
                job.state = "Running";
                job.executedAt = job.runAt;
            }
            if (job.state.equals("Running") && !now.isBefore(job.runAt.plus(runningFor))) {
                run(job, now, directory, effects);
            }
        }
    }

    List<Map<String, Object>> rows(String type, String tenantFilter, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Job job : jobs) {
            if (type != null && !type.isBlank() && !type.equalsIgnoreCase(COMMAND)) continue;
            boolean allTenants = tenantFilter == null || tenantFilter.isBlank() || tenantFilter.equalsIgnoreCase("AllTenants");
            if (!allTenants && !tenantFilter.equalsIgnoreCase(job.tenant)) continue;
            if (name != null && !name.isBlank() && !name.equalsIgnoreCase(job.name)) continue;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("PartitionKey", "ScheduledTask");
            row.put("RowKey", job.rowKey);
            row.put("Name", job.name);
            row.put("Command", COMMAND);
            row.put("Tenant", job.tenant);
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("Username", job.upn);
            parameters.put("APIName", job.scheduled ? "Scheduled Offboarding" : "ExecOffboardUser");
            parameters.put("options", SimResponse.gson().fromJson(job.options, Map.class));
            parameters.put("RunScheduled", true);
            row.put("Parameters", parameters);
            row.put("TaskState", job.state);
            row.put("Results", job.results);
            row.put("ScheduledTime", Long.toString(job.runAt.getEpochSecond()));
            row.put("ExecutedTime", job.executedAt == null ? "" : Long.toString(job.executedAt.getEpochSecond()));
            row.put("Reference", job.reference);
            row.put("Hidden", false);
            row.put("PostExecution", postExecution(job.options));
            out.add(row);
        }
        return out;
    }

    /** As CIPP stores it: the channels asked for in the body's postExecution, by CIPP's names, comma-separated. */
    private static String postExecution(JsonObject body) {
        JsonElement post = member(body, "postExecution");
        if (post == null || !post.isJsonObject()) return "";
        List<String> channels = new ArrayList<>();
        for (String channel : List.of("Webhook", "Email", "PSA")) {
            JsonElement on = member(post.getAsJsonObject(), channel);
            if (on != null && on.isJsonPrimitive() && on.getAsJsonPrimitive().isBoolean() && on.getAsBoolean()) channels.add(channel);
        }
        return String.join(",", channels);
    }

    private void run(Job job, Instant now, CippSimDirectory directory, BiConsumer<String, String> effects) {
        Optional<Seed.Tenant> tenant = directory.tenant(job.tenant);
        Optional<SimUser> user = tenant.flatMap(t -> directory.find(t, job.upn));
        if (user.isEmpty()) {
            job.state = "Failed";
            job.results = "Task Failed: Could not find user " + job.upn + ": Resource '" + job.upn
                    + "' does not exist or one of its queried reference-property objects are not present.";
            return;
        }
        SimUser u = user.get();
        boolean deleting = selected(job.options, "DeleteUser");
        JsonArray results = new JsonArray();
        for (String option : RUN_ORDER) {
            if (!selected(job.options, option) || (deleting && !option.equals("DeleteUser"))) continue;
            String failure = failingSteps.get(option.toLowerCase(Locale.ROOT));
            if (failure == null && option.equals("ConvertToShared") && u.licences.isEmpty()) {
                failure = "The operation couldn't be performed because object '" + u.upn + "' couldn't be found on a mailbox server.";
            }
            String sentence;
            if (failure != null) {
                sentence = "Failed to " + CippSimSentences.verb(option) + " for " + u.upn + ". Error: " + failure;
            } else {
                sentence = CippSimSentences.apply(option, u, job.options, now, directory);
                effects.accept(job.name, "cipp:offboard:" + option + ":" + u.id);
            }
            JsonObject line = new JsonObject();
            line.addProperty("Results", sentence);
            results.add(line);
        }
        job.state = "Completed";
        // As CIPP stores it: the compressed JSON of [{"Results": "…"}, …], inside a string column.
        job.results = results.toString();
    }

    static boolean selected(JsonObject options, String name) {
        JsonElement v = member(options, name);
        if (v == null || v.isJsonNull()) return false;
        if (v.isJsonPrimitive()) {
            return v.getAsJsonPrimitive().isBoolean() ? v.getAsBoolean()
                    : name.equals("OOO") || name.equals("forward") ? !v.getAsString().isBlank() : Boolean.parseBoolean(v.getAsString());
        }
        if (v.isJsonArray()) return v.getAsJsonArray().size() > 0;
        return v.getAsJsonObject().size() > 0;
    }

    static JsonElement member(JsonObject o, String name) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    static Instant nowSeconds(Instant now) { return now.truncatedTo(ChronoUnit.SECONDS); }
}
