package io.github.wasmaot.compiler;

import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;

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

    /** Byte offset of the first {@code op} in function 0 of {@code wasm}. */
    static int offsetOf(byte[] wasm, Opcode op) {
        return ModuleDecoder.decode(wasm).code().get(0).instructions().stream()
                .filter(i -> i.opcode() == op).mapToInt(Instruction::offset).findFirst().orElseThrow();
    }
}
