package io.github.wasmaot.loader.backend;

/** Guest code touched an address it may not (unmapped or protected): the emulator's guard-page signal. */
public final class MemoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long address;

    public MemoryFault(long address, String detail) {
        super("memory fault at 0x" + Long.toHexString(address) + ": " + detail);
        this.address = address;
    }

    public long address() {
        return address;
    }
}
