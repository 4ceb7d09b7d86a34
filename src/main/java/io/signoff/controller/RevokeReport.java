package io.signoff.controller;

import java.util.List;

/** A revoke in progress or done: each call's outcome and each account's verification. */
public record RevokeReport(RevokePlan plan, String runId, List<CallOutcome> calls, List<Verification> verifications,
                           boolean finished) {
    public RevokeReport {
        calls = List.copyOf(calls);
        verifications = List.copyOf(verifications);
    }

    public boolean allVerified() {
        return !verifications.isEmpty() && verifications.stream()
                .allMatch(v -> v.state() == VerifyState.VERIFIED || v.state() == VerifyState.MANUAL);
    }

    public long count(VerifyState state) {
        return verifications.stream().filter(v -> v.state() == state).count();
    }

    public boolean anySent() {
        return calls.stream().anyMatch(c -> c.state().sent() || c.state() == CallState.SENDING);
    }
}
