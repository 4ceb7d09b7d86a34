package io.signoff.audit;

/**
 * Spreadsheet formula neutralisation (OWASP "CSV Injection"): a cell that starts with = + - @, a tab or a carriage
 * return would be run as a formula by Excel or LibreOffice, so it gets a leading single quote and shows as text.
 */
public final class CsvCells {
    private CsvCells() { }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) return value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
