package io.github.wasmaot.format.section;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A length-prefixed string exactly as stored (some WAMR versions store the trailing NUL, some do not).
 */
public record AotString(byte[] raw) {
    public AotString {
        raw = raw.clone();
    }

    public static AotString of(String text) {
        return new AotString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    public int length() {
        return raw.length;
    }

    /** The text up to the first NUL, as C code would see it. */
    public String text() {
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AotString s && Arrays.equals(raw, s.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return text();
    }
}
