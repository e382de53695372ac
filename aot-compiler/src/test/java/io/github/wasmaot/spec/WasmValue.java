package io.github.wasmaot.spec;

/**
 * A WebAssembly value crossing the harness/executor boundary. Floats are kept as IEEE-754 bit
 * patterns so NaN payloads and signed zeros compare exactly. References carry an opaque id;
 * {@code null} id means the null reference.
 */
public sealed interface WasmValue {

    record I32(int value) implements WasmValue {
        @Override
        public String toString() {
            return "i32:" + Integer.toUnsignedString(value);
        }
    }

    record I64(long value) implements WasmValue {
        @Override
        public String toString() {
            return "i64:" + Long.toUnsignedString(value);
        }
    }

    record F32(int bits) implements WasmValue {
        @Override
        public String toString() {
            return "f32:" + Float.intBitsToFloat(bits) + String.format("(0x%08x)", bits);
        }
    }

    record F64(long bits) implements WasmValue {
        @Override
        public String toString() {
            return "f64:" + Double.longBitsToDouble(bits) + String.format("(0x%016x)", bits);
        }
    }

    /** A function reference; {@code id} is executor-defined, null for {@code ref.null func}. */
    record FuncRef(Long id) implements WasmValue {
        public boolean isNull() {
            return id == null;
        }
    }

    /** A host reference; {@code id} is the spec test's host-reference number, null for {@code ref.null extern}. */
    record ExternRef(Long id) implements WasmValue {
        public boolean isNull() {
            return id == null;
        }
    }

    /** Parses a wast2json value: {@code type} and its string {@code value} (unsigned decimal bits or "null"). */
    static WasmValue parse(String type, String value) {
        return switch (type) {
            case "i32" -> new I32(Integer.parseUnsignedInt(value));
            case "i64" -> new I64(Long.parseUnsignedLong(value));
            case "f32" -> new F32(Integer.parseUnsignedInt(value));
            case "f64" -> new F64(Long.parseUnsignedLong(value));
            case "funcref" -> new FuncRef(value.equals("null") ? null : Long.parseLong(value));
            case "externref" -> new ExternRef(value.equals("null") ? null : Long.parseLong(value));
            default -> throw new IllegalArgumentException("unsupported value type " + type);
        };
    }
}
