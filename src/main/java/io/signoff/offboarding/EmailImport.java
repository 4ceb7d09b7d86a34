package io.signoff.offboarding;

import java.util.List;

/**
 * The result of reading people from a CSV file: the addresses to look up, and every row that was not used with the
 * reason. Nothing is dropped silently: a header row and blank rows are counted too.
 *
 * @param emails    distinct addresses, lower-cased, in file order
 * @param rejected  rows not used (not an address, several values, duplicate…)
 * @param headerRow true when the first row was a column title ("email") and was skipped for that reason
 * @param blankRows rows with nothing in them
 */
public record EmailImport(List<String> emails, List<RejectedRow> rejected, boolean headerRow, int blankRows) {
    public EmailImport {
        emails = List.copyOf(emails);
        rejected = List.copyOf(rejected);
    }
}
