package io.signoff.controller;

import io.signoff.audit.AuditAttempt;
import io.signoff.model.ActionResult;
import io.signoff.model.ErrorKind;
import io.signoff.model.Outcome;
import io.signoff.model.RevokeOptions;
import io.signoff.model.SessionList;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A revoke being carried out: each planned call in parallel (one per account), each preceded by its ATTEMPTED audit
 * row and followed by its outcome row, then verified by reading back, with re-checks while the effect is not yet
 * visible. Calls whose outcome is unknown are verified the same way and never retried blindly.
 */
public final class RevokeRun {
    private static final Logger LOG = LoggerFactory.getLogger(RevokeRun.class);

    private final RevokePlan plan;
    private final String runId;
    private final ProviderPool pool;
    private final RevokeAudit audit;
    private final VerificationPolicy policy;
    private final Executor executor;
    private final Clock clock;
    private final Consumer<RevokeReport> listener;
    private final List<CallOutcome> outcomes = new ArrayList<>();
    private final List<Verification> verifications = new ArrayList<>();
    private final CompletableFuture<RevokeReport> done = new CompletableFuture<>();
    private RevokeReport last;

    RevokeRun(RevokePlan plan, String runId, ProviderPool pool, RevokeAudit audit, VerificationPolicy policy,
              Executor executor, Clock clock, Consumer<RevokeReport> listener) {
        this.plan = plan;
        this.runId = runId;
        this.pool = pool;
        this.audit = audit;
        this.policy = policy;
        this.executor = executor;
        this.clock = clock;
        this.listener = listener;
        for (PlannedRevoke call : plan.calls()) {
            outcomes.add(CallOutcome.waiting(call));
            verifications.add(new Verification(call.account(), call.connection(), VerifyState.PENDING, "", "", 0, null));
        }
        for (ManualStep step : plan.manualSteps()) {
            verifications.add(new Verification(step.account(), step.connection(), VerifyState.MANUAL, step.instruction(), "", 0, null));
        }
    }

    public RevokePlan plan() { return plan; }

    public String runId() { return runId; }

    /** Completes when every call is answered and every verification has reached a final state. */
    public CompletableFuture<RevokeReport> done() { return done; }

    public synchronized RevokeReport current() { return last; }

    void start() {
        synchronized (this) {
            publishLocked();
        }
        for (int i = 0; i < plan.calls().size(); i++) {
            int index = i;
            executor.execute(() -> send(index));
        }
    }

