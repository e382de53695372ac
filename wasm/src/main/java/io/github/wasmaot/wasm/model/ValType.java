package io.github.wasmaot.wasm.model;

/** A WebAssembly value type (numeric or reference; no v128: SIMD is not supported). */
public enum ValType {
    I32(0x7f, "i32"), I64(0x7e, "i64"), F32(0x7d, "f32"), F64(0x7c, "f64"),
    FUNCREF(0x70, "funcref"), EXTERNREF(0x6f, "externref");

    private final int code;
    private final String text;

    ValType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The binary encoding byte. */
    public int code() {
        return code;
    }

    public boolean isNumeric() {
        return this == I32 || this == I64 || this == F32 || this == F64;
    }

    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** The value type encoded by {@code code}, or null if it is none. */
    public static ValType fromCode(int code) {
        for (ValType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
