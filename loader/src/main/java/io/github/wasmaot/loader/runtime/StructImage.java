package io.github.wasmaot.loader.runtime;

/** The bytes of a runtime struct being built in Java before it is written to the backend (little-endian). */
final class StructImage {
    private final byte[] bytes;

    StructImage(int size) {
        this.bytes = new byte[size];
    }

    void u8(long offset, int value) {
        bytes[(int) offset] = (byte) value;
    }

    void u32(long offset, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[(int) offset + i] = (byte) (value >>> (8 * i));
        }
    }

    void u64(long offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[(int) offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Writes {@code value} as a {@code width}-byte little-endian integer (4 or 8). */
    void uint(long offset, int width, long value) {
        if (width == 8) {
            u64(offset, value);
        } else {
            u32(offset, value);
        }
    }

    byte[] bytes() {
        return bytes;
    }
}
