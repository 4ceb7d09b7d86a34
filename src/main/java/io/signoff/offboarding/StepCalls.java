package io.signoff.offboarding;

import io.signoff.model.ActionResult;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleRequest;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import java.time.Instant;

/** Makes a step's one provider call through the SPI. */
final class StepCalls {
    private StepCalls() { }

    /** What a call returned: the provider's words, its request id, and a job handle when it only queued work. */
    record Result(String message, String requestId, BundleJob job) { }

    /**
     * @param expectedJob   for a provider job: the name and marker to queue it under
     * @param planReference the operator's ticket, sent along with a provider job
     */
    static Result invoke(Provider provider, PlanStep step, BundleJob expectedJob, String planReference, Instant scheduledAt)
            throws ProviderException {
        if (step.action().capability() != null && !provider.supports(step.action().capability())) {
            throw ProviderException.unsupported(provider.connection().displayName() + " can no longer "
                    + step.action().title().toLowerCase(java.util.Locale.ROOT));
        }
        return switch (step.action()) {
            case DISABLE_SIGN_IN -> done(provider.disableSignIn(step.account()));
            case REVOKE_SESSIONS -> done(provider.revokeAllSessions(step.account(), step.revokeOptions()));
            case DEACTIVATE -> done(provider.deactivate(step.account()));
            case HARD_DELETE -> done(provider.hardDelete(step.account()));
            case OFFBOARD_BUNDLE -> {
                BundleJob job = provider.queueOffboarding(step.account(), new BundleRequest(step.bundleOptions(),
                        Verifier.jobReference(expectedJob, planReference), scheduledAt, expectedJob.jobName(),
                        expectedJob.reference()));
                yield new Result(job.message(), job.jobName(), job);
            }
            case MANUAL -> throw new IllegalArgumentException("a manual step has no call");
        };
    }

    private static Result done(ActionResult r) {
        return new Result(r.message(), r.requestId(), null);
    }
}
