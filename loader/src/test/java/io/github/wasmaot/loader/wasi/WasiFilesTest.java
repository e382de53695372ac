package io.github.wasmaot.loader.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.host.ByteArrayMemory;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file and directory calls against a real temporary directory, preopened as fd 3 ("." ) and 4 ("/m"). */
class WasiFilesTest {
    private static final int PATH = 1000;
    private static final int PATH2 = 1200;
    private static final int OUT = 2000;
    private static final int BUF = 4000;

    @TempDir
    Path tmp;

    private Path sandbox;
    private Path mapped;
    private final ByteArrayMemory mem = ByteArrayMemory.ofPages(1);
    private WasiPreview1 wasi;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = Files.createDirectories(tmp.resolve("sandbox"));
        mapped = Files.createDirectories(tmp.resolve("mapped"));
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/secret.txt"), "secret");
        Files.writeString(sandbox.resolve("in.txt"), "hello world");
        Files.createDirectories(sandbox.resolve("sub"));
        Files.createSymbolicLink(sandbox.resolve("out"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("abs"), tmp.resolve("outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("in-link"), Path.of("sub/../in.txt"));
        WasiConfig config = new WasiConfig(List.of("p"), new ByteArrayOutputStream(), new ByteArrayOutputStream())
                .withPreopens(List.of(new WasiPreopen(".", sandbox), WasiPreopen.mapDir("/m::" + mapped)))
                .withWorkingDirectory(sandbox);
        wasi = new WasiPreview1(config, t -> { });
    }

    private long call(String name, long... args) {
        return wasi.function(name).orElseThrow().body().call(mem, args);
    }

    private int path(int at, String p) {
        byte[] b = p.getBytes(StandardCharsets.UTF_8);
        mem.write(at, b);
        return b.length;
    }

    private long open(int dirfd, int lookup, String p, int oflags, long rights, int fdflags) {
        int len = path(PATH, p);
        return call("path_open", dirfd, lookup, PATH, len, oflags, rights, WasiFiles.DIRECTORY_INHERITING, fdflags,
                OUT);
    }

    private static final long READ = WasiFiles.FD_READ | WasiFiles.FD_SEEK | WasiFiles.FD_TELL;
    private static final long WRITE = WasiFiles.FD_WRITE | WasiFiles.FD_SEEK | WasiFiles.FD_TELL
            | WasiFiles.FD_FILESTAT_SET_SIZE | WasiFiles.FD_FILESTAT_GET;

    @Test
    void preopensAreFdsThreeAndFourWithTheirGuestNamesAndIwasmsDirectoryRights() {
        assertEquals(0, call("fd_prestat_get", 3, OUT));
        assertEquals(0, mem.readU8(OUT));
        assertEquals(1, mem.readU32(OUT + 4));
        assertEquals(0, call("fd_prestat_get", 4, OUT));
        assertEquals(2, mem.readU32(OUT + 4));
        assertEquals(0, call("fd_prestat_dir_name", 4, BUF, 2));
        assertEquals("/m", mem.readString(BUF, 2));
        assertEquals(WasiErrno.INVAL, call("fd_prestat_dir_name", 4, BUF, 1));
        assertEquals(WasiErrno.BADF, call("fd_prestat_get", 5, OUT));
        assertEquals(0, call("fd_fdstat_get", 3, OUT));
        assertEquals(WasiFiles.FILETYPE_DIRECTORY, mem.readU8(OUT));
        assertEquals(WasiFiles.DIRECTORY_BASE, mem.readU64(OUT + 8));
        assertEquals(WasiFiles.DIRECTORY_INHERITING, mem.readU64(OUT + 16));
    }

    @Test
    void aMissingPreopenIsRefusedWhenTheHostStarts() {
        WasiConfig config = new WasiConfig(List.of("p"), new ByteArrayOutputStream(), new ByteArrayOutputStream())
                .withPreopens(List.of(WasiPreopen.dir(tmp.resolve("nope").toString())));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new WasiPreview1(config, t -> { }));
        assertTrue(e.getMessage().contains("error while pre-opening directory"), e.getMessage());
    }

    @Test
    void mapDirNeedsGuestAndHost() {
        assertThrows(IllegalArgumentException.class, () -> WasiPreopen.mapDir("/only"));
        assertThrows(IllegalArgumentException.class, () -> WasiPreopen.mapDir("::/host"));
        assertEquals(new WasiPreopen("/g", Path.of("/h::x")), WasiPreopen.mapDir("/g::/h::x"));
    }

    @Test
    void readWriteSeekAndTheRightsOfTheNewFd() throws Exception {
        assertEquals(0, open(3, 0, "in.txt", 0, READ, 0));
        int fd = (int) mem.readU32(OUT);
        assertEquals(5, fd, "lowest free fd after the preopens");
        assertEquals(0, call("fd_fdstat_get", fd, OUT));
        assertEquals(WasiFiles.FILETYPE_REGULAR_FILE, mem.readU8(OUT));
        assertEquals(READ, mem.readU64(OUT + 8));
        mem.writeU32(BUF, BUF + 100);
        mem.writeU32(BUF + 4, 5);
        assertEquals(0, call("fd_read", fd, BUF, 1, OUT));
        assertEquals(5, mem.readU32(OUT));
        assertEquals("hello", mem.readString(BUF + 100, 5));
        assertEquals(WasiErrno.NOTCAPABLE, call("fd_write", fd, BUF, 1, OUT), "read-only fd");
        assertEquals(0, call("fd_seek", fd, -5, 2, OUT));
        assertEquals(6, mem.readU64(OUT));
        assertEquals(WasiErrno.INVAL, call("fd_seek", fd, -1, 0, OUT));
        assertEquals(0, call("fd_close", fd));
        assertEquals(WasiErrno.BADF, call("fd_close", fd));

        assertEquals(0, open(4, 0, "new.txt", 1 | 8, WRITE, 0));
        fd = (int) mem.readU32(OUT);
        mem.write(BUF + 100, "data".getBytes(StandardCharsets.US_ASCII));
        mem.writeU32(BUF, BUF + 100);
        mem.writeU32(BUF + 4, 4);
        assertEquals(0, call("fd_write", fd, BUF, 1, OUT));
        assertEquals(0, call("fd_pwrite", fd, BUF, 1, 6, OUT));
        assertEquals("data\0\0data", Files.readString(mapped.resolve("new.txt")));
        assertEquals(0, call("fd_filestat_set_size", fd, 2));
        assertEquals("da", Files.readString(mapped.resolve("new.txt")));
        assertEquals(0, call("fd_filestat_get", fd, OUT));
        assertEquals(2, mem.readU64(OUT + 32), "size");
        assertEquals(WasiFiles.FILETYPE_REGULAR_FILE, mem.readU8(OUT + 16));
        assertEquals(1, mem.readU64(OUT + 24), "nlink");
        assertEquals(0, call("fd_renumber", fd, 3));
        assertEquals(WasiErrno.BADF, call("fd_prestat_get", 3, OUT), "the preopen was replaced");
        assertEquals(WasiErrno.BADF, call("fd_write", fd, BUF, 1, OUT));
        assertEquals(0, call("fd_write", 3, BUF, 1, OUT));
        assertEquals(WasiErrno.EXIST, open(4, 0, "new.txt", 1 | 4, WRITE, 0));
    }

    @Test
    void appendWritesAtTheEndWhateverTheOffset() throws Exception {
        Files.writeString(sandbox.resolve("log"), "a\n");
        assertEquals(0, open(3, 0, "log", 0, WasiFiles.FD_WRITE, 1));
        int fd = (int) mem.readU32(OUT);
        mem.write(BUF + 100, "b\n".getBytes(StandardCharsets.US_ASCII));
        mem.writeU32(BUF, BUF + 100);
        mem.writeU32(BUF + 4, 2);
        assertEquals(0, call("fd_write", fd, BUF, 1, OUT));
        assertEquals(0, call("fd_write", fd, BUF, 1, OUT));
        assertEquals("a\nb\nb\n", Files.readString(sandbox.resolve("log")));
        assertEquals(0, call("fd_fdstat_get", fd, OUT));
        assertEquals(1, mem.readU8(OUT + 2), "fdflags append");
    }

    @Test
    void nothingOutsideThePreopensIsReachable() {
        assertEquals(WasiErrno.NOTCAPABLE, open(3, 1, "../outside/secret.txt", 0, READ, 0));
        assertEquals(WasiErrno.NOTCAPABLE, open(3, 1, "sub/../../outside/secret.txt", 0, READ, 0));
        assertEquals(WasiErrno.NOTCAPABLE, open(3, 1, "/etc/passwd", 0, READ, 0));
        assertEquals(WasiErrno.NOTCAPABLE, open(3, 1, "out", 0, READ, 0), "relative symlink leading out");
        assertEquals(WasiErrno.NOTCAPABLE, open(3, 1, "abs", 0, READ, 0), "absolute symlink");
        assertEquals(WasiErrno.LOOP, open(3, 0, "out", 0, READ, 0), "not followed: O_NOFOLLOW");
        assertEquals(0, open(3, 1, "in-link", 0, READ, 0), "a symlink that stays inside is followed");
        assertEquals(0, open(3, 1, "sub/../in.txt", 0, READ, 0));
        int len = path(PATH, "../x");
        assertEquals(WasiErrno.NOTCAPABLE, call("path_create_directory", 3, PATH, len));
        assertFalse(Files.exists(tmp.resolve("x")));
        len = path(PATH, "../outside/secret.txt");
        assertEquals(WasiErrno.NOTCAPABLE, call("path_unlink_file", 3, PATH, len));
        assertTrue(Files.exists(tmp.resolve("outside/secret.txt")));
        len = path(PATH, "..");
        assertEquals(WasiErrno.NOTCAPABLE, call("path_filestat_get", 3, 1, PATH, len, OUT));
        // WAMR's validate_path: a symlink to an existing place outside every preopen is EBADF
        len = path(PATH, "../outside");
        int len2 = path(PATH2, "escape");
        assertEquals(WasiErrno.BADF, call("path_symlink", PATH, len, 3, PATH2, len2));
        assertFalse(Files.exists(sandbox.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        len = path(PATH, "in.txt");
        assertEquals(0, call("path_symlink", PATH, len, 3, PATH2, len2));
    }

    @Test
    void directoriesRenameUnlinkAndReaddir() throws Exception {
        int len = path(PATH, "d");
        assertEquals(0, call("path_create_directory", 3, PATH, len));
        assertEquals(WasiErrno.EXIST, call("path_create_directory", 3, PATH, len));
        len = path(PATH, "in.txt");
        int len2 = path(PATH2, "d/moved.txt");
        assertEquals(0, call("path_rename", 3, PATH, len, 3, PATH2, len2));
        assertEquals("hello world", Files.readString(sandbox.resolve("d/moved.txt")));
        len = path(PATH, "d");
        assertEquals(WasiErrno.NOTEMPTY, call("path_remove_directory", 3, PATH, len));
        assertEquals(WasiErrno.ISDIR, call("path_unlink_file", 3, PATH, len));
        len2 = path(PATH2, "d/moved.txt");
        assertEquals(WasiErrno.NOTDIR, call("path_remove_directory", 3, PATH2, len2));

        assertEquals(0, open(3, 0, "d", 2, WasiFiles.FD_READDIR, 0));
        int fd = (int) mem.readU32(OUT);
        assertEquals(0, call("fd_readdir", fd, BUF, 1000, 0, OUT));
        long used = mem.readU32(OUT);
        List<String> names = new ArrayList<>();
        long cookie = 0;
        for (long at = BUF; at < BUF + used; ) {
            cookie = mem.readU64(at);
            int n = (int) mem.readU32(at + 16);
            names.add(mem.readString(at + 24, n));
            at += 24 + n;
        }
        assertEquals(List.of(".", "..", "moved.txt"), names);
        assertEquals(3, cookie);
        assertEquals(0, call("fd_readdir", fd, BUF, 30, 0, OUT));
        assertEquals(30, mem.readU32(OUT), "a full buffer: libc asks again with a bigger one");
        assertEquals(0, call("fd_readdir", fd, BUF, 1000, 3, OUT));
        assertEquals(0, mem.readU32(OUT), "past the end");

        assertEquals(0, call("path_unlink_file", 3, PATH2, len2));
        assertEquals(0, call("path_remove_directory", 3, PATH, len));
        assertFalse(Files.exists(sandbox.resolve("d")));
    }

    @Test
    void readlinkGivesTheTargetAsWritten() {
        int len = path(PATH, "out");
        assertEquals(0, call("path_readlink", 3, PATH, len, BUF, 100, OUT));
        assertEquals("../outside/secret.txt", mem.readString(BUF, (int) mem.readU32(OUT)));
        assertEquals(0, call("path_readlink", 3, PATH, len, BUF, 4, OUT));
        assertEquals(4, mem.readU32(OUT), "truncated");
        len = path(PATH, "in.txt");
        assertEquals(WasiErrno.INVAL, call("path_readlink", 3, PATH, len, BUF, 100, OUT));
    }
}
