package io.github.wasmaot.loader.runtime;

/** Where a global of a live instance sits in its backend's memory, and its Wasm value type code. */
public record GlobalSlot(long address, int valueType) {
    /** Bytes the value occupies (see {@link GlobalLayout#width}). */
    public int width() {
        return GlobalLayout.width(valueType);
    }
}
