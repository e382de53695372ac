package io.github.wasmaot.compiler;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import java.util.Arrays;

/** Hand-encoded modules for cases no shared module covers. */
final class TinyModules {
    private TinyModules() {
    }

    /** The text section's body (literal and code) of {@code wasm} compiled with {@code options}. */
    static byte[] compiledText(byte[] wasm, CompileOptions options) throws AotFormatException {
        byte[] image = AotCompiler.compile(wasm, "m.wasm", options);
        AotImage parsed = AotReader.read(image, "m.aot");
        PlacedSection p = parsed.placed(SectionKind.TEXT).orElseThrow();
        return Arrays.copyOfRange(image, p.bodyOffset(), p.bodyOffset() + (int) p.size());
    }

    /** {@code (module (table 1 funcref) (func (result i32) table.size 0))}. */
    static byte[] tableSize() {
        return new byte[] {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
            0x03, 0x02, 0x01, 0x00,
            0x04, 0x04, 0x01, 0x70, 0x00, 0x01,
            0x0a, 0x07, 0x01, 0x05, 0x00, (byte) 0xfc, 0x10, 0x00, 0x0b};
    }

    /** {@code (module (memory 1) (func (param i32) local.get 0 i32.const 0 i32.const 1 memory.fill))}. */
    static byte[] memoryFill() {
        return new byte[] {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00,
            0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01,
            0x0a, 0x0d, 0x01, 0x0b, 0x00, 0x20, 0x00, 0x41, 0x00, 0x41, 0x01, (byte) 0xfc, 0x0b, 0x00, 0x0b};
    }

    /**
     * One function {@code (param i32) (result i32)} using every table and bulk-memory helper, with a table of 2
     * funcrefs, one page of memory, a funcref global set to {@code ref.null func}, a passive element segment
     * {@code (elem func 0)} and a passive data segment {@code "ab"}. The body: {@code table.grow 0} by the
     * parameter with null, then {@code memory.init 0}, {@code table.init 0 0}, {@code elem.drop 0},
     * {@code data.drop 0}, {@code table.fill 0}, {@code table.copy 0 0}; the grow result is returned.
     */
    static byte[] tableAndBulkHelpers() {
        return module(
                section(1, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f),
                section(3, 0x01, 0x00),
                section(4, 0x01, 0x70, 0x00, 0x02),
                section(5, 0x01, 0x00, 0x01),
                section(6, 0x01, 0x70, 0x00, 0xd0, 0x70, 0x0b),
                section(9, 0x01, 0x01, 0x00, 0x01, 0x00),
                section(12, 0x01),
                section(10, code(
                        0xd0, 0x70, 0x20, 0x00, 0xfc, 0x0f, 0x00,
                        0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfc, 0x08, 0x00, 0x00,
                        0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfc, 0x0c, 0x00, 0x00,
                        0xfc, 0x0d, 0x00,
                        0xfc, 0x09, 0x00,
                        0x41, 0x00, 0xd0, 0x70, 0x41, 0x01, 0xfc, 0x11, 0x00,
                        0x41, 0x00, 0x41, 0x00, 0x41, 0x01, 0xfc, 0x0e, 0x00, 0x00)),
                section(11, 0x01, 0x01, 0x02, 0x61, 0x62));
    }

    /**
     * Two tables, {@code (table 3 funcref) (table 5 externref)}, and {@code (func (param i32) (result i32))}
     * whose body is {@code local.get 0 table.get 1 ref.is_null}: reads the second table inline.
     */
    static byte[] secondTableGet() {
        return module(
                section(1, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f),
                section(3, 0x01, 0x00),
                section(4, 0x02, 0x70, 0x00, 0x03, 0x6f, 0x00, 0x05),
                section(10, code(0x20, 0x00, 0x25, 0x01, 0xd1)));
    }

    /**
     * {@code (import "m" "g" (global funcref)) (table 1 funcref) (elem (i32.const 0) funcref (global.get 0))}:
     * an element that reads a global, which the runtime cannot resolve without GC; the {@code global.get} is at
     * byte 0x20.
     */
    static byte[] elementReadingAGlobal() {
        return module(
                section(2, 0x01, 0x01, 0x6d, 0x01, 0x67, 0x03, 0x70, 0x00),
                section(4, 0x01, 0x70, 0x00, 0x01),
                section(9, 0x01, 0x04, 0x41, 0x00, 0x0b, 0x01, 0x23, 0x00, 0x0b));
    }

