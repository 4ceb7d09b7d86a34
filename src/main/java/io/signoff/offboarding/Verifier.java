package io.signoff.offboarding;

import io.signoff.model.AccountStatus;
import io.signoff.model.DirectoryUser;
import io.signoff.model.ErrorKind;
import io.signoff.model.Session;
import io.signoff.model.SessionList;
import io.signoff.model.Tenant;
import io.signoff.provider.BundleJob;
import io.signoff.provider.BundleStatus;
import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;
import io.signoff.provider.cipp.CippProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Reads back whether a step's effect is there: after a call to confirm it (VERIFIED), and after an unknown outcome or a
 * crash to decide whether a call is needed at all. Reads only; never calls a write.
 */
final class Verifier {
    /** What CIPP names an offboarding task: "Offboarding: {upn}" (a job is found again by this name). */
    static final String JOB_NAME_PREFIX = CippProvider.JOB_NAME_PREFIX;
    /** The DirectoryUser attribute holding the Microsoft 365 user principal name. */
    static final String UPN_ATTRIBUTE = CippProvider.ATTR_UPN;

    private final Duration skew;

    Verifier(Duration skew) {
        this.skew = skew;
    }

    Verdict check(Provider provider, PlanStep step, Instant callStartedAt, BundleJob job) {
        try {
            return switch (step.action()) {
                case DISABLE_SIGN_IN -> signInBlocked(provider, step);
                case REVOKE_SESSIONS -> sessionsGone(provider, step, callStartedAt);
                case DEACTIVATE -> deactivated(provider, step);
                case HARD_DELETE -> deleted(provider, step);
                case OFFBOARD_BUNDLE -> jobQueued(provider, step, job);
                case MANUAL -> Verdict.undetermined("A manual step is confirmed by the operator, not by a read");
            };
        } catch (ProviderException e) {
            return Verdict.readFailed(e);
        }
    }

    private Verdict signInBlocked(Provider provider, PlanStep step) throws ProviderException {
        DirectoryUser user = reread(provider, step);
        if (user == null) return Verdict.undetermined(provider.connection().displayName() + " cannot read a user back");
        String enabled = user.attributes().get(CippProvider.ATTR_ACCOUNT_ENABLED);
        if (user.status() == AccountStatus.ENABLED || "true".equalsIgnoreCase(enabled)) {
            return Verdict.notApplied("The user can still sign in");
        }
        if (user.status() == AccountStatus.UNKNOWN && enabled == null) return Verdict.undetermined("The read does not say");
        return Verdict.applied("Read back: sign-in blocked (" + user.status().name().toLowerCase(Locale.ROOT) + ")");
    }

    private Verdict deactivated(Provider provider, PlanStep step) throws ProviderException {
        DirectoryUser user = reread(provider, step);
        if (user == null) return Verdict.undetermined(provider.connection().displayName() + " cannot read a user back");
        return switch (user.status()) {
            case DEACTIVATED, DISABLED, DELETED -> Verdict.applied("Read back: account "
                    + user.status().name().toLowerCase(Locale.ROOT));
            case ENABLED -> Verdict.notApplied("The account is still active");
            case UNKNOWN -> Verdict.undetermined("The read does not say whether the account is active");
        };
    }

    private Verdict deleted(Provider provider, PlanStep step) throws ProviderException {
        try {
            DirectoryUser user = reread(provider, step);
            if (user == null) return Verdict.undetermined(provider.connection().displayName() + " cannot read a user back");
            return user.status() == AccountStatus.DELETED ? Verdict.applied("Read back: account deleted")
                    : Verdict.notApplied("The account still exists");
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) return Verdict.applied("Read back: the account no longer exists");
            throw e;
        }
    }

    private Verdict sessionsGone(Provider provider, PlanStep step, Instant callStartedAt) throws ProviderException {
        SessionList list;
        try {
            list = provider.listSessions(step.account());
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.UNSUPPORTED) return Verdict.undetermined(provider.connection().displayName() + " cannot list sessions");
            throw e;
        }
        if (list.manualOnly()) return Verdict.undetermined(list.manualInstruction());
        Instant since = callStartedAt == null ? null : callStartedAt.minus(skew);
        if (list.sessionsValidFrom() != null) {
            if (since == null) return Verdict.undetermined("No record of when the revoke was sent");
            String when = DateTimeFormatter.ISO_INSTANT.format(list.sessionsValidFrom());
            return list.sessionsValidFrom().isBefore(since)
                    ? Verdict.notApplied("Sessions valid from is still " + when + ", before the revoke")
                    : Verdict.applied("Read back: sessions valid from " + when + " (every earlier sign-in must start again)");
        }
        List<Session> older = list.sessions().stream()
                .filter(s -> since == null || s.created() == null || s.created().isBefore(since)).toList();
        if (older.isEmpty()) {
            int fresh = list.sessions().size();
            return Verdict.applied(fresh == 0 ? "Read back: no session listed"
                    : "Read back: no session from before the revoke; " + fresh + " new since");
        }
        return Verdict.notApplied(older.size() + " session" + (older.size() == 1 ? " is" : "s are") + " still listed");
    }

    private Verdict jobQueued(Provider provider, PlanStep step, BundleJob job) throws ProviderException {
        if (job == null) return Verdict.undetermined("No job handle to look for");
        BundleStatus status = provider.offboardingStatus(job);
        if (status.state() == BundleStatus.State.NOT_FOUND) {
            return Verdict.notApplied("No job '" + job.jobName() + "' is listed");
        }
        return Verdict.appliedJob("Read back: job '" + job.jobName() + "' is "
                + status.state().name().toLowerCase(Locale.ROOT), status.foundByName() ? byName(job) : job);
    }

    /**
     * The handle of the job this run's queue call for the step makes: CIPP's name for it, and a marker unique to the run
     * and step that the reference it is queued with contains ({@link #jobReference}), so that it is found again, after
     * a lost answer or a crash, without taking an older job of the same person for it.
     */
    static BundleJob expectedJob(PlanStep step, String runId) {
        String upn = upn(step.account());
        return new BundleJob(step.connectionId(), step.tenantId(), upn, JOB_NAME_PREFIX + upn, null,
                "Signoff " + runId + "/" + step.id());
    }

    /** The same job, followed by its name alone: found without its marker, it would be lost once it finished. */
    static BundleJob byName(BundleJob job) {
        return job.reference() == null ? job
                : new BundleJob(job.connectionId(), job.tenantId(), job.userEmail(), job.jobName(), job.message(), null);
    }

    /** What the job is queued with: the operator's ticket first, for whoever reads CIPP's scheduler, then the marker. */
    static String jobReference(BundleJob expected, String planReference) {
        return (planReference == null || planReference.isBlank() ? "" : planReference.strip() + " | ") + expected.reference();
    }

    static String upn(DirectoryUser account) {
        String upn = account.attributes().get(UPN_ATTRIBUTE);
        return upn == null || upn.isBlank() ? account.email() : upn;
    }

    private static DirectoryUser reread(Provider provider, PlanStep step) throws ProviderException {
        Tenant tenant = step.tenantId().isBlank() ? null
                : new Tenant(step.connectionId(), step.provider(), step.tenantId(), null, null, null);
        try {
            return provider.getUser(tenant, step.account().id());
        } catch (ProviderException e) {
            if (e.kind() == ErrorKind.UNSUPPORTED) return null;
            throw e;
        }
    }
}
