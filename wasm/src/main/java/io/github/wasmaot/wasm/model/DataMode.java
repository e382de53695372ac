package io.github.wasmaot.wasm.model;

/** How a data segment is used. */
public sealed interface DataMode {

    /** Available to {@code memory.init} only. */
    record Passive() implements DataMode {
    }

    /** Copied into memory {@code memoryIndex} at {@code offset} during instantiation. */
    record Active(int memoryIndex, ConstantExpression offset) implements DataMode {
    }
}
