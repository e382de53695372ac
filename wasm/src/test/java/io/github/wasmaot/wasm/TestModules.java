package io.github.wasmaot.wasm;

import java.io.ByteArrayOutputStream;

/** Builds small module binaries for tests, byte by byte (sizes are computed, not hand-counted). */
public final class TestModules {

    public static final int TYPE = 1;
    public static final int IMPORT = 2;
    public static final int FUNCTION = 3;
    public static final int MEMORY = 5;
    public static final int GLOBAL = 6;
    public static final int EXPORT = 7;
    public static final int ELEMENT = 9;
    public static final int CODE = 10;
    public static final int DATA = 11;
    public static final int DATA_COUNT = 12;

    private TestModules() {
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] header() {
        return bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    }

    /** A section with its id and a one-byte size (tests keep sections under 128 bytes). */
    public static byte[] section(int id, byte[] content) {
        return concat(bytes(id, content.length), content);
    }

    public static byte[] section(int id, int... content) {
        return section(id, bytes(content));
    }

    public static byte[] module(byte[]... sections) {
        return concat(header(), concat(sections));
    }

    /** One function body entry for the code section: size, no locals, then {@code code}. */
    public static byte[] body(int... code) {
        return concat(bytes(code.length + 1, 0), bytes(code));
    }

    /**
     * A module with one function of type {@code [] -> results} whose body is {@code code}
     * (which must include the final {@code end}, 0x0b).
     */
    public static byte[] function(int[] results, int... code) {
        byte[] resultVec = new byte[results.length + 1];
        resultVec[0] = (byte) results.length;
        for (int i = 0; i < results.length; i++) {
            resultVec[i + 1] = (byte) results[i];
        }
        return module(
                section(TYPE, concat(bytes(1, 0x60, 0), resultVec)),
                section(FUNCTION, 1, 0),
                section(CODE, concat(bytes(1), body(code))));
    }

    /** Byte offset of the first instruction in a module built by {@link #function}. */
    public static int firstInstructionOffset(int[] results) {
        int typeSection = 2 + 3 + 1 + results.length;
        int functionSection = 4;
        return 8 + typeSection + functionSection + 2 + 1 + 2;
    }
}
