package io.signoff.offboarding;

import io.signoff.provider.BundleJob;

/**
 * What a read says about a step's effect.
 *
 * @param job for a provider job found by the read: the handle to poll
 */
record Verdict(Kind kind, String detail, BundleJob job) {
    /** APPLIED: the effect is there. NOT_APPLIED: it is not (a call is safe). UNDETERMINED: the read cannot tell. */
    enum Kind { APPLIED, NOT_APPLIED, UNDETERMINED }

    static Verdict applied(String detail) { return new Verdict(Kind.APPLIED, detail, null); }

    static Verdict notApplied(String detail) { return new Verdict(Kind.NOT_APPLIED, detail, null); }

    static Verdict undetermined(String detail) { return new Verdict(Kind.UNDETERMINED, detail, null); }
}
