package io.signoff.audit;

import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit rows to show or export. Null fields do not filter.
 *
 * @param from inclusive
 * @param to   exclusive
 * @param text free text, matched case-insensitively inside target email, target user id, message and parameters
 */
public record AuditFilter(Instant from, Instant to, ProviderKind provider, String tenant, String operator,
                          String action, Outcome outcome, String text) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null, null);

    public AuditFilter {
        tenant = blankToNull(tenant);
        operator = blankToNull(operator);
        action = blankToNull(action);
        text = blankToNull(text);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the date range (" + to + ") is before its start (" + from + ")");
        }
    }

    public AuditFilter withRange(Instant newFrom, Instant newTo) {
        return new AuditFilter(newFrom, newTo, provider, tenant, operator, action, outcome, text);
    }

    public AuditFilter withProvider(ProviderKind value) {
        return new AuditFilter(from, to, value, tenant, operator, action, outcome, text);
    }

    public AuditFilter withTenant(String value) {
        return new AuditFilter(from, to, provider, value, operator, action, outcome, text);
    }

    public AuditFilter withOperator(String value) {
        return new AuditFilter(from, to, provider, tenant, value, action, outcome, text);
    }

    public AuditFilter withAction(String value) {
        return new AuditFilter(from, to, provider, tenant, operator, value, outcome, text);
    }

    public AuditFilter withOutcome(Outcome value) {
        return new AuditFilter(from, to, provider, tenant, operator, action, value, text);
    }

    public AuditFilter withText(String value) {
        return new AuditFilter(from, to, provider, tenant, operator, action, outcome, value);
    }

    /** The set fields only, by name, for the export manifest. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        if (from != null) out.put("from", from.toString());
        if (to != null) out.put("to", to.toString());
        if (provider != null) out.put("provider", provider.slug());
        if (tenant != null) out.put("tenant", tenant);
        if (operator != null) out.put("operator", operator);
        if (action != null) out.put("action", action);
        if (outcome != null) out.put("outcome", outcome.slug());
        if (text != null) out.put("text", text);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
