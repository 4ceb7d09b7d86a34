package io.signoff.offboarding;

/**
 * A CSV row that did not become a target, with why.
 *
 * @param line the 1-based line number in the file
 * @param text the row as read (cells joined with commas), for the operator to recognise it
 */
public record RejectedRow(long line, String text, String reason) { }
