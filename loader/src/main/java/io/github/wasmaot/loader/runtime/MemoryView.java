package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.host.GuestMemory;

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

    private long address(long offset, long length) {
        check(offset, length);
        return memory.base() + offset;
    }

    @Override
    public byte[] read(long offset, int length) {
        return backend.read(address(offset, length), length);
    }

    @Override
    public void write(long offset, byte[] data) {
        backend.write(address(offset, data.length), data);
    }
}
