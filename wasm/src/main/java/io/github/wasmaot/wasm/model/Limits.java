package io.github.wasmaot.wasm.model;

import java.util.OptionalLong;

/** Size limits of a table (elements) or memory (64 KiB pages); values are unsigned 32-bit. */
public record Limits(long min, OptionalLong max) {
}
