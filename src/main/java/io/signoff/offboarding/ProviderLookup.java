package io.signoff.offboarding;

import io.signoff.provider.Provider;
import io.signoff.provider.ProviderException;

/** The client for a connection id, as configured now (a resumed run finds its connections again by id). */
@FunctionalInterface
public interface ProviderLookup {
    /** @throws ProviderException (UNSUPPORTED or CREDENTIALS_REJECTED) when the connection is gone or unusable */
    Provider provider(String connectionId) throws ProviderException;
}
