package io.signoff.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Dates on the command line: a UTC day ({@code 2026-11-02}) or an exact ISO-8601 instant
 * ({@code 2026-11-02T08:00:00Z}, {@code 2026-11-02T09:00:00+01:00}). A day given to --to includes the whole day.
 */
final class AuditDates {
    static final String EXPECTED = "expected yyyy-MM-dd (a UTC day, e.g. 2026-11-02) or an ISO-8601 instant "
            + "(e.g. 2026-11-02T08:00:00Z)";

    private AuditDates() { }

    /** @param endOfRange true for --to: a day means up to the end of that day (exclusive bound: next midnight) */
    static Instant parse(String text, boolean endOfRange) {
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a date: " + EXPECTED);
        }
    }

    /** --from: inclusive start. */
    static final class From implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) { return parse(value, false); }
    }

    /** --to: exclusive end; a day counts whole. */
    static final class To implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) { return parse(value, true); }
    }
}
