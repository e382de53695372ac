package io.github.wasmaot.spec.iwasm;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128, the integer encoding of WebAssembly binaries. */
final class Leb128 {

    private Leb128() {
    }

    static void writeUnsigned(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    static byte[] unsigned(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUnsigned(out, value);
        return out.toByteArray();
    }

    /** The value at {@code pos[0]}; advances {@code pos[0]} past it. */
    static long readUnsigned(byte[] bytes, int[] pos) {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = bytes[pos[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }
}
