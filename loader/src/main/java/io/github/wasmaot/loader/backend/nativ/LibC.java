package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** mmap/mprotect/munmap/madvise from the C library (Linux values of the flags). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int PROT_NONE = 0;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int PROT_EXEC = 4;
    int MAP_PRIVATE = 0x02;
    int MAP_ANONYMOUS = 0x20;
    int MAP_NORESERVE = 0x4000;
    /** Linux x86-64: place the mapping in the first 2 GiB. */
    int MAP_32BIT = 0x40;
    long MAP_FAILED = -1L;
    int MADV_HUGEPAGE = 14;

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    int mprotect(Pointer addr, long length, int prot);

    int munmap(Pointer addr, long length);

    int madvise(Pointer addr, long length, int advice);
}
