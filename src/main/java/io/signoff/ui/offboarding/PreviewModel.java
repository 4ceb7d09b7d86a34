package io.signoff.ui.offboarding;

import io.signoff.offboarding.Guardrail;
import io.signoff.offboarding.OffboardingPlan;
import io.signoff.offboarding.PlanPerson;
import io.signoff.offboarding.PlanStep;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Page 4's state: the plan as an ordered, numbered checklist (exactly what is called where, for whom), the guardrails
 * worst first, the confirmation text naming the people, and the "run at" choice. Plain Java.
 */
final class PreviewModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    /** The plain explanation shown next to "run at", so nobody expects a closed console to run anything. */
    static final String SCHEDULE_EXPLANATION = "Microsoft 365 (CIPP) jobs are scheduled on the CIPP server and run there "
            + "at that time even if this console is closed. Every other step runs only if this console is open at that "
            + "time. A run whose time passed while the console was closed is offered to you when it opens again — it is "
            + "never run late without asking.";

    /**
     * One checklist line.
     *
     * @param after  the numbers of the steps that must be done first ("1, 2"), "" when none
     */
    record Row(int number, String stepId, String person, String title, String where, String account, String call,
               String verification, String after, boolean manual) { }

    /** "run at" parsed: {@code at} when valid, else {@code problem} for the operator. */
    record Schedule(Instant at, String problem) {
        boolean valid() { return at != null; }
    }

    private final OffboardingPlan plan;
    private final List<Row> rows;

    PreviewModel(OffboardingPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        Map<String, Integer> numbers = new HashMap<>();
        List<Row> out = new ArrayList<>();
        int n = 0;
        for (PlanStep s : plan.steps()) {
            numbers.put(s.id(), ++n);
            List<String> after = s.dependsOn().stream().map(numbers::get).filter(Objects::nonNull).map(String::valueOf).toList();
            out.add(new Row(n, s.id(), s.personEmail(), s.title(), where(s), s.accountLabel(),
                    s.manual() ? "MANUAL — " + (s.instruction().isBlank() ? s.title() : s.instruction()) : s.call(),
                    s.verification(), String.join(", ", after), s.manual()));
        }
        rows = List.copyOf(out);
    }

    OffboardingPlan plan() { return plan; }

    List<Row> rows() { return rows; }

    /** BLOCKERs first, then WARNINGs, then INFO; the plan's own order within each. */
    List<Guardrail> guardrails() {
        return plan.guardrails().stream()
                .sorted(Comparator.comparing(Guardrail::severity, Comparator.reverseOrder())).toList();
    }

    boolean hasWarnings() {
        return plan.guardrails().stream().anyMatch(g -> g.severity() != Guardrail.Severity.INFO);
    }

    boolean runnable() { return plan.runnable(); }

    /** Why the plan cannot run, or "" when it can. */
    String notRunnableReason() {
        if (plan.steps().isEmpty()) return "Nothing to do: choose at least one action on the options page.";
        return plan.guardrails().stream().filter(g -> g.severity() == Guardrail.Severity.BLOCKER)
                .map(Guardrail::message).findFirst().orElse("");
    }

    /** "Jane Doe (jane.doe@contoso.com)" or "3 people: …". */
    String people() {
        return PeopleModel.describe(plan.people().stream().map(PreviewModel::name).toList());
    }

    /** The question asked before anything runs; it names the people and counts what will happen. */
    String confirmation(Schedule schedule, ZoneId zone) {
        long manual = plan.steps().stream().filter(PlanStep::manual).count();
        long automatic = plan.steps().size() - manual;
        long connections = plan.steps().stream().map(PlanStep::connectionId).filter(id -> !id.isBlank()).distinct().count();
        String when = schedule == null ? "now" : "at " + WHEN.format(ZonedDateTime.ofInstant(schedule.at(), zone));
        return "Offboard " + people() + " " + when + "?\n\n" + automatic + " automatic "
                + (automatic == 1 ? "step" : "steps") + " on " + connections + (connections == 1 ? " connection" : " connections")
                + (manual > 0 ? " and " + manual + " manual " + (manual == 1 ? "step" : "steps") + " for you to attest" : "")
                + (plan.reference().isBlank() ? "" : ".\nReference: " + plan.reference())
                + (hasWarnings() ? ".\n\nYou have read the warnings shown above the checklist." : ".");
    }

    /**
     * Reads the "run at" fields. The time must be in the future; {@code now} comes from the caller so tests can fix it.
     */
    static Schedule schedule(LocalDate date, String time, ZoneId zone, Instant now) {
        if (date == null) return new Schedule(null, "Choose the day to run it.");
        LocalTime at;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip(), TIME);
        } catch (DateTimeParseException e) {
            return new Schedule(null, "Type the time as HH:MM, e.g. 17:30.");
        }
        Instant when = ZonedDateTime.of(date, at, zone).toInstant();
        if (!when.isAfter(now)) return new Schedule(null, "That time has passed: choose a time in the future, or run now.");
        return new Schedule(when, "");
    }

    /** One step in full, for the detail line under the checklist. */
    static String describe(Row r) {
        StringBuilder s = new StringBuilder();
        s.append(r.number()).append(". ").append(r.title()).append(" — ").append(r.person()).append(" on ").append(r.where())
                .append(" (").append(r.account()).append(")\n").append(r.manual() ? "" : "Calls: ").append(r.call());
        if (!r.verification().isBlank()) s.append("\nVerified by: ").append(r.verification());
        if (!r.after().isBlank()) s.append(r.after().contains(",") ? "\nStarts after steps " : "\nStarts after step ").append(r.after());
        return s.toString();
    }

    private static String where(PlanStep s) {
        if (s.connectionName().isBlank()) return "you";
        return s.tenantId().isBlank() ? s.connectionName() : s.connectionName() + " · " + s.tenantId();
    }

    private static String name(PlanPerson p) {
        return p.displayName().equalsIgnoreCase(p.email()) ? p.email() : p.displayName() + " (" + p.email() + ")";
    }
}
