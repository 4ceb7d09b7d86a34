package io.signoff.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Values on the command line of the offboarding commands: a point in time and a duration. */
final class CliValues {
    private CliValues() { }

    /**
     * --schedule: an ISO-8601 date-time with an offset ({@code 2026-11-30T17:00:00+01:00}, {@code …Z}), or a local
     * date-time in this machine's time zone ({@code 2026-11-30T17:00} or {@code 2026-11-30 17:00}).
     */
    static final class DateTime implements ITypeConverter<Instant> {
        private final ZoneId zone;

        DateTime() {
            this(ZoneId.systemDefault());
        }

        DateTime(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant convert(String value) {
            String text = value.strip().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException withoutOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                } catch (DateTimeException e) {
                    throw new TypeConversionException("'" + value + "' is not a date and time: expected e.g."
                            + " 2026-11-30T17:00 (this machine's time zone) or 2026-11-30T17:00:00+01:00");
                }
            }
        }
    }

    /** --max-wait: {@code 90s}, {@code 15m}, {@code 2h}, or ISO-8601 ({@code PT15M}). */
    static final class Wait implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smh])");

        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(text);
            try {
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    return switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    };
                }
                Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (d.isNegative()) throw new TypeConversionException("'" + value + "' is negative");
                return d;
            } catch (DateTimeException | NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a duration: expected e.g. 90s, 15m, 2h or PT15M");
            }
        }
    }
}
