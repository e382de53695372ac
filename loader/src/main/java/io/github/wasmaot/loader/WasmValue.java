package io.github.wasmaot.loader;

/** A typed Wasm value passed to or returned from an exported function. */
public sealed interface WasmValue {
    ValueType type();

    /** The raw bits, zero-extended to 64 (what an integer register or a float register holds). */
    long bits();

    record I32(int value) implements WasmValue {
        public ValueType type() {
            return ValueType.I32;
        }

        public long bits() {
            return value & 0xffffffffL;
        }
    }

    record I64(long value) implements WasmValue {
        public ValueType type() {
            return ValueType.I64;
        }

        public long bits() {
            return value;
        }
    }

    record F32(float value) implements WasmValue {
        public ValueType type() {
            return ValueType.F32;
        }

        public long bits() {
            return Float.floatToRawIntBits(value) & 0xffffffffL;
        }
    }

    record F64(double value) implements WasmValue {
        public ValueType type() {
            return ValueType.F64;
        }

        public long bits() {
            return Double.doubleToRawLongBits(value);
        }
    }

    static WasmValue i32(int v) {
        return new I32(v);
    }

    static WasmValue i64(long v) {
        return new I64(v);
    }

    static WasmValue f32(float v) {
        return new F32(v);
    }

    static WasmValue f64(double v) {
        return new F64(v);
    }

    /** Rebuilds a value of {@code type} from register bits. */
    static WasmValue fromBits(ValueType type, long bits) {
        return switch (type) {
            case I32 -> new I32((int) bits);
            case I64 -> new I64(bits);
            case F32 -> new F32(Float.intBitsToFloat((int) bits));
            case F64 -> new F64(Double.longBitsToDouble(bits));
        };
    }
}
