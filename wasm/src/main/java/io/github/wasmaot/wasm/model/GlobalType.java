package io.github.wasmaot.wasm.model;

/** The type of a global variable. */
public record GlobalType(ValType valType, boolean mutable) {
}
