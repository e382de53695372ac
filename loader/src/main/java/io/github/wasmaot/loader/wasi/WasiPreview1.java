package io.github.wasmaot.loader.wasi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The wasi_snapshot_preview1 functions the loader serves: args, fd_write/fd_fdstat_get/fd_seek/fd_close on
 * stdin/stdout/stderr, proc_exit. Signatures are WAMR's (WAMR-2.4.4
 * core/iwasm/libraries/libc-wasi/libc_wasi_wrapper.c:2311-2351). proc_exit works as WAMR's wrapper does: it
 * records the code and sets the instance exception "wasi proc exit", which the caller treats as an exit.
 */
public final class WasiPreview1 {
    public static final String MODULE = "wasi_snapshot_preview1";
    public static final String PROC_EXIT_EXCEPTION = "wasi proc exit";

    private static final int ESUCCESS = 0;
    private static final int EBADF = 8;
    private static final int EIO = 29;
    private static final int ESPIPE = 70;
    private static final int FILETYPE_CHARACTER_DEVICE = 2;
    /** fd_read | fd_fdstat_set_flags | fd_write | poll_fd_readwrite: no seek/tell, so libc sees a tty. */
    private static final long STDIO_RIGHTS = (1L << 1) | (1L << 3) | (1L << 6) | (1L << 27);

    /** Sets the module instance's exception text (without the "Exception: " prefix). */
    @FunctionalInterface
    public interface ExceptionSink {
        void set(String text);
    }

    private final WasiConfig config;
    private final ExceptionSink exception;
    private final Map<String, WasiFunction> functions = new LinkedHashMap<>();
    private OptionalInt exitCode = OptionalInt.empty();

    public WasiPreview1(WasiConfig config, ExceptionSink exception) {
        this.config = config;
        this.exception = exception;
        add("args_get", "(**)i", (m, a) -> argsGet(m, a[0], a[1]));
        add("args_sizes_get", "(**)i", (m, a) -> argsSizesGet(m, a[0], a[1]));
        add("fd_write", "(i*i*)i", (m, a) -> fdWrite(m, (int) a[0], a[1], a[2], a[3]));
        add("fd_fdstat_get", "(i*)i", (m, a) -> fdFdstatGet(m, (int) a[0], a[1]));
        add("fd_seek", "(iIi*)i", (m, a) -> isStdio((int) a[0]) ? ESPIPE : EBADF);
        add("fd_close", "(i)i", (m, a) -> isStdio((int) a[0]) ? ESUCCESS : EBADF);
        add("proc_exit", "(i)", (m, a) -> {
            exitCode = OptionalInt.of((int) a[0]);
            exception.set(PROC_EXIT_EXCEPTION);
            return 0;
        });
    }

    private void add(String name, String signature, WasiFunction.Body body) {
        functions.put(name, new WasiFunction(name, signature, body));
    }

    public Optional<WasiFunction> lookup(String module, String name) {
        return MODULE.equals(module) ? Optional.ofNullable(functions.get(name)) : Optional.empty();
    }

    /** The code passed to proc_exit, if the module called it. */
    public OptionalInt exitCode() {
        return exitCode;
    }

    private static boolean isStdio(int fd) {
        return fd >= 0 && fd <= 2;
    }

    private List<byte[]> argBytes() {
        return config.args().stream().map(s -> (s + "\0").getBytes(StandardCharsets.UTF_8)).toList();
    }

    private long argsSizesGet(GuestMemory m, long argcPtr, long bufSizePtr) {
        List<byte[]> args = argBytes();
        m.writeU32(argcPtr, args.size());
        m.writeU32(bufSizePtr, args.stream().mapToLong(b -> b.length).sum());
        return ESUCCESS;
    }

    private long argsGet(GuestMemory m, long argvPtr, long bufPtr) {
        long at = bufPtr;
        int i = 0;
        for (byte[] arg : argBytes()) {
            m.writeU32(argvPtr + 4L * i++, at);
            m.write(at, arg);
            at += arg.length;
        }
        return ESUCCESS;
    }

    private long fdWrite(GuestMemory m, int fd, long iovs, long iovsLen, long nwrittenPtr) {
        OutputStream out = fd == 1 ? config.stdout() : fd == 2 ? config.stderr() : null;
        if (out == null) {
            return EBADF;
        }
        long total = 0;
        try {
            for (long i = 0; i < iovsLen; i++) {
                long buf = m.readU32(iovs + 8 * i);
                long len = m.readU32(iovs + 8 * i + 4);
                out.write(m.read(buf, (int) len));
                total += len;
            }
            out.flush();
        } catch (IOException e) {
            return EIO;
        }
        m.writeU32(nwrittenPtr, total);
        return ESUCCESS;
    }

    private long fdFdstatGet(GuestMemory m, int fd, long buf) {
        if (!isStdio(fd)) {
            return EBADF;
        }
        byte[] stat = new byte[24];
        stat[0] = FILETYPE_CHARACTER_DEVICE;
        m.write(buf, stat);
        m.writeU64(buf + 8, STDIO_RIGHTS);
        m.writeU64(buf + 16, 0);
        return ESUCCESS;
    }
}
