package io.github.wasmaot.loader.host;

/**
 * A host function touched linear memory outside its current size. Escaping a host function it becomes the
 * runtime's trap "out of bounds memory access" (WAMR's EXCE_OUT_OF_BOUNDS_MEMORY_ACCESS text).
 */
public final class GuestMemoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final long length;

    public GuestMemoryFault(long offset, long length) {
        super("linear memory access at " + offset + "+" + length + " out of bounds");
        this.offset = offset;
        this.length = length;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }
}
