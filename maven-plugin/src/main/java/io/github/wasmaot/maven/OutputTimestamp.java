package io.github.wasmaot.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code project.build.outputTimestamp} as Maven's archivers read it: ISO-8601 with an offset
 * ({@code 2026-01-01T00:00:00Z}) or seconds since the epoch; unset or a single character means "none".
 */
final class OutputTimestamp {
    private OutputTimestamp() {
    }

    /** The instant, or null when the build sets none. */
    static Instant parse(String value) {
        if (value == null || value.trim().length() < 2) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("project.build.outputTimestamp '" + value + "' is neither ISO-8601"
                    + " with an offset (2026-01-01T00:00:00Z) nor seconds since the epoch", e);
        }
    }
}
