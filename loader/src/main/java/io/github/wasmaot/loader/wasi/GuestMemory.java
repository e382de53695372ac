package io.github.wasmaot.loader.wasi;

/** Linear memory as WASI functions see it: offsets, bounds-checked. */
public interface GuestMemory {
    /** Current size in bytes. */
    long size();

    byte[] read(long offset, int length);

    void write(long offset, byte[] data);

    default long readU32(long offset) {
        byte[] b = read(offset, 4);
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    default void writeU32(long offset, long value) {
        write(offset, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    default void writeU64(long offset, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        write(offset, b);
    }
}
