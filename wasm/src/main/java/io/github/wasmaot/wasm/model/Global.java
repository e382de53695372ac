package io.github.wasmaot.wasm.model;

/** A global defined by the module. */
public record Global(GlobalType type, ConstantExpression init, int offset) {
}
