package io.github.wasmaot.wasm.model;

import java.util.List;

/**
 * An element segment. Function-index encoded segments are represented as {@code ref.func}
 * expressions, so {@code init} is uniform.
 */
public record ElementSegment(ValType type, List<ConstantExpression> init, ElementMode mode, int offset) {
    public ElementSegment {
        init = List.copyOf(init);
    }
}
