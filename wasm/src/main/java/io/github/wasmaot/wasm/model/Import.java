package io.github.wasmaot.wasm.model;

/** One import; {@code offset} is where its entry starts in the binary. */
public record Import(String module, String name, ImportDescriptor descriptor, int offset) {
}
