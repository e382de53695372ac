package io.github.wasmaot.loader.host;

import java.nio.charset.StandardCharsets;

/**
 * The caller's linear memory as host functions (user imports and WASI) see it: byte offsets, every access
 * bounds-checked against the current size. An access outside it throws {@link GuestMemoryFault}; a host
 * function that lets it escape makes the Wasm call trap with "out of bounds memory access" (WASI functions
 * answer EFAULT instead). Multi-byte values are little-endian, as in Wasm.
 */
public interface GuestMemory {
    /** Current size in bytes. */
    long size();

    /** Reads {@code length} bytes at {@code offset}. */
    byte[] read(long offset, int length);

    /** Writes {@code data} at {@code offset}. */
    void write(long offset, byte[] data);

    /** Whether {@code [offset, offset+length)} lies inside the memory. */
    default boolean inBounds(long offset, long length) {
        return offset >= 0 && length >= 0 && length <= size() && offset <= size() - length;
    }

    /** Throws {@link GuestMemoryFault} unless {@code [offset, offset+length)} lies inside the memory. */
    default void check(long offset, long length) {
        if (!inBounds(offset, length)) {
            throw new GuestMemoryFault(offset, length);
        }
    }

    /** Reads {@code length} bytes, {@code length} given as an unsigned Wasm length (e.g. a u32 argument). */
    default byte[] readBytes(long offset, long length) {
        check(offset, length);
        if (length > Integer.MAX_VALUE - 8) {
            throw new GuestMemoryFault(offset, length);
        }
        return read(offset, (int) length);
    }

    /** UTF-8 text of {@code length} bytes at {@code offset} (malformed input replaced, never rejected). */
    default String readString(long offset, long length) {
        return new String(readBytes(offset, length), StandardCharsets.UTF_8);
    }

    default int readU8(long offset) {
        return read(offset, 1)[0] & 0xff;
    }

    default long readU32(long offset) {
        return readI32(offset) & 0xffffffffL;
    }

    default int readI32(long offset) {
        byte[] b = read(offset, 4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    default long readI64(long offset) {
        byte[] b = read(offset, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xffL);
        }
        return v;
    }

    /** Same bits as {@link #readI64}; named for unsigned 64-bit fields. */
    default long readU64(long offset) {
        return readI64(offset);
    }

    default float readF32(long offset) {
        return Float.intBitsToFloat(readI32(offset));
    }

    default double readF64(long offset) {
        return Double.longBitsToDouble(readI64(offset));
    }

    default void writeU8(long offset, int value) {
        write(offset, new byte[] {(byte) value});
    }

    /** Writes the low 32 bits of {@code value}. */
    default void writeU32(long offset, long value) {
        write(offset, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
    }

    default void writeI32(long offset, int value) {
        writeU32(offset, value);
    }

    default void writeI64(long offset, long value) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        write(offset, b);
    }

    default void writeU64(long offset, long value) {
        writeI64(offset, value);
    }

    default void writeF32(long offset, float value) {
        writeU32(offset, Float.floatToRawIntBits(value));
    }

    default void writeF64(long offset, double value) {
        writeI64(offset, Double.doubleToRawLongBits(value));
    }

    /** A memory of size 0 (for modules without a linear memory): every access faults. */
    static GuestMemory none() {
        return new ByteArrayMemory(new byte[0]);
    }
}
