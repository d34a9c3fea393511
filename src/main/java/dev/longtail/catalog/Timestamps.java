package dev.longtail.catalog;

import java.time.Instant;

/** Reads the timestamps that uploads and feedback events carry. */
public final class Timestamps {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Timestamps() {
    }

    /**
     * Accepts epoch seconds (as MovieLens writes them), epoch milliseconds (13 digits) or ISO-8601.
     *
     * @throws java.time.format.DateTimeParseException when the text is none of these
     */
    public static Instant parse(String raw) {
        String text = raw.strip();
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            long number = Long.parseLong(text);
            return number >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
        }
        return Instant.parse(text);
    }
}
