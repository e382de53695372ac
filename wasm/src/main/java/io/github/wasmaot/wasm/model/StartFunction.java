package io.github.wasmaot.wasm.model;

/** The start function's index and where the start section's content begins in the binary. */
public record StartFunction(int functionIndex, int offset) {
}
