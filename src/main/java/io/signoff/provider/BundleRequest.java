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
 * @param jobMarker    a text unique to this request, inside {@code reference}, by which the job is found again among
 *                     others of the same name (an earlier offboarding of the same person); null: by name alone
 */
public record BundleRequest(Map<String, Object> options, String reference, Instant scheduledAt, String jobName,
                            String jobMarker) {
    public BundleRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public BundleRequest(Map<String, Object> options, String reference, Instant scheduledAt, String jobName) {
        this(options, reference, scheduledAt, jobName, null);
    }
}
