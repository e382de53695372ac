package io.github.wasmaot.format.io;

import io.github.wasmaot.format.AotFormatException;

/**
 * Bounds-checked little-endian cursor over a window [start, end) of an image, in the style of aot_loader.c:
 * multi-byte reads align the absolute offset first (u64 to 4 bytes), every read checks the remaining bytes,
 * and a short buffer reports WAMR's {@code unexpect end}.
 */
public final class ByteReader {
    public static final String UNEXPECT_END = "unexpect end";

    private final byte[] data;
    private final String fileName;
    private final String section;
    private final int end;
    private int pos;

    private ByteReader(byte[] data, String fileName, String section, int start, int end) {
        this.data = data;
        this.fileName = fileName;
        this.section = section;
        this.pos = start;
        this.end = end;
    }

    public static ByteReader over(byte[] data, String fileName) {
        return new ByteReader(data, fileName, "header", 0, data.length);
    }

    /** A reader over {@code length} bytes from the current position, for one section body. */
    public ByteReader window(String sectionName, long length) throws AotFormatException {
        require(length);
        return new ByteReader(data, fileName, sectionName, pos, pos + (int) length);
    }

    public int position() {
        return pos;
    }

    public int end() {
        return end;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean atEnd() {
        return pos >= end;
    }

    public String section() {
        return section;
    }

    public String fileName() {
        return fileName;
    }

    public void skip(long n) throws AotFormatException {
        require(n);
        pos += (int) n;
    }

    /** Aligns the absolute offset to {@code n} (a power of two); the padding must lie inside the window. */
    public void align(int n) throws AotFormatException {
        int aligned = (pos + n - 1) & -n;
        if (aligned > end) {
            throw error(UNEXPECT_END, UNEXPECT_END);
        }
        pos = aligned;
    }

    public int u8() throws AotFormatException {
        require(1);
        return data[pos++] & 0xff;
    }

    public int u16() throws AotFormatException {
        align(2);
        require(2);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public long u32() throws AotFormatException {
        align(4);
        return u32Unaligned();
    }

    public long u32Unaligned() throws AotFormatException {
        require(4);
        long v = (data[pos] & 0xffL) | (data[pos + 1] & 0xffL) << 8 | (data[pos + 2] & 0xffL) << 16
                | (data[pos + 3] & 0xffL) << 24;
        pos += 4;
        return v;
    }

    /** u64, aligned to 4 bytes as WAMR does. */
    public long u64() throws AotFormatException {
        align(4);
        long lo = u32Unaligned();
        long hi = u32Unaligned();
        return lo | hi << 32;
    }

    public byte[] bytes(long n) throws AotFormatException {
        require(n);
        byte[] out = new byte[(int) n];
        System.arraycopy(data, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    /** WAMR string: u16 length (aligned to 2) then that many raw bytes. */
    public byte[] string() throws AotFormatException {
        int len = u16();
        return bytes(len);
    }

    /**
     * Checks a count read from the image against the bytes left, before anything is allocated for it.
     * @param minElementSize the smallest encoding of one element
     */
    public int count(long count, int minElementSize, String what) throws AotFormatException {
        if (count < 0 || count * Math.max(1, minElementSize) > remaining()) {
            throw error(what + " count " + count + " exceeds the " + remaining() + " bytes left", UNEXPECT_END);
        }
        return (int) count;
    }

    public void require(long n) throws AotFormatException {
        if (n < 0 || n > end - pos) {
            throw error("need " + n + " bytes, " + (end - pos) + " left", UNEXPECT_END);
        }
    }

    public AotFormatException error(String cause, String runtimeText) {
        return new AotFormatException(fileName, section, pos, cause, runtimeText);
    }

    public AotFormatException errorAt(int offset, String cause, String runtimeText) {
        return new AotFormatException(fileName, section, offset, cause, runtimeText);
    }
}
