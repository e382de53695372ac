package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.wasi.GuestMemory;

/** {@link GuestMemory} over a {@link LinearMemory}: offsets checked against the current size. */
final class MemoryView implements GuestMemory {
    private final Backend backend;
    private final LinearMemory memory;

    MemoryView(Backend backend, LinearMemory memory) {
        this.backend = backend;
        this.memory = memory;
    }

    @Override
    public long size() {
        return memory.dataSize();
    }

    private long check(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > memory.dataSize()) {
            throw new GuestMemoryFault(offset, length);
        }
        return memory.base() + offset;
    }

    @Override
    public byte[] read(long offset, int length) {
        return backend.read(check(offset, length), length);
    }

    @Override
    public void write(long offset, byte[] data) {
        backend.write(check(offset, data.length), data);
    }

    /** A host function touched memory outside linear memory: the runtime's "out of bounds memory access". */
    static final class GuestMemoryFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuestMemoryFault(long offset, long length) {
            super("linear memory access at " + offset + "+" + length + " out of bounds");
        }
    }
}
