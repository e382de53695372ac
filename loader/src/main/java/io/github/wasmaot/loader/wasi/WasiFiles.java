package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The fd table of one instance, as WAMR's libc-wasi (sandboxed-system-primitives posix.c) keeps it: fds 0-2 are
 * stdio, 3.. the preopened directories in order ({@code --dir} before {@code --map-dir}), then whatever path_open
 * returns (the lowest free number). Every fd carries iwasm's rights (rights.h); a call lacking a right answers
 * ENOTCAPABLE, an fd that is not open EBADF.
 *
 * <p>Paths are resolved as WAMR's {@code path_get} does without Capsicum: component by component from the
 * directory fd, {@code ..} popping a directory it entered and ENOTCAPABLE when it would leave the starting one, an
 * absolute path (or a symlink whose target is absolute) ENOTCAPABLE, symlinks expanded in place (at most 128
 * times, ELOOP) — so nothing outside the preopened directories can be reached. The final component is followed
 * only when the lookup flags ask for it (and otherwise acted on with O_NOFOLLOW: ELOOP for a symlink).
 */
final class WasiFiles {
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    static final long FD_DATASYNC = 1L;
    static final long FD_READ = 1L << 1;
    static final long FD_SEEK = 1L << 2;
    static final long FD_FDSTAT_SET_FLAGS = 1L << 3;
    static final long FD_SYNC = 1L << 4;
    static final long FD_TELL = 1L << 5;
    static final long FD_WRITE = 1L << 6;
    static final long FD_ADVISE = 1L << 7;
    static final long FD_ALLOCATE = 1L << 8;
    static final long PATH_CREATE_DIRECTORY = 1L << 9;
    static final long PATH_CREATE_FILE = 1L << 10;
    static final long PATH_LINK_SOURCE = 1L << 11;
    static final long PATH_LINK_TARGET = 1L << 12;
    static final long PATH_OPEN = 1L << 13;
    static final long FD_READDIR = 1L << 14;
    static final long PATH_READLINK = 1L << 15;
    static final long PATH_RENAME_SOURCE = 1L << 16;
    static final long PATH_RENAME_TARGET = 1L << 17;
    static final long PATH_FILESTAT_GET = 1L << 18;
    static final long PATH_FILESTAT_SET_SIZE = 1L << 19;
    static final long PATH_FILESTAT_SET_TIMES = 1L << 20;
    static final long FD_FILESTAT_GET = 1L << 21;
    static final long FD_FILESTAT_SET_SIZE = 1L << 22;
    static final long FD_FILESTAT_SET_TIMES = 1L << 23;
    static final long PATH_SYMLINK = 1L << 24;
    static final long PATH_REMOVE_DIRECTORY = 1L << 25;
    static final long PATH_UNLINK_FILE = 1L << 26;
    static final long POLL_FD_READWRITE = 1L << 27;

    /** rights.h RIGHTS_REGULAR_FILE_BASE. */
    static final long REGULAR_FILE_BASE = FD_DATASYNC | FD_READ | FD_SEEK | FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_TELL
            | FD_WRITE | FD_ADVISE | FD_ALLOCATE | FD_FILESTAT_GET | FD_FILESTAT_SET_SIZE | FD_FILESTAT_SET_TIMES
            | POLL_FD_READWRITE;
    /** rights.h RIGHTS_DIRECTORY_BASE. */
    static final long DIRECTORY_BASE = FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_ADVISE | PATH_CREATE_DIRECTORY
            | PATH_CREATE_FILE | PATH_LINK_SOURCE | PATH_LINK_TARGET | PATH_OPEN | FD_READDIR | PATH_READLINK
            | PATH_RENAME_SOURCE | PATH_RENAME_TARGET | PATH_FILESTAT_GET | PATH_FILESTAT_SET_SIZE
            | PATH_FILESTAT_SET_TIMES | FD_FILESTAT_GET | FD_FILESTAT_SET_TIMES | PATH_SYMLINK | PATH_REMOVE_DIRECTORY
            | PATH_UNLINK_FILE | POLL_FD_READWRITE;
    /** rights.h RIGHTS_DIRECTORY_INHERITING. */
    static final long DIRECTORY_INHERITING = DIRECTORY_BASE | REGULAR_FILE_BASE;
    /**
     * What fd_fdstat_get reports for stdio: fd_read | fd_fdstat_set_flags | fd_write | poll_fd_readwrite, no
     * seek/tell, so wasi-libc sees a tty (line-buffered stdout).
     */
    static final long STDIO_REPORTED = FD_READ | FD_FDSTAT_SET_FLAGS | FD_WRITE | POLL_FD_READWRITE;
    /** What stdio allows: the reported rights and rights.h RIGHTS_STDOUT's advise, (data)sync and filestat_get. */
    static final long STDIO_RIGHTS = STDIO_REPORTED | FD_ADVISE | FD_DATASYNC | FD_SYNC | FD_FILESTAT_GET;

    private static final int O_CREAT = 1;
    private static final int O_DIRECTORY = 2;
    private static final int O_EXCL = 4;
    private static final int O_TRUNC = 8;
    private static final int FDFLAG_APPEND = 1;
    private static final int FDFLAG_DSYNC = 2;
    private static final int FDFLAG_NONBLOCK = 4;
    private static final int FDFLAG_RSYNC = 8;
    private static final int FDFLAG_SYNC = 16;
    private static final int LOOKUP_SYMLINK_FOLLOW = 1;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** One open fd. */
    static final class Fd {
        final int type;
        final Path path;
        final FileChannel channel;
        final InputStream in;
        final OutputStream out;
        final boolean stdio;
        long rightsBase;
        long rightsInheriting;
        int flags;
        String preopen;
        List<DirEntry> listing;

