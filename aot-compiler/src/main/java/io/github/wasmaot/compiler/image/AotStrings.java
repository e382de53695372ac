package io.github.wasmaot.compiler.image;

import io.github.wasmaot.format.section.AotString;
import java.nio.charset.StandardCharsets;

/** Stores strings the way the profile's wamrc does: with or without the trailing NUL counted. */
record AotStrings(boolean includeNul) {
    AotString of(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (!includeNul) {
            return new AotString(utf8);
        }
        byte[] raw = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, raw, 0, utf8.length);
        return new AotString(raw);
    }
}
