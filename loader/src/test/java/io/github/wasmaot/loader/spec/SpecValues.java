package io.github.wasmaot.loader.spec;

import io.github.wasmaot.spec.WasmValue;

/** Converts values between the spec harness (floats as bit patterns) and the loader's API. */
final class SpecValues {
    private SpecValues() {
    }

    static io.github.wasmaot.loader.WasmValue toLoader(WasmValue v) {
        if (v instanceof WasmValue.I32 i) {
            return new io.github.wasmaot.loader.WasmValue.I32(i.value());
        }
        if (v instanceof WasmValue.I64 l) {
            return new io.github.wasmaot.loader.WasmValue.I64(l.value());
        }
        if (v instanceof WasmValue.F32 f) {
            return io.github.wasmaot.loader.WasmValue.fromBits(io.github.wasmaot.loader.ValueType.F32,
                    f.bits() & 0xffffffffL);
        }
        if (v instanceof WasmValue.F64 d) {
            return io.github.wasmaot.loader.WasmValue.fromBits(io.github.wasmaot.loader.ValueType.F64, d.bits());
        }
        throw new UnsupportedOperationException("reference arguments are not supported by the loader yet");
    }

    static WasmValue toSpec(io.github.wasmaot.loader.WasmValue v) {
        return switch (v.type()) {
            case I32 -> new WasmValue.I32((int) v.bits());
            case I64 -> new WasmValue.I64(v.bits());
            case F32 -> new WasmValue.F32((int) v.bits());
            case F64 -> new WasmValue.F64(v.bits());
        };
    }
}
