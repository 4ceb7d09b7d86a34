package io.signoff.controller;

import io.signoff.model.ConnectionCheck;
import io.signoff.model.ErrorKind;

/**
 * The answer of "Test": who the credentials are, or exactly what is wrong.
 *
 * @param headline     one line: "Connected as …", "Credentials rejected", "Missing permission", "Unreachable",
 *                     "TLS failure"…
 * @param detail       the provider's (redacted) message or the permissions found
 * @param advice       what to do next; empty on success
 * @param errorKind    null on success
 * @param providerCode the provider's own code (e.g. Slack "missing_scope", "tls_failure"), or null
 * @param check        the provider's answer on success, else null
 */
public record ConnectionTestResult(boolean success, String headline, String detail, String advice,
                                   ErrorKind errorKind, String providerCode, ConnectionCheck check) {
}
