package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.profile.runtime.GlobalDataLayout;

/** Where a global of a live instance sits in its backend's memory, its Wasm value type code and mutability. */
public record GlobalSlot(long address, int valueType, boolean mutable) {
    /** Bytes the value occupies (see {@link GlobalDataLayout#width}). */
    public int width() {
        return GlobalDataLayout.width(valueType);
    }
}
