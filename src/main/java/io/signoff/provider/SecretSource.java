package io.signoff.provider;

/**
 * Where a provider client gets its secret at the moment it needs it. The vault layer supplies the implementation;
 * the provider never stores the secret beyond the call (CIPP keeps only the short-lived access token it obtained).
 * The caller wipes the returned array after use.
 */
@FunctionalInterface
public interface SecretSource {
    char[] secret(String connectionId, String secretName) throws ProviderException;
}
