package io.github.wasmaot.format.io;

import java.util.Arrays;

/** Little-endian output buffer that aligns on absolute offsets exactly as WAMR's emitter does. */
public final class ByteSink {
    private byte[] buf = new byte[256];
    private int size;

    public int position() {
        return size;
    }

    private void write(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
    }

    public ByteSink align(int n) {
        while ((size & (n - 1)) != 0) {
            write(0);
        }
        return this;
    }

    public ByteSink u8(int v) {
        write(v & 0xff);
        return this;
    }

    public ByteSink u16(int v) {
        align(2);
        write(v & 0xff);
        write((v >>> 8) & 0xff);
        return this;
    }

    public ByteSink u32(long v) {
        align(4);
        return u32Unaligned(v);
    }

    public ByteSink u32Unaligned(long v) {
        for (int i = 0; i < 4; i++) {
            write((int) (v >>> (8 * i)) & 0xff);
        }
        return this;
    }

    public ByteSink u64(long v) {
        align(4);
        u32Unaligned(v);
        return u32Unaligned(v >>> 32);
    }

    public ByteSink bytes(byte[] b) {
        if (size + b.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + b.length));
        }
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public ByteSink string(byte[] raw) {
        u16(raw.length);
        return bytes(raw);
    }

    /** Overwrites a u32 already written (used to patch section sizes). */
    public void patchU32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
