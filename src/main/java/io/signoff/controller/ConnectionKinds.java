package io.signoff.controller;

import static io.signoff.controller.ConnectionField.ACCOUNT_ID;
import static io.signoff.controller.ConnectionField.BASE_URL;
import static io.signoff.controller.ConnectionField.CALL_TIMEOUT;
import static io.signoff.controller.ConnectionField.CA_BUNDLE;
import static io.signoff.controller.ConnectionField.CLIENT_ID;
import static io.signoff.controller.ConnectionField.CONNECT_TIMEOUT;
import static io.signoff.controller.ConnectionField.LABEL;
import static io.signoff.controller.ConnectionField.NAME;
import static io.signoff.controller.ConnectionField.PROXY_HOST;
import static io.signoff.controller.ConnectionField.PROXY_PASSWORD;
import static io.signoff.controller.ConnectionField.PROXY_PORT;
import static io.signoff.controller.ConnectionField.PROXY_TYPE;
import static io.signoff.controller.ConnectionField.PROXY_USER;
import static io.signoff.controller.ConnectionField.RATE_BUDGET;
import static io.signoff.controller.ConnectionField.READ_TIMEOUT;
import static io.signoff.controller.ConnectionField.SECRET;
import static io.signoff.controller.ConnectionField.SKIP_TLS;
import static io.signoff.controller.ConnectionField.TENANT_ID;
import static io.signoff.controller.ConnectionField.TOKEN_URL;

import io.signoff.model.ProviderKind;
import java.util.ArrayList;
import java.util.List;

/** What the form asks for each kind of connection, and how it names it. The view builds its form from this. */
public final class ConnectionKinds {
    private ConnectionKinds() { }

    /** The fields shown up front, in order. */
    public static List<ConnectionField> mainFields(ProviderKind kind) {
        return switch (kind) {
            case CIPP -> List.of(NAME, BASE_URL, TENANT_ID, CLIENT_ID, SECRET, TOKEN_URL);
            case SLACK -> List.of(NAME, BASE_URL, SECRET);
            case CLOUDFLARE -> List.of(NAME, BASE_URL, ACCOUNT_ID, SECRET);
            case SCIM -> List.of(NAME, LABEL, BASE_URL, SECRET);
        };
    }

    /** The request options under "Advanced". */
    public static List<ConnectionField> advancedFields(ProviderKind kind) {
        List<ConnectionField> fields = new ArrayList<>(List.of(CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT,
                PROXY_TYPE, PROXY_HOST, PROXY_PORT, PROXY_USER, PROXY_PASSWORD, CA_BUNDLE, SKIP_TLS));
        if (hasRateBudget(kind)) fields.add(RATE_BUDGET);
        return List.copyOf(fields);
    }

    /** Providers that publish a per-token rate limit worth pacing below. CIPP has none of its own. */
    public static boolean hasRateBudget(ProviderKind kind) {
        return kind != ProviderKind.CIPP;
    }

    public static String defaultBaseUrl(ProviderKind kind) {
        return switch (kind) {
            case CIPP, SCIM -> "";
            case SLACK -> "https://slack.com/api";
            case CLOUDFLARE -> "https://api.cloudflare.com/client/v4";
        };
    }

    public static String label(ProviderKind kind, ConnectionField field) {
        return switch (field) {
            case NAME -> "Name";
            case BASE_URL -> switch (kind) {
                case CIPP -> "API URL";
                case SCIM -> "SCIM base URL";
                default -> "API base URL";
            };
            case TENANT_ID -> "Entra tenant id";
            case CLIENT_ID -> "Client id";
            case TOKEN_URL -> "Token URL override";
            case ACCOUNT_ID -> "Account id";
            case LABEL -> "App label";
            case SECRET -> switch (kind) {
                case CIPP -> "Client secret";
                case SLACK -> "Org token";
                case CLOUDFLARE -> "API token";
                case SCIM -> "Bearer token";
            };
            case CONNECT_TIMEOUT -> "Connect timeout (s)";
            case READ_TIMEOUT -> "Read timeout (s)";
            case CALL_TIMEOUT -> "Whole-call timeout (s)";
            case PROXY_TYPE -> "Proxy";
            case PROXY_HOST -> "Proxy host";
            case PROXY_PORT -> "Proxy port";
            case PROXY_USER -> "Proxy user";
            case PROXY_PASSWORD -> "Proxy password";
            case CA_BUNDLE -> "Extra CA bundle (PEM)";
            case SKIP_TLS -> "Skip TLS verification";
            case RATE_BUDGET -> "Rate budget (calls/min)";
        };
    }

    /** Placeholder text: an example or the default that applies when the field is left empty. */
    public static String prompt(ProviderKind kind, ConnectionField field) {
        return switch (field) {
            case NAME -> switch (kind) {
                case CIPP -> "e.g. Contoso MSP (CIPP)";
                case SLACK -> "e.g. Acme Slack";
                case CLOUDFLARE -> "e.g. Acme Zero Trust";
                case SCIM -> "e.g. Lucid";
            };
            case BASE_URL -> switch (kind) {
                case CIPP -> "https://<your-cipp-api>.azurewebsites.net";
                case SCIM -> "https://users.lucid.app/scim/v2";
                default -> defaultBaseUrl(kind);
            };
            case TENANT_ID, CLIENT_ID -> "00000000-0000-0000-0000-000000000000";
            case TOKEN_URL -> "optional; default https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token";
            case ACCOUNT_ID -> "32 hex characters, from the dashboard URL";
            case LABEL -> "e.g. Lucid";
            case SECRET -> switch (kind) {
                case SLACK -> "xoxp-…";
                case CLOUDFLARE -> "an API token (not the global API key)";
                default -> "";
            };
            case PROXY_USER -> "optional";
            case CA_BUNDLE -> "optional: a PEM file with a private or proxy CA";
            case RATE_BUDGET -> "0 = provider default";
            default -> "";
        };
    }

    /** One or two sentences on where the credentials come from and what they need. */
    public static String note(ProviderKind kind) {
        return switch (kind) {
            case CIPP -> "Create an API client in CIPP (Settings → Integrations → CIPP-API). It gives the Entra tenant "
                    + "id, client id and client secret; the API URL is your CIPP function app.";
            case SLACK -> "An org-installed user token of an Org Admin or Owner with admin.users:read, admin.users:write "
                    + "and users:read.email.";
            case CLOUDFLARE -> "Only API tokens are supported — the legacy global API key (X-Auth-Key) is not. The token "
                    + "needs Zero Trust Access read and edit permission on the account.";
            case SCIM -> "Any SCIM 2.0 app. The bearer token comes from the app's SCIM settings (Lucid: Admin → App "
                    + "Integration → SCIM, Enterprise accounts).";
        };
    }
}
