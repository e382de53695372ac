package io.github.wasmaot.loader.host;

/** A {@link GuestMemory} over a Java byte array (for testing host functions without an instance). */
public final class ByteArrayMemory implements GuestMemory {
    private final byte[] bytes;

    /** A view of {@code bytes} itself (writes land in the array). */
    public ByteArrayMemory(byte[] bytes) {
        this.bytes = bytes;
    }

    /** {@code pages} zero-filled Wasm pages (64 KiB each). */
    public static ByteArrayMemory ofPages(int pages) {
        return new ByteArrayMemory(new byte[pages << 16]);
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public byte[] read(long offset, int length) {
        check(offset, length);
        byte[] out = new byte[length];
        System.arraycopy(bytes, (int) offset, out, 0, length);
        return out;
    }

    @Override
    public void write(long offset, byte[] data) {
        check(offset, data.length);
        System.arraycopy(data, 0, bytes, (int) offset, data.length);
    }
}
