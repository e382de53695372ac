package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * mmap/mprotect/munmap/madvise from the C library (Linux values of the flags). Direct-mapped (static native methods
 * bound by {@link Native#register}), not an interface JNA implements with a {@link java.lang.reflect.Proxy}: start-up
 * (issue #15) no longer generates a proxy class per interface, and a call no longer goes through the proxy's
 * reflective invocation handler. errno of the last call is {@link Native#getLastError()}, as before.
 */
final class LibC {
    static {
        Native.register(LibC.class, NativeLibrary.getInstance("c"));
    }

    static final int PROT_NONE = 0;
    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int PROT_EXEC = 4;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MAP_NORESERVE = 0x4000;
    /** Linux x86-64: place the mapping in the first 2 GiB. */
    static final int MAP_32BIT = 0x40;
    static final long MAP_FAILED = -1L;
    static final int MADV_HUGEPAGE = 14;

    private LibC() {
    }

    static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    static native int mprotect(Pointer addr, long length, int prot);

    static native int munmap(Pointer addr, long length);

    static native int madvise(Pointer addr, long length, int advice);
}
