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
            throw unknownType(code, "malformed value type", at);
        }
        return t;
    }

    static ValType referenceType(WasmReader r) {
        int at = r.position();
        int code = r.u8();
        ValType t = ValType.fromCode(code);
        if (t == null || !t.isReference()) {
            throw unknownType(code, "malformed reference type", at);
        }
        return t;
    }

    /**
     * The error for a value or reference type code the decoder does not know: proposals' reference types are
     * named (typed function references, GC, exception handling); anything else is just {@code reason}.
     */
    static MalformedModuleException unknownType(int code, String reason, int at) {
        String what = String.format("reference type 0x%02x", code);
        return switch (code) {
            case 0x64 -> new UnsupportedFeatureException("function references", reason, "reference type (ref ...) (0x64)", at);
            case 0x63 -> new UnsupportedFeatureException("function references", reason,
                    "reference type (ref null ...) (0x63)", at);
            case 0x69 -> new UnsupportedFeatureException("exception handling", reason, "reference type exnref (0x69)", at);
            case 0x74 -> new UnsupportedFeatureException("exception handling", reason,
                    "reference type nullexnref (0x74)", at);
            case 0x6e, 0x6d, 0x6c, 0x6b, 0x6a, 0x71, 0x72, 0x73 -> new UnsupportedFeatureException("GC", reason,
                    what + " (" + GC_REFERENCE_NAMES.get(code) + ")", at);
            case 0x68 -> new UnsupportedFeatureException("stack switching", reason, what + " (contref)", at);
            case 0x75 -> new UnsupportedFeatureException("stack switching", reason, what + " (nullcontref)", at);
            default -> new MalformedModuleException(reason, at);
        };
    }

    private static final java.util.Map<Integer, String> GC_REFERENCE_NAMES = java.util.Map.of(0x6e, "anyref",
            0x6d, "eqref", 0x6c, "i31ref", 0x6b, "structref", 0x6a, "arrayref", 0x71, "nullref",
            0x72, "nullexternref", 0x73, "nullfuncref");

    static FuncType functionType(WasmReader r) {
        int at = r.position();
        int form = r.u8();
        if (form != 0x60) {
            String gc = switch (form) {
                case 0x5f -> "struct type (0x5f)";
                case 0x5e -> "array type (0x5e)";
                case 0x50 -> "subtype (0x50)";
                case 0x4f -> "final subtype (0x4f)";
                case 0x4e -> "recursive type group (0x4e)";
                default -> null;
            };
            if (gc != null) {
                throw new UnsupportedFeatureException("GC", "malformed function type", gc, at);
            }
            if (form == 0x5d) {
                throw new UnsupportedFeatureException("stack switching", "malformed function type",
                        "continuation type (0x5d)", at);
            }
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
        if (flags >= 4 && flags <= 7 && (memory || flags <= 5)) {
            throw new UnsupportedFeatureException("memory64", "integer too large", String.format("64-bit %s "
                    + "(limits flags 0x%02x)", memory ? (flags >= 6 ? "shared memory" : "memory") : "table", flags), at);
        }
        if (memory && flags >= 8 && flags <= 15) {
            throw new UnsupportedFeatureException("custom page sizes", "integer too large",
                    String.format("memory page size (limits flags 0x%02x)", flags), at);
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
