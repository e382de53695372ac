package io.github.wasmaot.loader;

import java.util.Optional;

/** The Wasm number types the loader can pass and return, with their binary type codes. */
public enum ValueType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C);

    private final int code;

    ValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isFloat() {
        return this == F32 || this == F64;
    }

    public static Optional<ValueType> ofCode(int code) {
        for (ValueType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
