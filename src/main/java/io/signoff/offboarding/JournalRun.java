package io.signoff.offboarding;

import java.time.Instant;
import java.util.List;

/** A run as journalled: header, plan and each step's last state (in plan order). */
record JournalRun(String runId, RunState state, OffboardingPlan plan, List<JournalStep> steps, Instant createdAt,
                  Instant scheduledAt, String operator, String machine, String channel, String note) {
}
