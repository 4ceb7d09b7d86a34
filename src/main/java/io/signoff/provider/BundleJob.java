package io.signoff.provider;

/**
 * A handle to a queued provider-side job, enough to find it again (also after a restart: it is journalled).
 *
 * @param reference the marker inside the reference the job was queued with, unique to one run's step, so that an
 *                  older job of the same name is not taken for it; null for a job followed by name alone (one that was
 *                  already queued, or one journalled before markers were sent)
 */
public record BundleJob(String connectionId, String tenantId, String userEmail, String jobName, String message,
                        String reference) {
    public BundleJob(String connectionId, String tenantId, String userEmail, String jobName, String message) {
        this(connectionId, tenantId, userEmail, jobName, message, null);
    }
}
