package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The signal and thread functions of glibc that the fault traps and the call thread use: SignalTraps installs its
 * handlers on x86-64 Linux only; WasmCallThread reads its stack bounds wherever the native backend runs (on other
 * hosts only with {@code wasmaot.native.unsafe}), as it did through a JNA interface before. Direct-mapped, like
 * {@link LibC}, and kept apart from it because {@code pthread_getattr_np} and {@code __libc_current_sigrtmin} are
 * glibc's: binding them fails where the C library has no such symbols, and mapping memory must not depend on that.
 */
final class Glibc {
    static {
        Native.register(Glibc.class, NativeLibrary.getInstance("c"));
    }

    private Glibc() {
    }

    static native int sigaction(int sig, Pointer act, Pointer oldact);

    static native int sigaltstack(Pointer ss, Pointer oldss);

    static native long pthread_self();

    static native int pthread_kill(long thread, int sig);

    static native int __libc_current_sigrtmin();

    static native int pthread_getattr_np(long thread, Pointer attr);

    /** {@code stackaddr} and {@code stacksize}: 8 bytes each, written by the call. */
    static native int pthread_attr_getstack(Pointer attr, Pointer stackaddr, Pointer stacksize);

    static native int pthread_attr_destroy(Pointer attr);
}
