package io.signoff.provider;

import java.time.Instant;
import java.util.Map;

/**
 * A provider-side offboarding job request (CIPP ExecOffboardUser).
 *
 * @param options      the provider's own option names and values (CIPP: RevokeSessions, ConvertToShared, forward…)
 * @param reference    ticket number / operator, sent along
 * @param scheduledAt  run at this time on the provider side, or null for now
 * @param jobName      a unique name so the job can be found again
 */
public record BundleRequest(Map<String, Object> options, String reference, Instant scheduledAt, String jobName) {
    public BundleRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
