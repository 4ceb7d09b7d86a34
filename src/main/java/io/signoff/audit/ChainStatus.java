package io.signoff.audit;

/** What {@link SqliteAuditStore#verify()} found. */
public sealed interface ChainStatus {

    boolean ok();

    /** Every row links to the previous one and matches its hash. */
    record Intact(long rowCount, String headHash) implements ChainStatus {
        @Override
        public boolean ok() { return true; }
    }

    /**
     * The first row that does not match.
     *
     * @param sequence the sequence where verification stopped (the missing one for a gap)
     * @param reason   what does not match, in words for the operator
     */
    record Broken(long sequence, String reason) implements ChainStatus {
        @Override
        public boolean ok() { return false; }
    }
}
