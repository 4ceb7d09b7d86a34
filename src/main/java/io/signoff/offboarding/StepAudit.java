package io.signoff.offboarding;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.RevokeOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the audit rows of a run: one per attempt, outcome, verification, attestation, skip; run id and step id on each. */
final class StepAudit {
    private final AuditWriter audit;
    private final Operator operator;
    private final String channel;

    StepAudit(AuditWriter audit, Operator operator, String channel) {
        this.audit = audit;
        this.operator = operator;
        this.channel = channel;
    }

    /** The audit action name of a step: "offboarding.revoke_sessions" etc. */
    static String action(StepAction action) {
        return "offboarding." + action.name().toLowerCase(Locale.ROOT);
    }

    long step(String runId, PlanStep step, String action, Outcome outcome, String reference, String message, Instant at) {
        return audit.append(event(runId, step, action, outcome, reference, message, at));
    }

    /** The outcome of the attempt audited as {@code attemptSequence}. */
    long outcome(long attemptSequence, String runId, PlanStep step, Outcome outcome, String reference, String message, Instant at) {
        return audit.appendOutcome(attemptSequence, event(runId, step, action(step.action()), outcome, reference, message, at));
    }

    private AuditEvent event(String runId, PlanStep step, String action, Outcome outcome, String reference, String message,
                             Instant at) {
        return new AuditEvent(at, operator.name(), operator.machine(), channel, blankToNull(step.connectionId()),
                step.provider(), blankToNull(step.tenantId()), step.personEmail(),
                step.account() == null ? null : step.account().id(), action, parameters(step), outcome,
                reference, message, runId, step.id());
    }

    long run(String runId, String action, Outcome outcome, String message, Instant at, String people) {
        return audit.append(new AuditEvent(at, operator.name(), operator.machine(), channel, null, null, null, people, null,
                action, Map.of(), outcome, null, message, runId, null));
    }

    /** What was asked, with no secret in it: the title, the revoke reach, the job's option names. */
    private static Map<String, String> parameters(PlanStep step) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("step", step.title());
        RevokeOptions revoke = step.revokeOptions();
        if (revoke != null) {
            out.put("scope", revoke.scope().name().toLowerCase(Locale.ROOT));
            if (revoke.includeDevices()) out.put("devices", "true");
            if (revoke.warpReauth()) out.put("warpReauth", "true");
        }
        if (!step.bundleOptions().isEmpty()) {
            out.put("options", String.join(",", BundleOptions.selectedActions(step.bundleOptions())));
            List<String> notify = BundleOptions.notifications(step.bundleOptions());
            if (!notify.isEmpty()) out.put("notify", String.join(",", notify));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