    /** Stops every call not yet sent; returns how many were stopped. Calls already sent run to their end. */
    public int cancel() {
        synchronized (this) {
            int stopped = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).state() == CallState.WAITING) {
                    notSentLocked(i, null, "Cancelled before it was sent");
                    stopped++;
                }
            }
            if (stopped > 0) publishLocked();
            return stopped;
        }
    }

    private void send(int i) {
        PlannedRevoke call = plan.calls().get(i);
        synchronized (this) {
            if (outcomes.get(i).state() != CallState.WAITING) return;
            outcomes.set(i, new CallOutcome(call, CallState.SENDING, null, "", "Sending…"));
            publishLocked();
        }
        Provider provider;
        try {
            provider = pool.provider(call.connection());
        } catch (ProviderPool.NotConnectedException e) {
            notSent(i, null, e.getMessage());
            return;
        }
        AuditAttempt attempt;
        try {
            attempt = audit.attempted(call, runId, i + 1);
        } catch (RuntimeException e) {
            LOG.error("Audit log refused the attempt row of {}; the call is not sent", call.action(), e);
            notSent(i, null, "Not sent: the audit log could not record the attempt (" + e.getMessage() + ")");
            return;
        }
        Instant started = clock.instant();
        CallOutcome outcome;
        try {
            ActionResult result = call.allSessions()
                    ? provider.revokeAllSessions(call.account(), RevokeOptions.all())
                    : provider.revokeSession(call.account(), call.session());
            String message = (result.message() == null ? "Done" : result.message())
                    + (result.pending() ? " (queued by the provider: verifying)" : "");
            outcome = new CallOutcome(call, CallState.SUCCEEDED, null, result.requestId(), message);
        } catch (ProviderException e) {
            boolean unknown = e.kind() == ErrorKind.UNKNOWN_OUTCOME;
            LOG.warn("{} on {} {}: {} ({})", call.action(), call.connection().id(), unknown ? "has an unknown outcome" : "failed",
                    e.getMessage(), e.auditReference());
            String reference = e.auditReference() + (e.requestId() == null ? "" : " / request " + e.requestId());
            outcome = new CallOutcome(call, unknown ? CallState.UNKNOWN : CallState.FAILED, e.kind(), reference, e.getMessage());
        } catch (RuntimeException e) {
            // A client bug after the request may have left: treat as unknown and let the read-back decide.
            LOG.error("{} on {} failed unexpectedly", call.action(), call.connection().id(), e);
            outcome = new CallOutcome(call, CallState.UNKNOWN, ErrorKind.UNKNOWN_OUTCOME, "", "Unexpected error: " + e.getClass().getSimpleName());
        }
        outcome = recordOutcome(attempt, outcome);
        synchronized (this) {
            outcomes.set(i, outcome);
            if (outcome.state() == CallState.FAILED) {
                // Nothing to read back: the provider said no. The FAILED outcome row already records it.
                verifications.set(i, new Verification(call.account(), call.connection(), VerifyState.FAILED,
                        "The revoke call failed: " + outcome.message(), residual(call), 0, null));
            }
            publishLocked();
        }
        if (outcome.state() != CallState.FAILED) verify(i, provider, attempt, started, 0);
    }

    private CallOutcome recordOutcome(AuditAttempt attempt, CallOutcome outcome) {
        Outcome audited = switch (outcome.state()) {
            case SUCCEEDED -> Outcome.SUCCEEDED;
            case FAILED -> Outcome.FAILED;
            default -> Outcome.UNKNOWN;
        };
        try {
            audit.outcome(attempt, audited, outcome.reference(), outcome.message());
            return outcome;
        } catch (RuntimeException e) {
            LOG.error("Audit log refused the outcome row of {}", outcome.call().action(), e);
            return new CallOutcome(outcome.call(), outcome.state(), outcome.errorKind(), outcome.reference(),
                    outcome.message() + " (the audit log could not record this outcome)");
        }
    }

    private void verify(int i, Provider provider, AuditAttempt audited, Instant started, int check) {
        PlannedRevoke call = plan.calls().get(i);
        Instant now = clock.instant();
        Verification result;
        try {
            SessionList after = provider.listSessions(call.account());
            result = RevokeVerifier.judge(call, after, started, policy.clockSkew(), check + 1, now);
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.UNSUPPORTED) {
                result = new Verification(call.account(), call.connection(), VerifyState.MANUAL,
                        "No API to read sessions back: check in the provider's admin console", residual(call), check + 1, now);
            } else {
                LOG.warn("Verification read of {} on {} failed: {} ({})", call.action(), call.connection().id(), e.getMessage(), e.kind());
                result = new Verification(call.account(), call.connection(), VerifyState.NOT_YET_VISIBLE,
                        "Could not read back: " + e.getMessage(), residual(call), check + 1, now);
            }
        }
        if (result.state() == VerifyState.NOT_YET_VISIBLE && check >= policy.recheckDelays().size()) {
            boolean unknown = outcomeOf(i).state() == CallState.UNKNOWN;
            String detail = result.detail() + " after " + result.checks() + " checks"
                    + (unknown ? ": the call's outcome was unknown and its effect is not visible, so it most likely did not"
                            + " happen. Revoking again is safe." : ".");
            result = new Verification(call.account(), call.connection(), VerifyState.FAILED, detail,
                    result.residualExposure(), result.checks(), now);
        }
        if (result.state() == VerifyState.VERIFIED || result.state() == VerifyState.FAILED) {
            try {
                audit.verification(audited, result);
            } catch (RuntimeException e) {
                LOG.error("Audit log refused the verification row of {}", call.action(), e);
            }
        }
        synchronized (this) {
            verifications.set(i, result);
            publishLocked();
        }
        if (result.state() == VerifyState.NOT_YET_VISIBLE) {
            Duration delay = policy.recheckDelays().get(check);
            Executor later = delay.isZero() ? executor
                    : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor);
            later.execute(() -> verify(i, provider, audited, started, check + 1));
        }
    }

    private synchronized CallOutcome outcomeOf(int i) { return outcomes.get(i); }

    private void notSent(int i, ErrorKind kind, String why) {
        synchronized (this) {
            notSentLocked(i, kind, why);
            publishLocked();
        }
    }

    private void notSentLocked(int i, ErrorKind kind, String why) {
        PlannedRevoke call = plan.calls().get(i);
        outcomes.set(i, new CallOutcome(call, CallState.NOT_SENT, kind, "", why));
        verifications.set(i, new Verification(call.account(), call.connection(), VerifyState.NOT_SENT, why, residual(call), 0, null));
    }

    private static String residual(PlannedRevoke call) {
        return call.before() == null ? "" : call.before().residualExposure();
    }

    private void publishLocked() {
        boolean finished = outcomes.stream().allMatch(o -> o.state().done())
                && verifications.stream().allMatch(v -> v.state().terminal());
        RevokeReport report = new RevokeReport(plan, runId, outcomes, verifications, finished);
        last = report;
        try {
            listener.accept(report);
        } catch (RuntimeException e) {
            LOG.error("A revoke listener failed", e);
        }
        if (finished) done.complete(report);
    }
}
