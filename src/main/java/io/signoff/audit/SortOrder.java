package io.signoff.audit;

/** Row order for pages and exports; sequence order is write order. */
public enum SortOrder {
    NEWEST_FIRST, OLDEST_FIRST
}
