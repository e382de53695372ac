package io.github.wasmaot.loader.wasi;

import java.util.function.LongPredicate;

/**
 * The answer of every preview1 function the loader does not implement (sockets, proc_raise), so that a module
 * importing it still links and wasi-libc takes its error path.
 * An fd argument that is not open: EBADF; an open fd is no socket (sock_*: ENOTSOCK); anything else: ENOSYS.
 */
final class WasiUnsupported {
    // sockets: iwasm opens none unless given --addr-pool, which the loader does not offer
    private WasiUnsupported() {
    }

    static WasiFunction.Body errnoFor(String name, String nativeSignature, LongPredicate isOpen) {
        int fdArg = fdArgument(name, nativeSignature);
        int onStdio = onStdio(name);
        if (fdArg < 0) {
            return (mem, a) -> WasiErrno.NOSYS;
        }
        return (mem, a) -> isOpen.test(a[fdArg]) ? onStdio : WasiErrno.BADF;
    }

    /** Index of the fd argument, -1 when the function takes none. */
    private static int fdArgument(String name, String nativeSignature) {
        if (name.equals("path_symlink")) {
            return 2; // (old_path, old_path_len, fd, new_path, new_path_len)
        }
        boolean fdFirst = nativeSignature.startsWith("(i");
        boolean fdFunction = name.startsWith("fd_") || name.startsWith("path_")
                || (name.startsWith("sock_") && !name.equals("sock_addr_resolve") && !name.equals("sock_open"));
        return fdFirst && fdFunction ? 0 : -1;
    }

    private static int onStdio(String name) {
        return name.startsWith("sock_") ? WasiErrno.NOTSOCK : WasiErrno.NOSYS;
    }
}
