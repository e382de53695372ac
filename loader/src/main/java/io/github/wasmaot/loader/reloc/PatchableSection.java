package io.github.wasmaot.loader.reloc;

/**
 * Bytes of one section (text, literal or an object data section) while relocations are applied, with the
 * address the section will have in the target address space.
 */
public record PatchableSection(String name, long address, byte[] bytes) {

    public boolean contains(long offset, int width) {
        return offset >= 0 && offset + width <= bytes.length;
    }

    public int getI32(long offset) {
        int o = (int) offset;
        return (bytes[o] & 0xff) | (bytes[o + 1] & 0xff) << 8 | (bytes[o + 2] & 0xff) << 16
                | (bytes[o + 3] & 0xff) << 24;
    }

    public long getI64(long offset) {
        return (getI32(offset) & 0xffffffffL) | ((long) getI32(offset + 4) << 32);
    }

    public void putI32(long offset, int value) {
        int o = (int) offset;
        for (int i = 0; i < 4; i++) {
            bytes[o + i] = (byte) (value >>> (8 * i));
        }
    }

    public void putI64(long offset, long value) {
        putI32(offset, (int) value);
        putI32(offset + 4, (int) (value >>> 32));
    }
}
