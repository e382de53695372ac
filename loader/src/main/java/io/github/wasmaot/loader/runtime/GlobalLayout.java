package io.github.wasmaot.loader.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Offsets of the globals in global data, imported ones first: packed in order, each as wide as its type (i32/f32 4,
 * i64/f64 8, v128 16, funcref/externref 4), as the loaders compute data_offset (observed in both profiles' code: an
 * i32 global at +0 and an i64 global at +4). References are 4 bytes without GC: {@code wasm_value_type_size} at
 * cba4c782 (interpreter/wasm.h:473) and {@code wasm_value_type_size_internal} at WAMR-2.4.4 (wasm.h:1261).
 */
record GlobalLayout(List<Integer> offsets, int size) {
    /** @param valueTypes the imported globals' value types, then the defined globals' */
    static GlobalLayout of(List<Integer> valueTypes) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        for (int type : valueTypes) {
            offsets.add(at);
            at += width(type);
        }
        return new GlobalLayout(offsets, at);
    }

    static int width(int valueType) {
        return switch (valueType) {
            case 0x7F, 0x7D, 0x70, 0x6F -> 4;
            case 0x7E, 0x7C -> 8;
            case 0x7B -> 16;
            default -> throw new IllegalArgumentException("global of value type 0x" + Integer.toHexString(valueType));
        };
    }
}
