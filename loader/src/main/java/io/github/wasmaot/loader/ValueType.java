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

    /**
     * The type a value of wasm type {@code code} has at the AOT ABI: the number types themselves, and
     * {@code funcref} (0x70) / {@code externref} (0x6F) as {@link #I32}, because wamrc without GC passes references
     * as i32 (a function index, or the runtime's externref index; null is {@code NULL_REF} 0xFFFFFFFF).
     */
    public static Optional<ValueType> ofAbiCode(int code) {
        return code == 0x70 || code == 0x6F ? Optional.of(I32) : ofCode(code);
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
