package io.github.wasmaot.wasm.model;

/** How an element segment is used. */
public sealed interface ElementMode {

    /** Available to {@code table.init} only. */
    record Passive() implements ElementMode {
    }

    /** Only declares function references for {@code ref.func}; dropped at instantiation. */
    record Declarative() implements ElementMode {
    }

    /** Copied into table {@code tableIndex} at {@code offset} during instantiation. */
    record Active(int tableIndex, ConstantExpression offset) implements ElementMode {
    }
}
