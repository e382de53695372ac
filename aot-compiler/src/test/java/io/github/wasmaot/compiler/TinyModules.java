package io.github.wasmaot.compiler;

import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import java.util.Arrays;

/** Hand-encoded modules for cases no shared module covers. */
final class TinyModules {
    private TinyModules() {
    }

    /** {@code (module (table 1 funcref) (func (result i32) table.size 0))}: table.size is not supported yet. */
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

    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    /**
     * {@code (module (func (param T) (result T) local.get 0 BODY...))} for {@code T} = f32 ({@code 0x7d}) or f64
     * ({@code 0x7c}); {@code body} is the code after {@code local.get 0}, without the final {@code end}.
     */
    static byte[] unaryFloat(byte type, int... body) {
        return module(new int[] {0x01, 0x06, 0x01, 0x60, 0x01, type, 0x01, type, 0x03, 0x02, 0x01, 0x00},
                concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32) local.get 0 BODY...))}. */
    static byte[] withMemory(int... body) {
        return module(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32) (local i32) local.get 0 BODY...))}. */
    static byte[] withMemoryAndLocal(int... body) {
        return module(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, new int[] {0x01, 0x01, 0x7f}, concat(new int[] {0x20, 0x00}, body));
    }

    /** {@code (module (memory 1) (func (param i32)))}. */
    static byte[] emptyWithMemory() {
        return module(new int[] {0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x05, 0x03, 0x01, 0x00, 0x01}, new int[0]);
    }

    /** Header, {@code sections}, then a code section of one function without locals: {@code body end}. */
    private static byte[] module(int[] sections, int[] body) {
        return module(sections, new int[] {0x00}, body);
    }

    /** Header, {@code sections}, then a code section of one function: {@code locals body end}. */
    private static byte[] module(int[] sections, int[] locals, int[] body) {
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
