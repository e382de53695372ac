package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.format.profile.runtime.MemoryInstanceStruct;

/**
 * Linear memory 0: an 8 GiB reservation (what the 64-bit runtime maps so that out-of-bounds accesses of code
 * without software bounds checks hit guard pages), of which the current pages are accessible, plus the
 * AOTMemoryInstance fields that describe it.
 */
public final class LinearMemory {
    /** 8 GiB: os_mmap size for hardware bound checks on 64-bit targets (aot_runtime.c memory_instantiate). */
    static final long RESERVATION = 8L << 30;

    private final Backend backend;
    private final MemoryInstanceStruct layout;
    private final int moduleType;
    private final long base;
    private final long bytesPerPage;
    private final long maxPages;
    private final long heapOffset;
    private final long heapSize;
    private long curPages;

    LinearMemory(Backend backend, MemoryInstanceStruct layout, int moduleType, MemoryPlan plan) {
        this.backend = backend;
        this.layout = layout;
        this.moduleType = moduleType;
        this.bytesPerPage = plan.numBytesPerPage();
        this.maxPages = plan.maxPages();
        this.heapOffset = plan.heapOffset();
        this.heapSize = plan.heapSize();
        this.curPages = plan.initPages();
        this.base = backend.reserve(RESERVATION);
        if (dataSize() > 0) {
            backend.commit(base, dataSize(), Protection.READ_WRITE);
        }
        backend.memoryEnds(base, base + dataSize());
    }

    public long base() {
        return base;
    }

    public long dataSize() {
        return bytesPerPage * curPages;
    }

    public long pages() {
        return curPages;
    }

    /** Whether {@code address} lies in the reservation (an access there is a Wasm out-of-bounds access). */
    public boolean inReservation(long address) {
        return address >= base && address < base + RESERVATION;
    }

    public void write(long offset, byte[] data) {
        backend.write(base + offset, data);
    }

    /** aot_enlarge_memory: adds pages within the maximum; false when it cannot. */
    boolean grow(long incPages, long memoryInstance) {
        if (incPages == 0) {
            return true;
        }
        long total = curPages + incPages;
        if (total > maxPages || total * bytesPerPage > RESERVATION) {
            return false;
        }
        long oldSize = dataSize();
        curPages = total;
        backend.commit(base + oldSize, dataSize() - oldSize, Protection.READ_WRITE);
        backend.memoryEnds(base, base + dataSize());
        writeInstance(memoryInstance);
        return true;
    }

    /** Fills the AOTMemoryInstance fields in {@code struct} at {@code offset}. */
    void fill(StructImage struct, long offset) {
        struct.u32(offset + layout.moduleType(), moduleType);
        struct.u32(offset + layout.numBytesPerPage(), bytesPerPage);
        struct.u32(offset + layout.curPageCount(), curPages);
        struct.u32(offset + layout.maxPageCount(), maxPages);
        struct.uint(offset + layout.memoryDataSize(), layout.memoryDataSizeBytes(), dataSize());
        struct.u64(offset + layout.memoryData(), base);
        struct.u64(offset + layout.memoryDataEnd(), base + dataSize());
        struct.u64(offset + layout.heapData(), base + heapOffset);
        struct.u64(offset + layout.heapDataEnd(), base + heapOffset + heapSize);
        int[] widths = MemoryInstanceStruct.BOUND_CHECK_WIDTHS;
        for (int i = 0; i < widths.length; i++) {
            struct.u64(offset + layout.memBoundCheck1Byte() + 8L * i, dataSize() - widths[i]);
        }
    }

    /** Rewrites the memory instance struct at {@code address} in the backend. */
    void writeInstance(long address) {
        StructImage s = new StructImage(layout.size());
        byte[] current = backend.read(address, layout.size());
        System.arraycopy(current, 0, s.bytes(), 0, current.length);
        fill(s, 0);
        backend.write(address, s.bytes());
    }
}
