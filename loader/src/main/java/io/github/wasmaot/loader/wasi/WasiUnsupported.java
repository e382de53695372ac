package io.github.wasmaot.loader.wasi;

/**
 * The answer of every preview1 function the loader does not implement, so that a module importing it still
 * links and wasi-libc takes its error path: there are no files, directories or sockets besides stdio.
 * <ul>
 * <li>an fd argument that is not 0-2: EBADF (wasi-libc's preopen scan stops at the first EBADF of
 * fd_prestat_get, so this must not be ENOSYS);</li>
 * <li>stdio is no preopened directory (fd_prestat_*: EBADF), no directory (path_*, fd_readdir: ENOTDIR), no
 * socket (sock_*: ENOTSOCK), not seekable (fd_pread/fd_pwrite: ESPIPE);</li>
 * <li>anything else: ENOSYS.</li>
 * </ul>
 */
final class WasiUnsupported {
    private WasiUnsupported() {
    }

    static WasiFunction.Body errnoFor(String name, String nativeSignature) {
        int fdArg = fdArgument(name, nativeSignature);
        int onStdio = onStdio(name);
        if (fdArg < 0) {
            return (mem, a) -> WasiErrno.NOSYS;
        }
        return (mem, a) -> WasiStdio.isOpen((int) a[fdArg]) ? onStdio : WasiErrno.BADF;
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
        if (name.startsWith("fd_prestat_")) {
            return WasiErrno.BADF;
        }
        if (name.startsWith("path_") || name.equals("fd_readdir")) {
            return WasiErrno.NOTDIR;
        }
        if (name.startsWith("sock_")) {
            return WasiErrno.NOTSOCK;
        }
        if (name.equals("fd_pread") || name.equals("fd_pwrite")) {
            return WasiErrno.SPIPE;
        }
        return WasiErrno.NOSYS;
    }
}
