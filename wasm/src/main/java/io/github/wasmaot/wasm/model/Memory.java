package io.github.wasmaot.wasm.model;

/** A memory defined by the module; {@code offset} is where its entry starts in the binary. */
public record Memory(MemoryType type, int offset) {
}
