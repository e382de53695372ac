package io.github.wasmaot.format.section.init;

public record Global(int valueType, int mutable, InitExpr init) {
}
