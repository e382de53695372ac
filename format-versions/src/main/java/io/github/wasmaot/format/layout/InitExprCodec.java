package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.init.InitExpr;

/** Initializer expressions from AOT v5 on: u32 type tag, then a payload whose shape the tag decides. */
final class InitExprCodec {
    /** Bound on nested extended-const expressions, so hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 32;

    private InitExprCodec() {
    }

    static InitExpr read(ByteReader in) throws AotFormatException {
        return read(in, 0);
    }

    private static InitExpr read(ByteReader in, int depth) throws AotFormatException {
        int at = in.position();
        if (depth > MAX_DEPTH) {
            throw in.errorAt(at, "initializer nested deeper than " + MAX_DEPTH, null);
        }
        long tag = in.u32();
        int type = (int) tag;
        return switch (type) {
            case InitExpr.NONE -> new InitExpr.Empty(type);
            case InitExpr.I32_CONST, InitExpr.F32_CONST, InitExpr.GET_GLOBAL, InitExpr.FUNCREF_CONST,
                    InitExpr.REFNULL_CONST -> new InitExpr.Value32(type, in.u32());
            case InitExpr.I64_CONST, InitExpr.F64_CONST -> new InitExpr.Value64(type, in.u64());
            case InitExpr.V128_CONST -> new InitExpr.V128(type, in.bytes(16));
            case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> {
                InitExpr l = read(in, depth + 1);
                InitExpr r = read(in, depth + 1);
                yield new InitExpr.Binary(type, l, r);
            }
            default -> throw in.errorAt(at, "initializer type 0x" + Long.toHexString(tag)
                    + " is not one this reader supports (GC initializers are not)", "invalid init expr type.");
        };
    }

    static void write(InitExpr e, ByteSink out) {
        out.u32(e.type());
        if (e instanceof InitExpr.Value32 v) {
            out.u32(v.value());
        } else if (e instanceof InitExpr.Value64 v) {
            out.u64(v.value());
        } else if (e instanceof InitExpr.Slot64 v) {
            out.u64(v.value());
        } else if (e instanceof InitExpr.V128 v) {
            out.bytes(v.value());
        } else if (e instanceof InitExpr.Binary b) {
            write(b.left(), out);
            write(b.right(), out);
        }
    }

    /** The older fixed form: u32 type, then a u64 slot whatever the type (AOT v3 and v4 offsets). */
    static InitExpr readSlot(ByteReader in) throws AotFormatException {
        int type = (int) in.u32();
        return new InitExpr.Slot64(type, in.u64());
    }

    static void writeSlot(InitExpr e, ByteSink out) {
        out.u32(e.type());
        out.u64(e instanceof InitExpr.Slot64 s ? s.value()
                : e instanceof InitExpr.Value64 v ? v.value()
                : e instanceof InitExpr.Value32 v ? v.value() : 0);
    }
}
