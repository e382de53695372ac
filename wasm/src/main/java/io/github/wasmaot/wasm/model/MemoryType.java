package io.github.wasmaot.wasm.model;

/** A linear memory; limits are in 64 KiB pages. */
public record MemoryType(Limits limits) {
}
