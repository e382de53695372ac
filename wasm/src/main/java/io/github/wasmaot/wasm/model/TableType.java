package io.github.wasmaot.wasm.model;

/** A table of references of {@code elementType}. */
public record TableType(ValType elementType, Limits limits) {
}
