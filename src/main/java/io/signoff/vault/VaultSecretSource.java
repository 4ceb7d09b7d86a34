package io.signoff.vault;

import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.provider.SecretSource;

/**
 * Hands provider clients their secrets from {@link ConnectionSecrets}. A missing secret is reported as rejected
 * credentials (the operator must enter it); an unreachable or locked keychain as a transient problem (unlock it and
 * retry). The provider code {@code vault:<reason>} tells the two apart from a provider's own answer.
 */
public final class VaultSecretSource implements SecretSource {
    public static final String CODE_PREFIX = "vault:";

    private final ConnectionSecrets secrets;

    public VaultSecretSource(ConnectionSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public char[] secret(String connectionId, String secretName) throws ProviderException {
        try {
            return secrets.read(connectionId, secretName);
        } catch (VaultException e) {
            ErrorKind kind = e.reason() == VaultException.Reason.NO_SUCH_SECRET
                    ? ErrorKind.CREDENTIALS_REJECTED : ErrorKind.TRANSIENT;
            throw ProviderException.of(kind, e.userMessage())
                    .providerCode(CODE_PREFIX + e.reason().name().toLowerCase(java.util.Locale.ROOT))
                    .cause(e).build();
        }
    }
}
