package io.signoff.audit;

import java.util.List;

/**
 * One page of rows. Pass {@code nextCursor} back to get the next page (keyset paging: no OFFSET, each page costs the
 * same however deep it is).
 *
 * @param nextCursor null when this is the last page
 */
public record AuditPage(List<AuditRecord> rows, Long nextCursor) {
    public AuditPage {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() { return nextCursor != null; }
}
