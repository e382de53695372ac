package io.github.wasmaot.format.summary;

/** One defined function: its wasm function index, type index, signature and text offset. */
public record FunctionSummary(long functionIndex, long typeIndex, String signature, long textOffset) {
}