        Fd(int type, Path path, FileChannel channel, InputStream in, OutputStream out, boolean stdio, long base,
           long inheriting) {
            this.type = type;
            this.path = path;
            this.channel = channel;
            this.in = in;
            this.out = out;
            this.stdio = stdio;
            this.rightsBase = base;
            this.rightsInheriting = inheriting;
        }
    }

    record DirEntry(String name, long ino, int type) {
    }

    /** A resolved path: the host directory the last component lives in and that component ("." for the dir). */
    record Resolved(Path dir, String name, boolean trailingSlash) {
        Path target() {
            return name.equals(".") ? dir : dir.resolve(name);
        }
    }

    /** Thrown inside a call to answer an errno. */
    static final class Errno extends RuntimeException {
        final int errno;

        Errno(int errno) {
            super(null, null, false, false);
            this.errno = errno;
        }
    }

    private final TreeMap<Integer, Fd> table = new TreeMap<>();
    private final Path workingDirectory;

    WasiFiles(InputStream stdin, OutputStream stdout, OutputStream stderr, List<WasiPreopen> preopens,
              Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        table.put(0, new Fd(FILETYPE_CHARACTER_DEVICE, null, null, stdin, null, true, STDIO_RIGHTS, 0));
        table.put(1, new Fd(FILETYPE_CHARACTER_DEVICE, null, null, null, stdout, true, STDIO_RIGHTS, 0));
        table.put(2, new Fd(FILETYPE_CHARACTER_DEVICE, null, null, null, stderr, true, STDIO_RIGHTS, 0));
        int fd = 3;
        for (WasiPreopen p : preopens) {
            Path real;
            try {
                real = p.hostPath().toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException("error while pre-opening directory " + p.hostPath() + ": "
                        + reason(e), e);
            }
            if (!Files.isDirectory(real)) {
                throw new UncheckedIOException(new IOException("error while pre-opening directory "
                        + p.hostPath() + ": not a directory"));
            }
            Fd dir = new Fd(FILETYPE_DIRECTORY, real, null, null, null, false, DIRECTORY_BASE, DIRECTORY_INHERITING);
            dir.preopen = p.guestPath();
            table.put(fd++, dir);
        }
    }

    private static String reason(IOException e) {
        return e instanceof NoSuchFileException ? "no such file or directory" : String.valueOf(e.getMessage());
    }

    boolean isOpen(long fd) {
        return fd >= 0 && fd <= Integer.MAX_VALUE && table.containsKey((int) fd);
    }

