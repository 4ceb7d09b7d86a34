package io.signoff.offboarding;

import java.util.Objects;

/**
 * Who runs the offboarding, as the audit trail and journal record it.
 *
 * @param name    the OS user, plus the operator name from preferences when set ("jdoe (Jane Helpdesk)")
 * @param machine the host name
 */
public record Operator(String name, String machine) {
    public Operator {
        Objects.requireNonNull(name, "name");
        machine = machine == null ? "" : machine;
    }
}
