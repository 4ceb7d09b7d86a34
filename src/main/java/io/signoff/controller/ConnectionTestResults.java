package io.signoff.controller;

import io.signoff.model.ErrorKind;
import io.signoff.provider.ProviderException;
import io.signoff.vault.VaultSecretSource;

/** Turns a failed "test connection" into the precise headline and advice the form shows. */
final class ConnectionTestResults {
    private ConnectionTestResults() { }

    static ConnectionTestResult describe(ProviderException e) {
        String code = e.providerCode() == null ? "" : e.providerCode();
        String headline;
        String advice = e.kind().advice();
        if (code.startsWith(VaultSecretSource.CODE_PREFIX)) {
            headline = e.kind() == ErrorKind.CREDENTIALS_REJECTED ? "No secret stored" : "Keychain not available";
            advice = e.kind() == ErrorKind.CREDENTIALS_REJECTED
                    ? "Edit the connection and type the secret." : "Unlock or start the keychain, then test again.";
        } else {
            headline = switch (e.kind()) {
                case CREDENTIALS_REJECTED -> "Credentials rejected";
                case PERMISSION_MISSING -> "Missing permission";
                case RATE_LIMITED -> "Rate limited";
                case NOT_FOUND -> "Not found";
                case TRANSIENT -> switch (code) {
                    case "tls_failure" -> "TLS failure";
                    case "unreachable" -> "Unreachable";
                    case "timeout" -> "No answer in time";
                    default -> "Temporary failure";
                };
                default -> e.kind().summary();
            };
            if (code.equals("tls_failure")) {
                advice = "Check the server certificate; behind a TLS-inspecting proxy add its CA as an extra CA bundle "
                        + "under Advanced.";
            } else if (code.equals("unreachable") || code.equals("timeout")) {
                advice = "Check the URL, the network and the proxy settings under Advanced.";
            } else if (e.kind() == ErrorKind.NOT_FOUND) {
                advice = "Check the URL and, for Cloudflare, the account id.";
            }
        }
        String detail = e.getMessage();
        if (!code.isEmpty() && !code.startsWith(VaultSecretSource.CODE_PREFIX) && !detail.contains(code)) {
            detail = detail + " (" + code + ")";
        }
        return new ConnectionTestResult(false, headline, detail, advice, e.kind(), e.providerCode(), null);
    }
}
