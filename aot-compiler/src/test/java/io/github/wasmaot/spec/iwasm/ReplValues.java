package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.WasmValue;
import io.github.wasmaot.wasm.model.ValType;

/**
 * Converts between spec values and iwasm's REPL text. Numbers are typed in hex (parsed with
 * {@code strtoul(.., 0)}); f32/f64 only ever cross as i32/i64 bit patterns through probes. Host
 * references (externref id N) are passed as the host pointer {@code N + EXTERN_BIAS}, because
 * iwasm 2.4 takes pointer 0 (and legacy iwasm prints it as {@code (nil)}) for null.
 */
final class ReplValues {

    static final long EXTERN_BIAS = 0x10000;

    private ReplValues() {
    }

    /** The REPL argument text for {@code value}. */
    static String format(WasmValue value) {
        if (value instanceof WasmValue.I32 v) {
            return "0x" + Integer.toHexString(v.value());
        }
        if (value instanceof WasmValue.I64 v) {
            return "0x" + Long.toHexString(v.value());
        }
        if (value instanceof WasmValue.F32 v) {
            return "0x" + Integer.toHexString(v.bits());
        }
        if (value instanceof WasmValue.F64 v) {
            return "0x" + Long.toHexString(v.bits());
        }
        if (value instanceof WasmValue.ExternRef r) {
            return r.isNull() ? "null" : "0x" + Long.toHexString(r.id() + EXTERN_BIAS);
        }
        WasmValue.FuncRef r = (WasmValue.FuncRef) value;
        if (!r.isNull()) {
            throw new UnsupportedOperationException("a non-null funcref argument cannot be typed on iwasm's REPL");
        }
        return "null";
    }

    /** The spec value of a printed result whose export result type is {@code type}. */
    static WasmValue decode(ReplReply.PrintedValue printed, ValType type) {
        String tag = printed.tag();
        String text = printed.text();
        return switch (type) {
            case I32 -> new WasmValue.I32((int) hex(expect(printed, "i32")));
            case I64 -> new WasmValue.I64(hex(expect(printed, "i64")));
            case F32 -> new WasmValue.F32((int) hex(expect(printed, "i32")));
            case F64 -> new WasmValue.F64(hex(expect(printed, "i64")));
            case FUNCREF -> tag.equals("ref.null") && text.equals("func") ? new WasmValue.FuncRef(null)
                    : new WasmValue.FuncRef(Long.parseLong(expect(printed, "ref.func")));
            case EXTERNREF -> tag.equals("ref.null") && text.equals("extern") ? new WasmValue.ExternRef(null)
                    : new WasmValue.ExternRef(hex(expect(printed, "ref.extern")) - EXTERN_BIAS);
        };
    }

    private static String expect(ReplReply.PrintedValue printed, String tag) {
        if (!printed.tag().equals(tag)) {
            throw new IllegalStateException("expected a " + tag + " result, iwasm printed "
                    + printed.text() + ":" + printed.tag());
        }
        return printed.text();
    }

    private static long hex(String text) {
        if (!text.startsWith("0x")) {
            throw new IllegalStateException("expected a hex number, iwasm printed " + text);
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }
}
