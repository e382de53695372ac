package io.github.wasmaot.loader.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Offsets of the globals in global data, imported ones first: packed in order, each as wide as its type (i32/f32 4,
 * i64/f64 8, v128 16), as the loaders compute data_offset (observed in both profiles' code: an i32 global
 * at +0 and an i64 global at +4).
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
            case 0x7F, 0x7D -> 4;
            case 0x7E, 0x7C -> 8;
            case 0x7B -> 16;
            default -> 8; // references are pointer-sized on 64-bit targets
        };
    }
}
