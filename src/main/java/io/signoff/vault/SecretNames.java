package io.signoff.vault;

import io.signoff.model.ProviderKind;
import io.signoff.model.ProxySettings;
import java.util.List;

/** The names under which each kind of connection keeps its secrets in the vault. */
public final class SecretNames {
    public static final String CIPP_CLIENT_SECRET = "client-secret";
    public static final String SLACK_TOKEN = "token";
    public static final String CLOUDFLARE_API_TOKEN = "api-token";
    public static final String SCIM_BEARER_TOKEN = "bearer-token";

    private SecretNames() { }

    /** The credential the provider client authenticates with. */
    public static String credentialOf(ProviderKind kind) {
        return switch (kind) {
            case CIPP -> CIPP_CLIENT_SECRET;
            case SLACK -> SLACK_TOKEN;
            case CLOUDFLARE -> CLOUDFLARE_API_TOKEN;
            case SCIM -> SCIM_BEARER_TOKEN;
        };
    }

    /** Every secret a connection of this kind may have: what removing the connection deletes. */
    public static List<String> allOf(ProviderKind kind) {
        return List.of(credentialOf(kind), ProxySettings.PASSWORD_SECRET);
    }
}
