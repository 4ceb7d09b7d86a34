package io.signoff.audit;

import io.signoff.model.AuditEvent;
import io.signoff.model.Outcome;
import io.signoff.model.ProviderKind;
import java.time.Instant;

/** A small trail with every awkward kind of cell: commas, quotes, line breaks, formulas, non-ASCII, nulls. */
final class CsvFixture {
    private CsvFixture() { }

    static void write(SqliteAuditStore store) {
        AuditEvent attempt = new AuditEventBuilder("revoke_all_sessions")
                .timestamp(Instant.parse("2026-11-02T08:15:30.123Z"))
                .operator("jdoe (Jane Helpdesk)").machine("helpdesk-1").channel("ui").connection("slack-grid")
                .provider(ProviderKind.SLACK).tenant("E0ACME").target("jane.doe@contoso.com", "U0001")
                .param("scope", "all").param("reason", "Leaver, HR ticket \"HD-1\"")
                .outcome(Outcome.ATTEMPTED)
                .build();
        long seq = store.append(attempt);
        store.appendOutcome(seq, AuditEventBuilder.from(attempt).timestamp(Instant.parse("2026-11-02T08:15:31Z"))
                .outcome(Outcome.SUCCEEDED).reference("req-7f3a").message("Revoked 3 sessions").build());
        store.append(new AuditEventBuilder("disable_sign_in")
                .timestamp(Instant.parse("2026-11-02T09:00:00Z"))
                .operator("asmith").machine("helpdesk-2").channel("cli").connection("cipp-main")
                .provider(ProviderKind.CIPP).tenant("=HYPERLINK(\"http://evil.example\",\"click\")")
                .target("+1-555-0100@contoso.com", "\tU2")
                .outcome(Outcome.FAILED).reference("@SUM(A1)").message("-2+3 went wrong")
                .run("run-1", "step-2")
                .build());
        store.append(new AuditEventBuilder("lucid_log_out_user")
                .timestamp(Instant.parse("2026-11-03T23:59:59.999Z"))
                .operator("asmith").machine("helpdesk-2").channel("ui")
                .target("zoë.müller@contoso.com", null)
                .param("evidence", "Called Lucid support; ticket 42")
                .outcome(Outcome.ATTESTED).message("\rline one\nline two")
                .build());
    }
}
