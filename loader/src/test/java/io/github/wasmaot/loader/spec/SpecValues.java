package io.github.wasmaot.loader.spec;

import io.github.wasmaot.spec.WasmValue;
import io.github.wasmaot.wasm.model.ValType;

/** Converts values between the spec harness (floats as bit patterns) and the loader's API. */
final class SpecValues {
    /** wamrc's null reference (both pinned runtimes, without GC). */
    private static final int NULL_REF = 0xFFFFFFFF;

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
        // references travel as i32 (wamrc without GC): a function index or an externref id, null as NULL_REF
        Long id = v instanceof WasmValue.ExternRef e ? e.id() : ((WasmValue.FuncRef) v).id();
        return new io.github.wasmaot.loader.WasmValue.I32(id == null ? NULL_REF : id.intValue());
    }

    /** A result or global of declared wasm type {@code type}: references come back as i32 at the ABI. */
    static WasmValue toSpec(io.github.wasmaot.loader.WasmValue v, ValType type) {
        if (type == ValType.FUNCREF || type == ValType.EXTERNREF) {
            int raw = (int) v.bits();
            Long id = raw == NULL_REF ? null : Integer.toUnsignedLong(raw);
            return type == ValType.FUNCREF ? new WasmValue.FuncRef(id) : new WasmValue.ExternRef(id);
        }
        return toSpec(v);
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
