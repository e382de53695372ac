package io.github.wasmaot.wasm.instruction;

import io.github.wasmaot.wasm.model.ValType;

/** The type annotation of {@code block}, {@code loop} and {@code if}. */
public sealed interface BlockType extends Immediate {

    /** {@code [] -> []}. */
    record Empty() implements BlockType {
    }

    /** {@code [] -> [type]}. */
    record Value(ValType type) implements BlockType {
    }

    /** The function type at {@code typeIndex} (multi-value). */
    record TypeIndex(int typeIndex) implements BlockType {
    }
}
