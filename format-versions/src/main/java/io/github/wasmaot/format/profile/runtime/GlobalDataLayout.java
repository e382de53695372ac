package io.github.wasmaot.format.profile.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each global lives in the module instance's global data, as both pinned runtimes compute
 * {@code data_offset} and wamrc's {@code aot_create_globals} lays them out: imported globals, then defined ones,
 * packed in order without padding, each as wide as {@code wasm_value_type_size} says: i32/f32 4, i64/f64 8, v128 16,
 * funcref/externref 4 (without GC; cba4c782 interpreter/wasm.h:473, WAMR-2.4.4 wasm.h:1261). The compiler that
 * addresses globals and the loader that fills them share this one layout.
 *
 * @param offsets byte offset of each global
 * @param size    bytes of global data
 */
public record GlobalDataLayout(List<Integer> offsets, int size) {
    public GlobalDataLayout {
        offsets = List.copyOf(offsets);
    }

    /** @param valueTypes the binary value-type codes of the imported globals, then of the defined ones */
    public static GlobalDataLayout of(List<Integer> valueTypes) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        for (int type : valueTypes) {
            offsets.add(at);
            at += width(type);
        }
        return new GlobalDataLayout(offsets, at);
    }

    public int offset(int globalIndex) {
        return offsets.get(globalIndex);
    }

    /** Bytes a global of binary value type {@code valueType} takes. */
    public static int width(int valueType) {
        return switch (valueType) {
            case 0x7F, 0x7D, 0x70, 0x6F -> 4;
            case 0x7E, 0x7C -> 8;
            case 0x7B -> 16;
            default -> throw new IllegalArgumentException("global of value type 0x" + Integer.toHexString(valueType));
        };
    }
}
