package io.signoff.simulator;

import io.signoff.model.ProviderKind;

/** One provider's API in the simulator. Implementations keep their own state, seeded from {@link Seed}. */
public interface SimulatedApi {
    ProviderKind kind();

    /** Called on the server's worker threads; implementations synchronise their own state. */
    SimResponse handle(SimRequest request);

    /** A 429 in this provider's own error shape; the server adds Retry-After. */
    default SimResponse rateLimited(java.time.Duration retryAfter) {
        return SimResponse.json(429, java.util.Map.of("error", "rate limited"));
    }

    /** A 5xx in this provider's own error shape. */
    default SimResponse serverError(int status) {
        return SimResponse.text(status, "Internal Server Error");
    }
}
