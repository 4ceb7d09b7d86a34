package io.signoff.provider;

/** A handle to a queued provider-side job, enough to find it again (also after a restart: it is journalled). */
public record BundleJob(String connectionId, String tenantId, String userEmail, String jobName, String message) {
}
