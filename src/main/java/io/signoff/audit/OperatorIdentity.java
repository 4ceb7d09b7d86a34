package io.signoff.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Who is acting and on which machine, so that every audit row says so.
 *
 * @param osUser       the OS account (user.name)
 * @param operatorName the name the operator set in preferences, or null
 * @param machine      the host name
 */
public record OperatorIdentity(String osUser, String operatorName, String machine) {

    /** The current OS user and machine, with the operator name from preferences (null or blank when not set). */
    public static OperatorIdentity current(String operatorName) {
        return new OperatorIdentity(System.getProperty("user.name", "unknown"), blankToNull(operatorName),
                machineName(System.getenv()));
    }

    /** "jdoe (Jane Helpdesk)", or just "jdoe" when no operator name is set. */
    public String display() {
        return operatorName == null ? osUser : osUser + " (" + operatorName + ")";
    }

    /** A builder for an event by this operator, on this machine, through {@code channel} ("ui" or "cli"). */
    public AuditEventBuilder event(String channel, String action) {
        return new AuditEventBuilder(action).operator(display()).machine(machine).channel(channel);
    }

    static String machineName(Map<String, String> env) {
        // The environment first: a reverse DNS lookup can hang for seconds on a badly configured network.
        for (String key : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) return value.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
