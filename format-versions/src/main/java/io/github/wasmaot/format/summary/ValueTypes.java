package io.github.wasmaot.format.summary;

import io.github.wasmaot.format.section.init.FuncType;

/** Wasm value-type bytes as text, for signatures in summaries. */
final class ValueTypes {
    private ValueTypes() {
    }

    static String name(int b) {
        return switch (b & 0xff) {
            case 0x7F -> "i32";
            case 0x7E -> "i64";
            case 0x7D -> "f32";
            case 0x7C -> "f64";
            case 0x7B -> "v128";
            case 0x70 -> "funcref";
            case 0x6F -> "externref";
            default -> "0x" + Integer.toHexString(b & 0xff);
        };
    }

    static String signature(FuncType t) {
        byte[] types = t.types();
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < t.paramCount() && i < types.length; i++) {
            sb.append(i == 0 ? "" : " ").append(name(types[i]));
        }
        sb.append(") -> (");
        for (int i = 0; i < t.resultCount() && t.paramCount() + i < types.length; i++) {
            sb.append(i == 0 ? "" : " ").append(name(types[(int) t.paramCount() + i]));
        }
        return sb.append(")").toString();
    }
}
