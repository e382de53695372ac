package io.github.wasmaot.loader.runtime;

/** Where a global of a live instance sits in its backend's memory, its Wasm value type code and mutability. */
public record GlobalSlot(long address, int valueType, boolean mutable) {
    /** Bytes the value occupies (see {@link GlobalLayout#width}). */
    public int width() {
        return GlobalLayout.width(valueType);
    }
}
