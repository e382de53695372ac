package io.github.wasmaot.wasm.model;

/** {@code count} locals of type {@code type}, as encoded (counts are kept compressed). */
public record LocalGroup(long count, ValType type) {
}
