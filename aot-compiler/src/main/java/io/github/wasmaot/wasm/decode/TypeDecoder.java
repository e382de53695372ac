package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.GlobalType;
import io.github.wasmaot.wasm.model.Limits;
import io.github.wasmaot.wasm.model.MemoryType;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Decodes the type grammar: value, reference, function, table, memory and global types, limits. */
final class TypeDecoder {

    static final int V128_CODE = 0x7b;

    private TypeDecoder() {
    }

    static ValType valueType(WasmReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null) {
            if (code == V128_CODE) {
                throw new UnsupportedFeatureException("SIMD", "value type v128", at);
            }
            throw new MalformedModuleException("malformed value type", at);
        }
        return t;
    }

    static ValType referenceType(WasmReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null || !t.isReference()) {
            throw new MalformedModuleException("malformed reference type", at);
        }
        return t;
    }

    static FuncType functionType(WasmReader r) {
        int at = r.position();
        int form = r.u8();
        if (form != 0x60) {
            throw new MalformedModuleException("malformed function type", at);
        }
        return new FuncType(valueTypes(r), valueTypes(r));
    }

    static List<ValType> valueTypes(WasmReader r) {
        int n = r.vectorLength();
        List<ValType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            types.add(valueType(r));
        }
        return types;
    }

    static Limits limits(WasmReader r, boolean memory) {
        int at = r.position();
        int flags = r.flagBit();
        if (memory && (flags == 2 || flags == 3)) {
            throw new UnsupportedFeatureException("threads", "integer too large", "shared memory", at);
        }
        if ((flags & ~1) != 0) {
            throw new MalformedModuleException("integer too large", at);
        }
        long min = r.u32();
        OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(r.u32()) : OptionalLong.empty();
        return new Limits(min, max);
    }

    static TableType tableType(WasmReader r) {
        ValType element = referenceType(r);
        return new TableType(element, limits(r, false));
    }

    static MemoryType memoryType(WasmReader r) {
        return new MemoryType(limits(r, true));
    }

    static GlobalType globalType(WasmReader r) {
        ValType t = valueType(r);
        int at = r.position();
        int mut = r.u8();
        if (mut > 1) {
            throw new MalformedModuleException("malformed mutability", at);
        }
        return new GlobalType(t, mut == 1);
    }
}
