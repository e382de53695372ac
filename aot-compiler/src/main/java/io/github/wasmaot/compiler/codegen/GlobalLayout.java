package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.model.GlobalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each global lives in the module instance's global data: imported then defined globals, packed
 * without padding, 4 bytes for i32/f32 and 8 for i64/f64 (as wamrc's {@code aot_create_globals} lays them out).
 */
record GlobalLayout(List<Integer> offsets, int size) {
    GlobalLayout {
        offsets = List.copyOf(offsets);
    }

    static GlobalLayout of(List<GlobalType> globals) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        for (GlobalType g : globals) {
            offsets.add(at);
            at += switch (g.valType()) {
                case I64, F64 -> 8;
                default -> 4;
            };
        }
        return new GlobalLayout(offsets, at);
    }

    int offset(int globalIndex) {
        return offsets.get(globalIndex);
    }
}
