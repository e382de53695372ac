package io.github.wasmaot.spec;

/** An expected result of {@code assert_return}: an exact value or a NaN class. */
public sealed interface ExpectedValue {

    boolean matches(WasmValue actual);

    /** Bit-exact equality (references: same nullness and id). */
    record Exact(WasmValue value) implements ExpectedValue {
        @Override
        public boolean matches(WasmValue actual) {
            return value.equals(actual);
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** {@code nan:canonical}: any sign, payload exactly the top mantissa bit. */
    record CanonicalNan(boolean f64) implements ExpectedValue {
        @Override
        public boolean matches(WasmValue actual) {
            if (f64) {
                return actual instanceof WasmValue.F64 v
                        && (v.bits() & 0x7fffffffffffffffL) == 0x7ff8000000000000L;
            }
            return actual instanceof WasmValue.F32 v && (v.bits() & 0x7fffffff) == 0x7fc00000;
        }

        @Override
        public String toString() {
            return (f64 ? "f64" : "f32") + ":nan:canonical";
        }
    }

    /** {@code nan:arithmetic}: any sign, top mantissa bit set, any other payload. */
    record ArithmeticNan(boolean f64) implements ExpectedValue {
        @Override
        public boolean matches(WasmValue actual) {
            if (f64) {
                return actual instanceof WasmValue.F64 v
                        && (v.bits() & 0x7ff8000000000000L) == 0x7ff8000000000000L;
            }
            return actual instanceof WasmValue.F32 v && (v.bits() & 0x7fc00000) == 0x7fc00000;
        }

        @Override
        public String toString() {
            return (f64 ? "f64" : "f32") + ":nan:arithmetic";
        }
    }

    static ExpectedValue parse(String type, String value) {
        boolean f64 = type.equals("f64");
        if (value.equals("nan:canonical")) {
            return new CanonicalNan(f64);
        }
        if (value.equals("nan:arithmetic")) {
            return new ArithmeticNan(f64);
        }
        return new Exact(WasmValue.parse(type, value));
    }
}
