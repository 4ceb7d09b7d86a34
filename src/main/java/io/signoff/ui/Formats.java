package io.signoff.ui;

import io.signoff.model.AccountStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and states read in the console: local time with the zone, and "5 min ago" for recent activity. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private Formats() { }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "just now", "12 min ago", "3 h ago", "4 days ago", then the date. */
    public static String ago(Instant instant, Instant now) {
        if (instant == null) return "";
        Duration d = Duration.between(instant, now);
        if (d.isNegative()) return dateTime(instant);
        if (d.toMinutes() < 1) return "just now";
        if (d.toHours() < 1) return d.toMinutes() + " min ago";
        if (d.toDays() < 1) return d.toHours() + " h ago";
        if (d.toDays() < 30) return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
        return dateTime(instant);
    }

    public static String status(AccountStatus status) {
        return switch (status) {
            case ENABLED -> "Enabled";
            case DISABLED -> "Disabled";
            case DEACTIVATED -> "Deactivated";
            case DELETED -> "Deleted";
            case UNKNOWN -> "Unknown";
        };
    }
}
