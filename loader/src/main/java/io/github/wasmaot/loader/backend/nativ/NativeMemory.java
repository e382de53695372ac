package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.wasmaot.loader.backend.Protection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Anonymous private mappings of this process; {@link #close()} unmaps every one still held. */
public final class NativeMemory implements AutoCloseable {
    private static final long PAGE = 4096;
    /** Transparent huge page size on x86-64 and aarch64 Linux (4 KiB base pages). */
    static final long HUGE_PAGE = 2L << 20;
    private final Map<Long, Long> mappings = new LinkedHashMap<>();

    public long pageSize() {
        return PAGE;
    }

    private static long round(long size) {
        return Math.max(PAGE, (size + PAGE - 1) & -PAGE);
    }

    private static int prot(Protection p) {
        return switch (p) {
            case NONE -> LibC.PROT_NONE;
            case READ -> LibC.PROT_READ;
            case READ_WRITE -> LibC.PROT_READ | LibC.PROT_WRITE;
            case READ_EXEC -> LibC.PROT_READ | LibC.PROT_EXEC;
            case READ_WRITE_EXEC -> LibC.PROT_READ | LibC.PROT_WRITE | LibC.PROT_EXEC;
        };
    }

    /** Maps zero-filled pages; {@code reserveOnly} maps them PROT_NONE without committing swap. */
    public long map(long size, Protection protection, boolean reserveOnly) {
        return map(size, protection, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | (reserveOnly ? LibC.MAP_NORESERVE : 0));
    }

    /**
     * Reserves {@code size} bytes (PROT_NONE, MAP_NORESERVE) starting on a 2 MiB boundary and asks the kernel for
     * transparent huge pages there (MADV_HUGEPAGE), as the real iwasm does for linear memory: WAMR 2.4.4's
     * {@code os_mmap} (core/shared/platform/common/posix/posix_memmap.c) maps one huge page more, unmaps the
     * unaligned head and tail and madvises the rest. With the kernel's default THP mode {@code madvise}, a guest
     * that walks megabytes of linear memory otherwise runs on 4 KiB pages and misses the TLB where iwasm does not
     * (sort of 2×16 MB: 1.05–1.3× iwasm's net time before this). A kernel without THP refuses the advice; the
     * reservation is used as it is.
     */
    public long reserveHugeAligned(long size) {
        long length = round(size);
        long raw = map(length + HUGE_PAGE, Protection.NONE, true);
        mappings.remove(raw);
        long start = (raw + HUGE_PAGE - 1) & -HUGE_PAGE;
        long head = start - raw;
        long tail = HUGE_PAGE - head;
        if (head > 0) {
            LibC.munmap(new Pointer(raw), head);
        }
        if (tail > 0) {
            LibC.munmap(new Pointer(start + length), tail);
        }
        mappings.put(start, length);
        long hugeEnd = (start + length) & -HUGE_PAGE;
        if (hugeEnd > start) {
            LibC.madvise(new Pointer(start), hugeEnd - start, LibC.MADV_HUGEPAGE);
        }
        return start;
    }

    /** Maps zero-filled pages in the low 2 GiB (MAP_32BIT; x86-64 Linux only). */
    public long mapLow(long size, Protection protection) {
        long address = map(size, protection, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | LibC.MAP_32BIT);
        if (address + round(size) > 0x8000_0000L) {
            throw new IllegalStateException("MAP_32BIT mapping above 2 GiB at 0x" + Long.toHexString(address));
        }
        return address;
    }

    private long map(long size, Protection protection, int flags) {
        long length = round(size);
        Pointer p = LibC.mmap(null, length, prot(protection), flags, -1, 0);
        long address = Pointer.nativeValue(p);
        if (p == null || address == LibC.MAP_FAILED) {
            throw new IllegalStateException("mmap of " + length + " bytes failed, errno " + Native.getLastError());
        }
        mappings.put(address, length);
        return address;
    }

    public void protect(long address, long size, Protection protection) {
        if (LibC.mprotect(new Pointer(address), round(size), prot(protection)) != 0) {
            throw new IllegalStateException("mprotect(0x" + Long.toHexString(address) + ") failed, errno "
                    + Native.getLastError());
        }
    }

    /** Whether {@code [address, address+length)} lies inside one mapping made here. */
    public boolean owns(long address, long length) {
        for (Map.Entry<Long, Long> m : mappings.entrySet()) {
            if (address >= m.getKey() && address + length <= m.getKey() + m.getValue()) {
                return true;
            }
        }
        return false;
    }

    public void write(long address, byte[] data) {
        requireOwned(address, data.length);
        new Pointer(address).write(0, data, 0, data.length);
    }

    public byte[] read(long address, int length) {
        requireOwned(address, length);
        return new Pointer(address).getByteArray(0, length);
    }

    private void requireOwned(long address, long length) {
        if (!owns(address, length)) {
            throw new IllegalArgumentException("0x" + Long.toHexString(address) + "+" + length
                    + " is outside the loader's mappings");
        }
    }

    @Override
    public void close() {
        for (Map.Entry<Long, Long> m : mappings.entrySet()) {
            LibC.munmap(new Pointer(m.getKey()), m.getValue());
        }
        mappings.clear();
    }
}
