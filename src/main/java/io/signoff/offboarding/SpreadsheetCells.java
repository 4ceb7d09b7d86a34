package io.signoff.offboarding;

/**
 * Spreadsheet formula neutralisation (OWASP "CSV Injection"): a cell starting with = + - @, a tab or a carriage return
 * would run as a formula in Excel or LibreOffice, so it gets a leading single quote. Same rule as the audit export.
 */
final class SpreadsheetCells {
    private SpreadsheetCells() { }

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) return value;
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
