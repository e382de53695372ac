package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The only open fds: 0 (stdin, readable), 1 and 2 (stdout and stderr, writable). fd_read, fd_write,
 * fd_fdstat_get (a character device without seek/tell rights, so libc treats it as a tty), fd_seek and
 * fd_tell (ESPIPE), fd_close (a no-op on stdio). Any other fd is EBADF. Every pointer is checked before
 * anything is read or written, so a bad pointer (EFAULT) consumes no input and emits no output.
 */
final class WasiStdio {
    private static final int FILETYPE_CHARACTER_DEVICE = 2;
    /** fd_read | fd_fdstat_set_flags | fd_write | poll_fd_readwrite: no seek/tell, so libc sees a tty. */
    private static final long STDIO_RIGHTS = (1L << 1) | (1L << 3) | (1L << 6) | (1L << 27);

    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;

    WasiStdio(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static boolean isOpen(long fd) {
        return fd >= 0 && fd <= 2;
    }

    Map<String, WasiFunction.Body> functions() {
        Map<String, WasiFunction.Body> m = new LinkedHashMap<>();
        m.put("fd_write", (mem, a) -> write(mem, (int) a[0], a[1], a[2], a[3]));
        m.put("fd_read", (mem, a) -> read(mem, (int) a[0], a[1], a[2], a[3]));
        m.put("fd_fdstat_get", (mem, a) -> fdstatGet(mem, (int) a[0], a[1]));
        m.put("fd_seek", (mem, a) -> isOpen((int) a[0]) ? WasiErrno.SPIPE : WasiErrno.BADF);
        m.put("fd_tell", (mem, a) -> isOpen((int) a[0]) ? WasiErrno.SPIPE : WasiErrno.BADF);
        m.put("fd_close", (mem, a) -> isOpen((int) a[0]) ? WasiErrno.SUCCESS : WasiErrno.BADF);
        return m;
    }

    /** Checks an iovec array ({buf u32, len u32} each) and every buffer it names. */
    private static void checkIovecs(GuestMemory m, long iovs, long count) {
        m.check(iovs, 8 * count);
        for (long i = 0; i < count; i++) {
            m.check(m.readU32(iovs + 8 * i), m.readU32(iovs + 8 * i + 4));
        }
    }

    private long write(GuestMemory m, int fd, long iovs, long iovsLen, long nwrittenPtr) {
        OutputStream out = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (out == null) {
            return WasiErrno.BADF;
        }
        checkIovecs(m, iovs, iovsLen);
        m.check(nwrittenPtr, 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (long i = 0; i < iovsLen; i++) {
            data.writeBytes(m.readBytes(m.readU32(iovs + 8 * i), m.readU32(iovs + 8 * i + 4)));
        }
        try {
            data.writeTo(out);
            out.flush();
        } catch (IOException e) {
            return WasiErrno.IO;
        }
        m.writeU32(nwrittenPtr, data.size());
        return WasiErrno.SUCCESS;
    }

    /** readv: fills the buffers in order, stopping at end of input or after a short read. */
    private long read(GuestMemory m, int fd, long iovs, long iovsLen, long nreadPtr) {
        if (fd != 0) {
            return WasiErrno.BADF;
        }
        checkIovecs(m, iovs, iovsLen);
        m.check(nreadPtr, 4);
        long total = 0;
        try {
            for (long i = 0; i < iovsLen; i++) {
                long buf = m.readU32(iovs + 8 * i);
                int len = (int) Math.min(m.readU32(iovs + 8 * i + 4), Integer.MAX_VALUE - 8);
                if (len == 0) {
                    continue;
                }
                byte[] chunk = new byte[len];
                int n = stdin.read(chunk, 0, len);
                if (n <= 0) {
                    break;
                }
                m.write(buf, n == len ? chunk : Arrays.copyOf(chunk, n));
                total += n;
                if (n < len) {
                    break;
                }
            }
        } catch (IOException e) {
            return WasiErrno.IO;
        }
        m.writeU32(nreadPtr, total);
        return WasiErrno.SUCCESS;
    }

    /** fdstat: filetype u8, fs_flags u16 at 2, rights_base u64 at 8, rights_inheriting u64 at 16. */
    private static long fdstatGet(GuestMemory m, int fd, long buf) {
        if (!isOpen(fd)) {
            return WasiErrno.BADF;
        }
        m.check(buf, 24);
        byte[] stat = new byte[24];
        stat[0] = FILETYPE_CHARACTER_DEVICE;
        m.write(buf, stat);
        m.writeU64(buf + 8, STDIO_RIGHTS);
        m.writeU64(buf + 16, 0);
        return WasiErrno.SUCCESS;
    }
}