    /**
     * {@code (import "m" "f" (func (result i32 i32))) (func call 0 drop drop)}: a call to an import with two
     * results, which {@code aot_invoke_native} cannot return.
     */
    static byte[] callToImportWithTwoResults() {
        return module(
                section(1, 0x02, 0x60, 0x00, 0x02, 0x7f, 0x7f, 0x60, 0x00, 0x00),
                section(2, 0x01, 0x01, 0x6d, 0x01, 0x66, 0x00, 0x00),
                section(3, 0x01, 0x01),
                section(10, code(0x10, 0x00, 0x1a, 0x1a)));
    }

    /**
     * {@code (import "m" "f" (func (result i32))) (table 1 funcref) (elem (i32.const 0) func 0)
     * (func (result i32) i32.const 0 call_indirect (type 0))}: an indirect call that can reach an import.
     */
    static byte[] callIndirectReachingAnImport() {
        return module(
                section(1, 0x01, 0x60, 0x00, 0x01, 0x7f),
                section(2, 0x01, 0x01, 0x6d, 0x01, 0x66, 0x00, 0x00),
                section(3, 0x01, 0x00),
                section(4, 0x01, 0x70, 0x00, 0x01),
                section(9, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x01, 0x00),
                section(10, code(0x41, 0x00, 0x11, 0x00, 0x00)));
    }

    /** A code section of one function without locals: {@code body} then {@code end}. */
    private static int[] code(int... body) {
        int[] out = new int[body.length + 4];
        out[0] = 0x01;
        out[1] = body.length + 2;
        out[2] = 0x00;
        System.arraycopy(body, 0, out, 3, body.length);
        out[out.length - 1] = 0x0b;
        return out;
    }

    /** A section with a one-byte size (contents under 128 bytes). */
    private static int[] section(int id, int... contents) {
        if (contents.length >= 128) {
            throw new IllegalArgumentException("section too long for a one-byte size");
        }
        int[] out = new int[contents.length + 2];
        out[0] = id;
        out[1] = contents.length;
        System.arraycopy(contents, 0, out, 2, contents.length);
        return out;
    }

    private static byte[] module(int[]... sections) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        for (int[] section : sections) {
            for (int b : section) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    /**
     * {@code (module (func (param T) (result T) local.get 0 BODY...))} for {@code T} = i32 ({@code 0x7f}), f32
     * ({@code 0x7d}) or f64 ({@code 0x7c}); {@code body} is the code after {@code local.get 0}, without the final
     * {@code end}.
     */
    static byte[] unary(byte type, int... body) {
        return oneFunction(new int[] {0x01, 0x06, 0x01, 0x60, 0x01, type, 0x01, type, 0x03, 0x02, 0x01, 0x00},
                concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32) local.get 0 BODY...))}. */
    static byte[] withMemory(int... body) {
        return oneFunction(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32) (local i32) local.get 0 BODY...))}. */
    static byte[] withMemoryAndLocal(int... body) {
        return oneFunction(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, new int[] {0x01, 0x01, 0x7f}, concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32)))}. */
    static byte[] emptyWithMemory() {
        return oneFunction(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, new int[0]);
    }

    /** Header, {@code sections}, then a code section of one function without locals: {@code body end}. */
    private static byte[] oneFunction(int[] sections, int[] body) {
        return oneFunction(sections, new int[] {0x00}, body);
    }

    /** Header, {@code sections}, then a code section of one function: {@code locals body end}. */
    private static byte[] oneFunction(int[] sections, int[] locals, int[] body) {
        int[] contents = concat(locals, concat(body, new int[] {0x0b}));
        int[] function = concat(new int[] {contents.length}, contents);
        int[] code = concat(new int[] {0x0a, function.length + 1, 0x01}, function);
        int[] all = concat(sections, code);
        byte[] out = Arrays.copyOf(HEADER, HEADER.length + all.length);
        for (int i = 0; i < all.length; i++) {
            out[HEADER.length + i] = (byte) all[i];
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Byte offset of the first {@code op} in function 0 of {@code wasm}. */
    static int offsetOf(byte[] wasm, Opcode op) {
        return ModuleDecoder.decode(wasm).code().get(0).instructions().stream()
                .filter(i -> i.opcode() == op).mapToInt(Instruction::offset).findFirst().orElseThrow();
    }
}
