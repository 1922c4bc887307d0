package dev.trawl.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** How instants are stored: ISO-8601 UTC with exactly three fraction digits, so text order is time order. */
final class Timestamps {
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private Timestamps() {}

    /** Formats, or returns null for null. */
    static String format(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    /** Parses what {@link #format} wrote, or returns null for null. */
    static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
