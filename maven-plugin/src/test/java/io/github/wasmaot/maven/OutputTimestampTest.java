package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {
    @Test
    void isoAndEpochSecondsAsMavenArchiversReadThem() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2025-12-31T22:00:00Z"), OutputTimestamp.parse("2026-01-01T00:00:00+02:00"));
        assertEquals(Instant.ofEpochSecond(1767225600L), OutputTimestamp.parse(" 1767225600 "));
    }

    @Test
    void unsetOrOneCharacterMeansNone() {
        assertNull(OutputTimestamp.parse(null));
        assertNull(OutputTimestamp.parse(""));
        assertNull(OutputTimestamp.parse("a"));
    }

    @Test
    void anythingElseIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputTimestamp.parse("yesterday"));
        assertEquals("project.build.outputTimestamp 'yesterday' is neither ISO-8601 with an offset"
                + " (2026-01-01T00:00:00Z) nor seconds since the epoch", e.getMessage());
    }
}
