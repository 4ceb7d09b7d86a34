package io.signoff.controller;

import java.util.Objects;

/**
 * Who acts, as the audit trail records it.
 *
 * @param operator the OS user, plus the operator name from preferences when set ("jdoe (Jane Helpdesk)")
 * @param machine  the host name
 */
public record OperatorIdentity(String operator, String machine) {
    public OperatorIdentity {
        Objects.requireNonNull(operator, "operator");
        machine = machine == null ? "" : machine;
    }
}
