package io.github.wasmaot.wasm.model;

/** A table defined by the module; {@code offset} is where its entry starts in the binary. */
public record Table(TableType type, int offset) {
}
