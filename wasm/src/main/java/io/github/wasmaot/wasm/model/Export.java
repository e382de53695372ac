package io.github.wasmaot.wasm.model;

/** One export; {@code offset} is where its entry starts in the binary. */
public record Export(String name, ExportDescriptor descriptor, int offset) {
}
