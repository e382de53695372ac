package io.github.wasmaot.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which functions may move the memory: those that grow it, call an import, or call such a function. */
class MemoryEffectsTest {
    @Test
    void growsImportsAndTheirCallersMayMoveTheMemoryOthersDoNot() {
        // (import "m" "f" (func 0)) (memory 1)
        // 1: call 0 (import)   2: call 1   3: nop   4: call 3   5: memory.grow   6: call 5
        byte[] wasm = bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
                0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
                0x02, 0x07, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x00,
                0x03, 0x07, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                0x05, 0x03, 0x01, 0x00, 0x01,
                0x0a, 0x21, 0x06,
                0x04, 0x00, 0x10, 0x00, 0x0b,
                0x04, 0x00, 0x10, 0x01, 0x0b,
                0x03, 0x00, 0x01, 0x0b,
                0x04, 0x00, 0x10, 0x03, 0x0b,
                0x07, 0x00, 0x41, 0x00, 0x40, 0x00, 0x1a, 0x0b,
                0x04, 0x00, 0x10, 0x05, 0x0b);
        WasmModule module = ModuleDecoder.decode(wasm);
        MemoryEffects effects = MemoryEffects.of(module);
        List<Boolean> moves = IntStream.range(0, 6).mapToObj(effects::mayMoveMemory).toList();
        assertEquals(List.of(true, true, false, false, true, true), moves);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
