package io.signoff.offboarding;

import io.signoff.model.ErrorKind;
import io.signoff.provider.BundleJob;
import io.signoff.provider.ProviderException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a read says about a step's effect.
 *
 * @param job           for a provider job found by the read: the handle to poll
 * @param worthRereading UNDETERMINED only because the read itself failed in a passing way (network, 5xx, 429,
 *                       timeout): another read a little later may well decide it
 * @param retryAfter     how long the provider asked us to wait when it refused the read with a 429, or null
 */
record Verdict(Kind kind, String detail, BundleJob job, boolean worthRereading, Duration retryAfter) {
    private static final Set<ErrorKind> PASSING = EnumSet.of(ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED, ErrorKind.UNKNOWN_OUTCOME);

    /** APPLIED: the effect is there. NOT_APPLIED: it is not (a call is safe). UNDETERMINED: the read cannot tell. */
    enum Kind { APPLIED, NOT_APPLIED, UNDETERMINED }

    static Verdict applied(String detail) { return new Verdict(Kind.APPLIED, detail, null, false, null); }

    static Verdict appliedJob(String detail, BundleJob job) { return new Verdict(Kind.APPLIED, detail, job, false, null); }

    static Verdict notApplied(String detail) { return new Verdict(Kind.NOT_APPLIED, detail, null, false, null); }

    static Verdict undetermined(String detail) { return new Verdict(Kind.UNDETERMINED, detail, null, false, null); }

    static Verdict readFailed(ProviderException e) {
        return new Verdict(Kind.UNDETERMINED, "The read failed: " + e.getMessage(), null, PASSING.contains(e.kind()),
                e.kind() == ErrorKind.RATE_LIMITED ? e.retryAfter() : null);
    }
}