    Map<String, WasiFunction.Body> functions() {
        Map<String, WasiFunction.Body> m = new LinkedHashMap<>();
        put(m, "fd_write", (mem, a) -> write(mem, a[0], a[1], a[2], a[3]));
        put(m, "fd_read", (mem, a) -> read(mem, a[0], a[1], a[2], a[3]));
        put(m, "fd_pread", (mem, a) -> pread(mem, a[0], a[1], a[2], a[3], a[4]));
        put(m, "fd_pwrite", (mem, a) -> pwrite(mem, a[0], a[1], a[2], a[3], a[4]));
        put(m, "fd_seek", (mem, a) -> seek(mem, a[0], a[1], a[2], a[3]));
        put(m, "fd_tell", (mem, a) -> seek(mem, a[0], 0, 1, a[1]));
        put(m, "fd_close", (mem, a) -> close(a[0]));
        put(m, "fd_sync", (mem, a) -> sync(a[0], FD_SYNC));
        put(m, "fd_datasync", (mem, a) -> sync(a[0], FD_DATASYNC));
        put(m, "fd_advise", (mem, a) -> advise(a[0], a[3]));
        put(m, "fd_allocate", (mem, a) -> allocate(a[0], a[1], a[2]));
        put(m, "fd_fdstat_get", (mem, a) -> fdstatGet(mem, a[0], a[1]));
        put(m, "fd_fdstat_set_flags", (mem, a) -> fdstatSetFlags(a[0], a[1]));
        put(m, "fd_fdstat_set_rights", (mem, a) -> fdstatSetRights(a[0], a[1], a[2]));
        put(m, "fd_filestat_get", (mem, a) -> fdFilestatGet(mem, a[0], a[1]));
        put(m, "fd_filestat_set_size", (mem, a) -> fdSetSize(a[0], a[1]));
        put(m, "fd_filestat_set_times", (mem, a) -> fdSetTimes(a[0], a[1], a[2], a[3]));
        put(m, "fd_readdir", (mem, a) -> readdir(mem, a[0], a[1], a[2], a[3], a[4]));
        put(m, "fd_prestat_get", (mem, a) -> prestatGet(mem, a[0], a[1]));
        put(m, "fd_prestat_dir_name", (mem, a) -> prestatDirName(mem, a[0], a[1], a[2]));
        put(m, "fd_renumber", (mem, a) -> renumber(a[0], a[1]));
        put(m, "path_open", (mem, a) -> pathOpen(mem, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]));
        put(m, "path_create_directory", (mem, a) -> createDirectory(mem, a[0], a[1], a[2]));
        put(m, "path_remove_directory", (mem, a) -> removeDirectory(mem, a[0], a[1], a[2]));
        put(m, "path_unlink_file", (mem, a) -> unlinkFile(mem, a[0], a[1], a[2]));
        put(m, "path_rename", (mem, a) -> rename(mem, a[0], a[1], a[2], a[3], a[4], a[5]));
        put(m, "path_filestat_get", (mem, a) -> pathFilestatGet(mem, a[0], a[1], a[2], a[3], a[4]));
        put(m, "path_filestat_set_times", (mem, a) -> pathSetTimes(mem, a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
        put(m, "path_readlink", (mem, a) -> readlink(mem, a[0], a[1], a[2], a[3], a[4], a[5]));
        put(m, "path_symlink", (mem, a) -> symlink(mem, a[0], a[1], a[2], a[3], a[4]));
        put(m, "path_link", (mem, a) -> link(mem, a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
        return m;
    }

    private static void put(Map<String, WasiFunction.Body> m, String name, WasiFunction.Body body) {
        m.put(name, (mem, a) -> {
            try {
                return body.call(mem, a);
            } catch (Errno e) {
                return e.errno;
            }
        });
    }

    /** fd_table_get_entry: EBADF when not open, ENOTCAPABLE without the rights. */
    Fd get(long fd, long base, long inheriting) {
        Fd f = fd < 0 || fd > Integer.MAX_VALUE ? null : table.get((int) fd);
        if (f == null) {
            throw new Errno(WasiErrno.BADF);
        }
        if ((~f.rightsBase & base) != 0 || (~f.rightsInheriting & inheriting) != 0) {
            throw new Errno(WasiErrno.NOTCAPABLE);
        }
        return f;
    }

    // ---- reading and writing -------------------------------------------------------------------------------

    private static void checkIovecs(GuestMemory m, long iovs, long count) {
        m.check(iovs, 8 * count);
        for (long i = 0; i < count; i++) {
            m.check(m.readU32(iovs + 8 * i), m.readU32(iovs + 8 * i + 4));
        }
    }

    private static byte[] gather(GuestMemory m, long iovs, long count) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (long i = 0; i < count; i++) {
            data.writeBytes(m.readBytes(m.readU32(iovs + 8 * i), m.readU32(iovs + 8 * i + 4)));
        }
        return data.toByteArray();
    }

    private long write(GuestMemory m, long fd, long iovs, long iovsLen, long nwrittenPtr) {
        Fd f = get(fd, FD_WRITE, 0);
        checkIovecs(m, iovs, iovsLen);
        m.check(nwrittenPtr, 4);
        byte[] data = gather(m, iovs, iovsLen);
        try {
            if (f.stdio) {
                if (f.out == null) {
                    return WasiErrno.BADF;
                }
                f.out.write(data);
                f.out.flush();
            } else if (f.channel == null) {
                return WasiErrno.ISDIR;
            } else {
                if ((f.flags & FDFLAG_APPEND) != 0) {
                    f.channel.position(f.channel.size());
                }
                writeFully(f.channel, ByteBuffer.wrap(data), -1);
            }
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        m.writeU32(nwrittenPtr, data.length);
        return WasiErrno.SUCCESS;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            if (pos < 0) {
                ch.write(buf);
            } else {
                pos += ch.write(buf, pos);
            }
        }
    }

    /** readv: fills the buffers in order, stopping at end of input or after a short read. */
    private long read(GuestMemory m, long fd, long iovs, long iovsLen, long nreadPtr) {
        Fd f = get(fd, FD_READ, 0);
        checkIovecs(m, iovs, iovsLen);
        m.check(nreadPtr, 4);
        if (f.stdio && f.in == null) {
            return WasiErrno.BADF;
        }
        if (!f.stdio && f.channel == null) {
            return WasiErrno.ISDIR;
        }
        try {
            m.writeU32(nreadPtr, scatter(m, iovs, iovsLen, (chunk, done) -> f.stdio
                    ? f.in.read(chunk, 0, chunk.length) : f.channel.read(ByteBuffer.wrap(chunk))));
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    /** Fills {@code chunk} from a source, {@code done} bytes into the transfer; returns the count or -1 at end. */
    private interface ChunkSource {
        int read(byte[] chunk, long done) throws IOException;
    }

    /**
     * The scatter half of readv/preadv: fills the guest's buffers in order from {@code source}, stopping at end of
     * input or after a short read, and returns the bytes transferred.
     */
    private static long scatter(GuestMemory m, long iovs, long iovsLen, ChunkSource source) throws IOException {
        long total = 0;
        for (long i = 0; i < iovsLen; i++) {
            long buf = m.readU32(iovs + 8 * i);
            int len = (int) Math.min(m.readU32(iovs + 8 * i + 4), Integer.MAX_VALUE - 8);
            if (len == 0) {
                continue;
            }
            byte[] chunk = new byte[len];
            int n = source.read(chunk, total);
            if (n <= 0) {
                break;
            }
            m.write(buf, n == len ? chunk : Arrays.copyOf(chunk, n));
            total += n;
            if (n < len) {
                break;
            }
        }
        return total;
    }

    private long pread(GuestMemory m, long fd, long iovs, long iovsLen, long offset, long nreadPtr) {
        if (iovsLen == 0) {
            return WasiErrno.INVAL;
        }
        Fd f = get(fd, FD_READ, 0);
        checkIovecs(m, iovs, iovsLen);
        m.check(nreadPtr, 4);
        if (f.channel == null) {
            return f.stdio ? WasiErrno.SPIPE : WasiErrno.ISDIR;
        }
        if (offset < 0) {
            return WasiErrno.INVAL;
        }
        try {
            m.writeU32(nreadPtr, scatter(m, iovs, iovsLen,
                    (chunk, done) -> f.channel.read(ByteBuffer.wrap(chunk), offset + done)));
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long pwrite(GuestMemory m, long fd, long iovs, long iovsLen, long offset, long nwrittenPtr) {
        Fd f = get(fd, FD_WRITE, 0);
        checkIovecs(m, iovs, iovsLen);
        m.check(nwrittenPtr, 4);
        if (f.channel == null) {
            return f.stdio ? WasiErrno.SPIPE : WasiErrno.ISDIR;
        }
        if (offset < 0) {
            return WasiErrno.INVAL;
        }
        byte[] data = gather(m, iovs, iovsLen);
        try {
            // pwrite(2) on an O_APPEND file appends on Linux, whatever the offset
            long at = (f.flags & FDFLAG_APPEND) != 0 ? f.channel.size() : offset;
            writeFully(f.channel, ByteBuffer.wrap(data), at);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        m.writeU32(nwrittenPtr, data.length);
        return WasiErrno.SUCCESS;
    }

    /** fd_seek (and fd_tell as seek(0, CUR)): fd_tell's right suffices for a zero move from the current offset. */
    private long seek(GuestMemory m, long fd, long offset, long whence, long newOffsetPtr) {
        long right = offset == 0 && whence == 1 ? FD_TELL : FD_SEEK | FD_TELL;
        Fd f = get(fd, right, 0);
        m.check(newOffsetPtr, 8);
        if (f.channel == null) {
            return f.stdio ? WasiErrno.SPIPE : WasiErrno.ISDIR;
        }
        try {
            long base = switch ((int) whence) {
                case 0 -> 0;
                case 1 -> f.channel.position();
                case 2 -> f.channel.size();
                default -> -1;
            };
            if (base < 0 || whence < 0 || whence > 2) {
                return WasiErrno.INVAL;
            }
            long target = base + offset;
            if (target < 0) {
                return WasiErrno.INVAL;
            }
            f.channel.position(target);
            m.writeU64(newOffsetPtr, target);
            return WasiErrno.SUCCESS;
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
    }

    private long close(long fd) {
        Fd f = get(fd, 0, 0);
        table.remove((int) fd);
        if (f.channel != null) {
            try {
                f.channel.close();
            } catch (IOException e) {
                return WasiErrno.of(e);
            }
        }
        return WasiErrno.SUCCESS;
    }

    /** Closes every file the module left open. */
    void closeAll() {
        for (Fd f : table.values()) {
            if (f.channel != null) {
                try {
                    f.channel.close();
                } catch (IOException ignored) {
                    // nothing to report at teardown
                }
            }
        }
    }

    private long sync(long fd, long right) {
        Fd f = get(fd, right, 0);
        try {
            if (f.channel != null) {
                f.channel.force(right == FD_SYNC);
            } else if (f.stdio && f.out != null) {
                f.out.flush();
            }
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long advise(long fd, long advice) {
        Fd f = get(fd, FD_ADVISE, 0);
        if (advice < 0 || advice > 5) {
            return WasiErrno.INVAL;
        }
        return f.type == FILETYPE_DIRECTORY ? WasiErrno.BADF : WasiErrno.SUCCESS;
    }

    private long allocate(long fd, long offset, long len) {
        Fd f = get(fd, FD_ALLOCATE, 0);
        if (f.channel == null) {
            return WasiErrno.BADF;
        }
        if (offset < 0 || len <= 0) {
            return WasiErrno.INVAL;
        }
        try {
            extendTo(f.channel, offset + len);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private static void extendTo(FileChannel ch, long size) throws IOException {
        if (ch.size() < size) {
            ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    // ---- fd status -----------------------------------------------------------------------------------------

    /** fdstat: filetype u8, fs_flags u16 at 2, rights_base u64 at 8, rights_inheriting u64 at 16. */
    private long fdstatGet(GuestMemory m, long fd, long buf) {
        Fd f = get(fd, 0, 0);
        m.check(buf, 24);
        byte[] stat = new byte[24];
        stat[0] = (byte) f.type;
        stat[2] = (byte) f.flags;
        m.write(buf, stat);
        m.writeU64(buf + 8, f.stdio ? f.rightsBase & STDIO_REPORTED : f.rightsBase);
        m.writeU64(buf + 16, f.rightsInheriting);
        return WasiErrno.SUCCESS;
    }

    private long fdstatSetFlags(long fd, long flags) {
        Fd f = get(fd, FD_FDSTAT_SET_FLAGS, 0);
        if ((flags & ~(FDFLAG_APPEND | FDFLAG_DSYNC | FDFLAG_NONBLOCK | FDFLAG_RSYNC | FDFLAG_SYNC)) != 0) {
            return WasiErrno.INVAL;
        }
        if (!f.stdio) {
            // fcntl(F_SETFL) on Linux changes only O_APPEND and O_NONBLOCK
            f.flags = (f.flags & ~(FDFLAG_APPEND | FDFLAG_NONBLOCK)) | (int) (flags & (FDFLAG_APPEND | FDFLAG_NONBLOCK));
        }
        return WasiErrno.SUCCESS;
    }

    private long fdstatSetRights(long fd, long base, long inheriting) {
        Fd f = get(fd, base, inheriting);
        f.rightsBase = base;
        f.rightsInheriting = inheriting;
        return WasiErrno.SUCCESS;
    }

    private long fdFilestatGet(GuestMemory m, long fd, long buf) {
        Fd f = get(fd, FD_FILESTAT_GET, 0);
        m.check(buf, 64);
        if (f.stdio) {
            byte[] stat = new byte[64];
            stat[16] = FILETYPE_CHARACTER_DEVICE;
            m.write(buf, stat);
            m.writeU64(buf + 24, 1);
            return WasiErrno.SUCCESS;
        }
        try {
            writeFilestat(m, buf, f.path, false);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    /** filestat: dev, ino, filetype u8 at 16, nlink at 24, size at 32, atim, mtim, ctim at 40/48/56. */
    private static void writeFilestat(GuestMemory m, long buf, Path path, boolean follow) throws IOException {
        LinkOption[] opts = follow ? new LinkOption[0] : NOFOLLOW;
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,nlink,size,mode,lastAccessTime,"
                + "lastModifiedTime,ctime", opts);
        byte[] stat = new byte[64];
        stat[16] = (byte) filetype(((Number) a.get("mode")).intValue());
        m.write(buf, stat);
        m.writeU64(buf, ((Number) a.get("dev")).longValue());
        m.writeU64(buf + 8, ((Number) a.get("ino")).longValue());
        m.writeU64(buf + 24, ((Number) a.get("nlink")).longValue());
        m.writeU64(buf + 32, ((Number) a.get("size")).longValue());
        m.writeU64(buf + 40, nanos((FileTime) a.get("lastAccessTime")));
        m.writeU64(buf + 48, nanos((FileTime) a.get("lastModifiedTime")));
        m.writeU64(buf + 56, nanos((FileTime) a.get("ctime")));
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    private static int filetype(int mode) {
        return switch (mode & 0170000) {
            case 0040000 -> FILETYPE_DIRECTORY;
            case 0100000 -> FILETYPE_REGULAR_FILE;
            case 0120000 -> FILETYPE_SYMBOLIC_LINK;
            case 0020000 -> FILETYPE_CHARACTER_DEVICE;
            case 0060000 -> 1;
            case 0140000 -> 6;
            default -> FILETYPE_UNKNOWN;
        };
    }

    private long fdSetSize(long fd, long size) {
        Fd f = get(fd, FD_FILESTAT_SET_SIZE, 0);
        if (f.channel == null) {
            return WasiErrno.INVAL;
        }
        if (size < 0) {
            return WasiErrno.INVAL;
        }
        try {
            if (size < f.channel.size()) {
                long pos = f.channel.position();
                f.channel.truncate(size);
                f.channel.position(pos);
            } else {
                extendTo(f.channel, size);
            }
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long fdSetTimes(long fd, long atim, long mtim, long fstFlags) {
        Fd f = get(fd, FD_FILESTAT_SET_TIMES, 0);
        if (f.stdio) {
            return WasiErrno.SUCCESS;
        }
        return setTimes(f.path, atim, mtim, fstFlags);
    }

    /** fstflags: ATIM 1, ATIM_NOW 2, MTIM 4, MTIM_NOW 8; a time and its _NOW together is EINVAL. */
    private static long setTimes(Path path, long atim, long mtim, long fstFlags) {
        if ((fstFlags & 3) == 3 || (fstFlags & 12) == 12 || (fstFlags & ~15L) != 0) {
            return WasiErrno.INVAL;
        }
        FileTime now = FileTime.from(System.currentTimeMillis() * 1000, TimeUnit.MICROSECONDS);
        FileTime a = (fstFlags & 1) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS)
                : (fstFlags & 2) != 0 ? now : null;
        FileTime mt = (fstFlags & 4) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS)
                : (fstFlags & 8) != 0 ? now : null;
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW).setTimes(mt, a, null);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    // ---- directories ---------------------------------------------------------------------------------------

    /**
     * dirents {d_next u64, d_ino u64, d_namlen u32, d_type u8} each followed by its name, from {@code cookie}
     * on, the last one cut off at the end of the buffer (bufused == buf_len tells libc to ask again). The entries
     * are ".", ".." and the directory's names in byte order, listed when the cookie is 0.
     */
    private long readdir(GuestMemory m, long fd, long buf, long bufLen, long cookie, long bufusedPtr) {
        Fd f = get(fd, FD_READDIR, 0);
        m.check(buf, bufLen);
        m.check(bufusedPtr, 4);
        if (f.type != FILETYPE_DIRECTORY) {
            return WasiErrno.NOTDIR;
        }
        try {
            if (f.listing == null || cookie == 0) {
                f.listing = list(f.path);
            }
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long i = cookie; i < f.listing.size() && out.size() < bufLen; i++) {
            DirEntry e = f.listing.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer d = ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            d.putLong(i + 1).putLong(e.ino()).putInt(name.length).put((byte) e.type());
            out.writeBytes(d.array());
            out.writeBytes(name);
        }
        byte[] data = out.toByteArray();
        int used = (int) Math.min(data.length, bufLen);
        m.write(buf, Arrays.copyOf(data, used));
        m.writeU32(bufusedPtr, used);
        return WasiErrno.SUCCESS;
    }

    private static List<DirEntry> list(Path dir) throws IOException {
        List<DirEntry> entries = new ArrayList<>();
        entries.add(new DirEntry(".", ino(dir), FILETYPE_DIRECTORY));
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        entries.add(new DirEntry("..", ino(parent), FILETYPE_DIRECTORY));
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        for (String n : names) {
            Path p = dir.resolve(n);
            try {
                Map<String, Object> a = Files.readAttributes(p, "unix:ino,mode", NOFOLLOW);
                entries.add(new DirEntry(n, ((Number) a.get("ino")).longValue(),
                        filetype(((Number) a.get("mode")).intValue())));
            } catch (NoSuchFileException gone) {
                // removed meanwhile
            }
        }
        return entries;
    }

    private static long ino(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:ino", NOFOLLOW)).longValue();
    }

    /** prestat: tag u8 (0, a directory), then the name's length u32 at 4. */
    private long prestatGet(GuestMemory m, long fd, long buf) {
        Fd f = fd < 0 || fd > Integer.MAX_VALUE ? null : table.get((int) fd);
        if (f == null || f.preopen == null) {
            return WasiErrno.BADF;
        }
        m.check(buf, 8);
        m.write(buf, new byte[8]);
        m.writeU32(buf + 4, f.preopen.getBytes(StandardCharsets.UTF_8).length);
        return WasiErrno.SUCCESS;
    }

    private long prestatDirName(GuestMemory m, long fd, long buf, long len) {
        Fd f = fd < 0 || fd > Integer.MAX_VALUE ? null : table.get((int) fd);
        if (f == null || f.preopen == null) {
            return WasiErrno.BADF;
        }
        byte[] name = f.preopen.getBytes(StandardCharsets.UTF_8);
        if (len < name.length) {
            return WasiErrno.INVAL;
        }
        m.check(buf, name.length);
        m.write(buf, name);
        return WasiErrno.SUCCESS;
    }

    private long renumber(long from, long to) {
        Fd f = get(from, 0, 0);
        Fd old = get(to, 0, 0);
        if (from == to) {
            return WasiErrno.SUCCESS;
        }
        if (old.channel != null) {
            try {
                old.channel.close();
            } catch (IOException ignored) {
                // the fd is replaced either way
            }
        }
        table.remove((int) from);
        table.put((int) to, f);
        return WasiErrno.SUCCESS;
    }

    // ---- paths ---------------------------------------------------------------------------------------------

    private static String path(GuestMemory m, long ptr, long len) {
        m.check(ptr, len);
        byte[] bytes = m.readBytes(ptr, len);
        for (byte b : bytes) {
            if (b == 0) {
                // str_nullterminate: an embedded NUL is EILSEQ
                throw new Errno(25);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** WAMR's path_get over {@code fd}, which must have the given rights. */
    Resolved resolve(long fd, long lookupFlags, String path, long base, long inheriting, boolean needsFinal) {
        Fd f = get(fd, base, inheriting);
        if (f.type != FILETYPE_DIRECTORY) {
            throw new Errno(WasiErrno.NOTDIR);
        }
        List<Path> dirs = new ArrayList<>();
        dirs.add(f.path);
        List<String> paths = new ArrayList<>();
        paths.add(path);
        int expansions = 0;
        while (true) {
            int cur = paths.size() - 1;
            String p = paths.get(cur);
            int end = 0;
            while (end < p.length() && p.charAt(end) != '/') {
                end++;
            }
            String file = p.substring(0, end);
            int next = end;
            while (next < p.length() && p.charAt(next) == '/') {
                next++;
            }
            String rest = p.substring(next);
            paths.set(cur, rest);
            boolean slashes = end < p.length();
            Path top = dirs.get(dirs.size() - 1);
            String symlink = null;
            if (file.isEmpty()) {
                throw new Errno(slashes ? WasiErrno.NOTCAPABLE : WasiErrno.NOENT);
            }
            if (file.equals(".")) {
                // skip
            } else if (file.equals("..")) {
                if (dirs.size() == 1) {
                    throw new Errno(WasiErrno.NOTCAPABLE);
                }
                dirs.remove(dirs.size() - 1);
            } else if (cur > 0 || !rest.isEmpty() || (slashes && !needsFinal)) {
                Path sub = top.resolve(file);
                if (Files.isDirectory(sub, NOFOLLOW)) {
                    if (dirs.size() == 128) {
                        throw new Errno(WasiErrno.NAMETOOLONG);
                    }
                    dirs.add(sub);
                } else if (Files.isSymbolicLink(sub)) {
                    symlink = readLink(sub);
                } else if (Files.exists(sub, NOFOLLOW)) {
                    throw new Errno(WasiErrno.NOTDIR);
                } else {
                    throw new Errno(WasiErrno.NOENT);
                }
            } else {
                Path sub = top.resolve(file);
                if ((slashes || (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0) && Files.isSymbolicLink(sub)) {
                    symlink = readLink(sub);
                } else {
                    return new Resolved(top, file, slashes);
                }
            }
            if (symlink != null) {
                if (++expansions == 128) {
                    throw new Errno(WasiErrno.LOOP);
                }
                if (slashes) {
                    symlink = symlink + "/";
                }
                if (paths.get(cur).isEmpty()) {
                    paths.set(cur, symlink);
                } else if (paths.size() == 32) {
                    throw new Errno(WasiErrno.LOOP);
                } else {
                    paths.add(symlink);
                }
                continue;
            }
            if (paths.get(cur).isEmpty()) {
                if (cur == 0) {
                    return new Resolved(dirs.get(dirs.size() - 1), ".", false);
                }
                paths.remove(cur);
            }
        }
    }

    private static String readLink(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            throw new Errno(WasiErrno.of(e));
        }
    }

    private long pathOpen(GuestMemory m, long dirfd, long dirflags, long pathPtr, long pathLen, long oflags,
                          long rightsBase, long rightsInheriting, long fdflags, long fdPtr) {
        String p = path(m, pathPtr, pathLen);
        m.check(fdPtr, 4);
        boolean read = (rightsBase & (FD_READ | FD_READDIR)) != 0;
        boolean write = (rightsBase & (FD_DATASYNC | FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE)) != 0;
        long neededBase = PATH_OPEN;
        long neededInheriting = rightsBase | rightsInheriting;
        if ((oflags & O_CREAT) != 0) {
            neededBase |= PATH_CREATE_FILE;
        }
        if ((oflags & O_TRUNC) != 0) {
            neededBase |= PATH_FILESTAT_SET_SIZE;
        }
        if ((fdflags & FDFLAG_SYNC) != 0 || (fdflags & FDFLAG_RSYNC) != 0) {
            neededInheriting |= FD_SYNC;
        }
        if ((fdflags & FDFLAG_DSYNC) != 0) {
            neededInheriting |= FD_DATASYNC;
        }
        if (write && (fdflags & FDFLAG_APPEND) == 0 && (oflags & O_TRUNC) == 0) {
            neededInheriting |= FD_SEEK;
        }
        Resolved r = resolve(dirfd, dirflags, p, neededBase, neededInheriting, (oflags & O_CREAT) != 0);
        Path target = r.target();
        boolean follow = (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0;
        boolean exists = Files.exists(target, NOFOLLOW);
        if (exists && (oflags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
            return WasiErrno.EXIST;
        }
        if (exists && Files.isSymbolicLink(target) && !follow) {
            return WasiErrno.LOOP;
        }
        if (!exists && (oflags & O_CREAT) == 0) {
            return WasiErrno.NOENT;
        }
        if (!exists && (r.trailingSlash() || (oflags & O_DIRECTORY) != 0)) {
            return (oflags & O_DIRECTORY) != 0 && !r.trailingSlash() ? WasiErrno.NOENT : WasiErrno.ISDIR;
        }
        boolean isDir = exists && Files.isDirectory(target, NOFOLLOW);
        if (!isDir && ((oflags & O_DIRECTORY) != 0 || r.trailingSlash()) && exists) {
            return WasiErrno.NOTDIR;
        }
        int newFd = lowestFree();
        if (isDir) {
            if (write) {
                return WasiErrno.ISDIR;
            }
            if ((oflags & O_TRUNC) != 0) {
                return WasiErrno.ISDIR;
            }
            Fd d = new Fd(FILETYPE_DIRECTORY, target, null, null, null, false, rightsBase & DIRECTORY_BASE,
                    rightsInheriting & DIRECTORY_INHERITING);
            d.flags = (int) (fdflags & (FDFLAG_APPEND | FDFLAG_NONBLOCK));
            if (!Files.isReadable(target)) {
                return WasiErrno.ACCES;
            }
            table.put(newFd, d);
            m.writeU32(fdPtr, newFd);
            return WasiErrno.SUCCESS;
        }
        if (exists && !Files.isRegularFile(target, NOFOLLOW)) {
            return WasiErrno.NOTSUP;
        }
        List<OpenOption> opts = new ArrayList<>();
        opts.add(LinkOption.NOFOLLOW_LINKS);
        if (write) {
            opts.add(StandardOpenOption.WRITE);
        }
        if (read || !write) {
            opts.add(StandardOpenOption.READ);
        }
        if ((oflags & O_CREAT) != 0) {
            opts.add((oflags & O_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        boolean truncate = (oflags & O_TRUNC) != 0;
        FileChannel ch;
        try {
            if (truncate && !write) {
                // O_TRUNC on a read-only open still truncates on Linux
                opts.add(StandardOpenOption.WRITE);
            }
            if (truncate) {
                opts.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            ch = FileChannel.open(target, new HashSet<>(opts));
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        long max = REGULAR_FILE_BASE;
        if (!write) {
            max &= ~FD_WRITE;
        } else if (!read) {
            max &= ~FD_READ;
        }
        Fd file = new Fd(FILETYPE_REGULAR_FILE, target, ch, null, null, false, rightsBase & max, 0);
        file.flags = (int) (fdflags & (FDFLAG_APPEND | FDFLAG_NONBLOCK));
        table.put(newFd, file);
        m.writeU32(fdPtr, newFd);
        return WasiErrno.SUCCESS;
    }

    private int lowestFree() {
        int fd = 0;
        while (table.containsKey(fd)) {
            fd++;
        }
        return fd;
    }

    private long createDirectory(GuestMemory m, long fd, long ptr, long len) {
        Resolved r = resolve(fd, 0, path(m, ptr, len), PATH_CREATE_DIRECTORY, 0, true);
        try {
            Files.createDirectory(r.target());
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long removeDirectory(GuestMemory m, long fd, long ptr, long len) {
        Resolved r = resolve(fd, 0, path(m, ptr, len), PATH_REMOVE_DIRECTORY, 0, true);
        Path target = r.target();
        if (r.name().equals(".")) {
            return WasiErrno.INVAL;
        }
        if (!Files.exists(target, NOFOLLOW)) {
            return WasiErrno.NOENT;
        }
        if (!Files.isDirectory(target, NOFOLLOW)) {
            return WasiErrno.NOTDIR;
        }
        try {
            Files.delete(target);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long unlinkFile(GuestMemory m, long fd, long ptr, long len) {
        Resolved r = resolve(fd, 0, path(m, ptr, len), PATH_UNLINK_FILE, 0, true);
        Path target = r.target();
        if (!Files.exists(target, NOFOLLOW)) {
            return WasiErrno.NOENT;
        }
        if (Files.isDirectory(target, NOFOLLOW)) {
            return WasiErrno.ISDIR;
        }
        if (r.trailingSlash()) {
            return WasiErrno.NOTDIR;
        }
        try {
            Files.delete(target);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long rename(GuestMemory m, long oldFd, long oldPtr, long oldLen, long newFd, long newPtr, long newLen) {
        String oldPath = path(m, oldPtr, oldLen);
        String newPath = path(m, newPtr, newLen);
        Resolved from = resolve(oldFd, 0, oldPath, PATH_RENAME_SOURCE, 0, true);
        Resolved to = resolve(newFd, 0, newPath, PATH_RENAME_TARGET, 0, true);
        Path src = from.target();
        Path dst = to.target();
        if (!Files.exists(src, NOFOLLOW)) {
            return WasiErrno.NOENT;
        }
        boolean srcDir = Files.isDirectory(src, NOFOLLOW);
        if (Files.exists(dst, NOFOLLOW)) {
            boolean dstDir = Files.isDirectory(dst, NOFOLLOW);
            if (srcDir && !dstDir) {
                return WasiErrno.NOTDIR;
            }
            if (!srcDir && dstDir) {
                return WasiErrno.ISDIR;
            }
        }
        if (!srcDir && (from.trailingSlash() || to.trailingSlash())) {
            return WasiErrno.NOTDIR;
        }
        try {
            Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long pathFilestatGet(GuestMemory m, long fd, long flags, long ptr, long len, long buf) {
        Resolved r = resolve(fd, flags, path(m, ptr, len), PATH_FILESTAT_GET, 0, false);
        m.check(buf, 64);
        try {
            Path target = r.target();
            if (r.trailingSlash() && Files.exists(target, NOFOLLOW) && !Files.isDirectory(target, NOFOLLOW)) {
                return WasiErrno.NOTDIR;
            }
            writeFilestat(m, buf, target, false);
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    private long pathSetTimes(GuestMemory m, long fd, long flags, long ptr, long len, long atim, long mtim,
                              long fstFlags) {
        Resolved r = resolve(fd, flags, path(m, ptr, len), PATH_FILESTAT_SET_TIMES, 0, false);
        if (!Files.exists(r.target(), NOFOLLOW)) {
            return WasiErrno.NOENT;
        }
        return setTimes(r.target(), atim, mtim, fstFlags);
    }

    private long readlink(GuestMemory m, long fd, long ptr, long len, long buf, long bufLen, long bufusedPtr) {
        Resolved r = resolve(fd, 0, path(m, ptr, len), PATH_READLINK, 0, false);
        m.check(buf, bufLen);
        m.check(bufusedPtr, 4);
        Path target = r.target();
        if (!Files.exists(target, NOFOLLOW)) {
            return WasiErrno.NOENT;
        }
        if (!Files.isSymbolicLink(target)) {
            return WasiErrno.INVAL;
        }
        byte[] link = readLink(target).getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(link.length, bufLen);
        m.write(buf, Arrays.copyOf(link, n));
        m.writeU32(bufusedPtr, n);
        return WasiErrno.SUCCESS;
    }

    private long symlink(GuestMemory m, long oldPtr, long oldLen, long fd, long newPtr, long newLen) {
        String target = path(m, oldPtr, oldLen);
        Resolved r = resolve(fd, 0, path(m, newPtr, newLen), PATH_SYMLINK, 0, true);
        if (!validatePath(target)) {
            return WasiErrno.BADF;
        }
        try {
            Files.createSymbolicLink(r.target(), Path.of(target));
        } catch (IOException e) {
            return WasiErrno.of(e);
        } catch (java.nio.file.InvalidPathException e) {
            return WasiErrno.INVAL;
        }
        return WasiErrno.SUCCESS;
    }

    private long link(GuestMemory m, long oldFd, long oldFlags, long oldPtr, long oldLen, long newFd, long newPtr,
                      long newLen) {
        String oldPath = path(m, oldPtr, oldLen);
        String newPath = path(m, newPtr, newLen);
        Resolved from = resolve(oldFd, oldFlags, oldPath, PATH_LINK_SOURCE, 0, false);
        Resolved to = resolve(newFd, 0, newPath, PATH_LINK_TARGET, 0, true);
        if (!validatePath(from.name()) || !validatePath(to.name())) {
            return WasiErrno.BADF;
        }
        try {
            Files.createLink(to.target(), from.target());
        } catch (IOException e) {
            return WasiErrno.of(e);
        }
        return WasiErrno.SUCCESS;
    }

    /**
     * WAMR's validate_path: {@code path} taken relative to iwasm's working directory; one that does not exist is
     * fine, one that does must lie under the real path of a preopen's guest name (taken the same way, a plain
     * string prefix test) — a preopen whose name does not exist there fails it.
     */
    private boolean validatePath(String path) {
        Path real;
        try {
            real = workingDirectory.resolve(path).toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return true;
        }
        for (Fd f : table.values()) {
            if (f.preopen != null) {
                Path dir;
                try {
                    dir = workingDirectory.resolve(f.preopen).toRealPath();
                } catch (IOException | java.nio.file.InvalidPathException e) {
                    return false;
                }
                if (real.toString().startsWith(dir.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- poll_oneoff support -------------------------------------------------------------------------------

    /** For an fd_read/fd_write subscription: EBADF/ENOTCAPABLE, or the bytes readable (-1 for "ready"). */
    long readiness(long fd, boolean write) {
        Fd f;
        try {
            f = get(fd, POLL_FD_READWRITE, 0);
        } catch (Errno e) {
            return -e.errno - 1;
        }
        try {
            if (f.channel != null) {
                return write ? 0 : Math.max(0, f.channel.size() - f.channel.position());
            }
            if (f.stdio && !write && f.in != null) {
                return f.in.available();
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Names of the open fds, for tests. */
    Set<Integer> openFds() {
        return table.keySet();
    }
}
