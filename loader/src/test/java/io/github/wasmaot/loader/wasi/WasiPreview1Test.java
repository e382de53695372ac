package io.github.wasmaot.loader.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasiExitException;
import io.github.wasmaot.loader.host.ByteArrayMemory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each preview1 function against a byte-array memory: results, memory layout, errno. */
class WasiPreview1Test {
    private static final int PAGE = 65536;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> exceptions = new ArrayList<>();
    private final ByteArrayMemory mem = ByteArrayMemory.ofPages(1);

    private WasiConfig config() {
        return new WasiConfig(List.of("prog.aot", "a b", "ü"), stdout, stderr);
    }

    private WasiPreview1 wasi(WasiConfig config) {
        return new WasiPreview1(config, exceptions::add);
    }

    private static long call(WasiPreview1 wasi, ByteArrayMemory memory, String name, long... args) {
        WasiFunction f = wasi.function(name).orElseThrow();
        assertEquals(f.wasmSignature().params().size(), args.length, name + " arity");
        return f.body().call(memory, args);
    }

    private long call(String name, long... args) {
        return call(wasi(config()), mem, name, args);
    }

    private byte[] snapshot() {
        return mem.bytes().clone();
    }

    @Test
    void argsHaveWasiLibcsLayout() {
        WasiPreview1 w = wasi(config());
        assertEquals(0, call(w, mem, "args_sizes_get", 0, 4));
        assertEquals(3, mem.readU32(0));
        byte[] expected = "prog.aot\0a b\0ü\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, mem.readU32(4));
        assertEquals(0, call(w, mem, "args_get", 0x100, 0x200));
        assertEquals(0x200, mem.readU32(0x100));
        assertEquals(0x209, mem.readU32(0x104));
        assertEquals(0x20d, mem.readU32(0x108));
        assertEquals(0, mem.readU32(0x10c), "argv[argc] is libc's to write");
        assertArrayEquals(expected, mem.read(0x200, expected.length));
    }

    @Test
    void environHasWasiLibcsLayout() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HOME", "/h");
        vars.put("EMPTY", "");
        WasiPreview1 w = wasi(config().withEnv(vars).withEnv("LANG", "C.UTF-8"));
        assertEquals(0, call(w, mem, "environ_sizes_get", 0, 4));
        assertEquals(3, mem.readU32(0));
        byte[] expected = "HOME=/h\0EMPTY=\0LANG=C.UTF-8\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(expected.length, mem.readU32(4));
        Arrays.fill(mem.bytes(), 0x100, 0x110, (byte) 0x55);
        assertEquals(0, call(w, mem, "environ_get", 0x100, 0x200));
        assertEquals(0x200, mem.readU32(0x100));
        assertEquals(0x208, mem.readU32(0x104));
        assertEquals(0x20f, mem.readU32(0x108));
        assertEquals(0x55555555L, mem.readU32(0x10c), "only count entries are stored");
        assertArrayEquals(expected, mem.read(0x200, expected.length));
        assertEquals(0, mem.readU8(0x200 + expected.length));
    }

    @Test
    void noEnvironmentByDefault() {
        assertEquals(0, call("environ_sizes_get", 0, 4));
        assertEquals(0, mem.readU32(0));
        assertEquals(0, mem.readU32(4));
    }

    @Test
    void outOfBoundsPointersAreEfaultAndTouchNothing() {
        byte[] before = snapshot();
        assertEquals(WasiErrno.FAULT, call("args_sizes_get", PAGE - 2, 0));
        assertEquals(WasiErrno.FAULT, call("args_sizes_get", 0, PAGE));
        // argv needs argc + 1 entries, as WAMR checks
        assertEquals(WasiErrno.FAULT, call("args_get", PAGE - 12, 0x200));
        assertEquals(WasiErrno.FAULT, call("args_get", 0x100, PAGE - 4));
        assertEquals(WasiErrno.FAULT, call("environ_sizes_get", 0xffffffffL, 0));
        assertEquals(WasiErrno.FAULT, call("clock_time_get", 0, 0, PAGE - 4));
        assertEquals(WasiErrno.FAULT, call("clock_res_get", 1, PAGE));
        assertEquals(WasiErrno.FAULT, call("random_get", PAGE - 8, 9));
        assertEquals(WasiErrno.FAULT, call("random_get", 0, 0xffffffffL));
        assertEquals(WasiErrno.FAULT, call("fd_fdstat_get", 1, PAGE - 8));
        assertArrayEquals(before, mem.bytes());
    }

    @Test
    void fdWriteGoesToTheCapturedStreams() {
        WasiPreview1 w = wasi(config());
        mem.write(64, "hello, ".getBytes(StandardCharsets.UTF_8));
        mem.write(80, "world\n".getBytes(StandardCharsets.UTF_8));
        mem.writeU32(0, 64);
        mem.writeU32(4, 7);
        mem.writeU32(8, 80);
        mem.writeU32(12, 6);
        assertEquals(0, call(w, mem, "fd_write", 1, 0, 2, 16));
        assertEquals(13, mem.readU32(16));
        assertEquals("hello, world\n", stdout.toString(StandardCharsets.UTF_8));
        assertEquals(0, call(w, mem, "fd_write", 2, 8, 1, 16));
        assertEquals(6, mem.readU32(16));
        assertEquals("world\n", stderr.toString(StandardCharsets.UTF_8));
        assertEquals(0, call(w, mem, "fd_write", 1, 0, 0, 16));
        assertEquals(0, mem.readU32(16));
    }

    @Test
    void fdWriteErrors() {
        WasiPreview1 w = wasi(config());
        mem.writeU32(0, 64);
        mem.writeU32(4, 5);
        assertEquals(WasiErrno.BADF, call(w, mem, "fd_write", 0, 0, 1, 16));
        assertEquals(WasiErrno.BADF, call(w, mem, "fd_write", 3, 0, 1, 16));
        assertEquals(WasiErrno.BADF, call(w, mem, "fd_write", 0xffffffffL, 0, 1, 16));
        // a bad buffer, iovec array or nwritten pointer: EFAULT and no output at all
        mem.writeU32(8, PAGE - 2);
        mem.writeU32(12, 3);
        assertEquals(WasiErrno.FAULT, call(w, mem, "fd_write", 1, 0, 2, 16));
        assertEquals(WasiErrno.FAULT, call(w, mem, "fd_write", 1, PAGE - 4, 1, 16));
        assertEquals(WasiErrno.FAULT, call(w, mem, "fd_write", 1, 0, 1, PAGE - 3));
        assertEquals(0, stdout.size());
    }

    @Test
    void fdReadReadsStdinLikeReadv() {
        byte[] input = "hello world".getBytes(StandardCharsets.UTF_8);
        WasiPreview1 w = wasi(config().withStdin(new ByteArrayInputStream(input)));
        mem.writeU32(0, 100);
        mem.writeU32(4, 5);
        mem.writeU32(8, 200);
        mem.writeU32(12, 100);
        assertEquals(0, call(w, mem, "fd_read", 0, 0, 2, 16));
        assertEquals(11, mem.readU32(16));
        assertEquals("hello", mem.readString(100, 5));
        assertEquals(" world", mem.readString(200, 6));
        assertEquals(0, mem.readU8(206));
        assertEquals(0, call(w, mem, "fd_read", 0, 0, 2, 16));
        assertEquals(0, mem.readU32(16), "end of input reads 0 bytes");
        assertEquals(WasiErrno.BADF, call(w, mem, "fd_read", 1, 0, 2, 16));
        assertEquals(WasiErrno.BADF, call(w, mem, "fd_read", 4, 0, 2, 16));
    }

    @Test
    void fdReadWithABadPointerConsumesNoInput() {
        WasiPreview1 w = wasi(config().withStdin(new ByteArrayInputStream(new byte[] {1, 2, 3})));
        mem.writeU32(0, PAGE - 1);
        mem.writeU32(4, 2);
        assertEquals(WasiErrno.FAULT, call(w, mem, "fd_read", 0, 0, 1, 16));
        mem.writeU32(0, 100);
        assertEquals(WasiErrno.FAULT, call(w, mem, "fd_read", 0, 0, 1, PAGE));
        assertEquals(0, call(w, mem, "fd_read", 0, 0, 1, 16));
        assertEquals(2, mem.readU32(16));
        assertArrayEquals(new byte[] {1, 2}, mem.read(100, 2));
    }

    @Test
    void emptyStdinByDefault() {
        mem.writeU32(0, 100);
        mem.writeU32(4, 10);
        assertEquals(0, call("fd_read", 0, 0, 1, 16));
        assertEquals(0, mem.readU32(16));
    }

    @Test
    void stdioIsATtyLikeCharacterDevice() {
        for (int fd = 0; fd <= 2; fd++) {
            Arrays.fill(mem.bytes(), 0, 32, (byte) 0x77);
            assertEquals(0, call("fd_fdstat_get", fd, 8));
            assertEquals(2, mem.readU8(8), "filetype character_device");
            assertEquals(0, mem.readU8(10));
            assertEquals((1L << 1) | (1L << 3) | (1L << 6) | (1L << 27), mem.readU64(16), "rights without seek/tell");
            assertEquals(0, mem.readU64(24));
        }
        assertEquals(WasiErrno.BADF, call("fd_fdstat_get", 3, 8));
        // iwasm's stdio has no fd_seek/fd_tell right: ENOTCAPABLE, which wasi-libc's lseek turns into ESPIPE
        assertEquals(WasiErrno.NOTCAPABLE, call("fd_seek", 1, 0, 0, 8));
        assertEquals(WasiErrno.BADF, call("fd_seek", 3, 0, 0, 8));
        assertEquals(WasiErrno.NOTCAPABLE, call("fd_tell", 0, 8));
        assertEquals(0, call("fd_close", 2));
        assertEquals(WasiErrno.BADF, call("fd_close", 9));
    }

    @Test
    void clocksComeFromTheInjectedClock() {
        WasiPreview1 w = wasi(config().withClock(WasiClock.fixed(1_700_000_000_123_456_789L, 42)));
        assertEquals(0, call(w, mem, "clock_time_get", 0, 1, 8));
        assertEquals(1_700_000_000_123_456_789L, mem.readU64(8));
        assertEquals(0, call(w, mem, "clock_time_get", 1, 0, 8));
        assertEquals(42, mem.readU64(8));
        assertEquals(0, call(w, mem, "clock_time_get", 2, 0, 8));
        assertEquals(42, mem.readU64(8));
        assertEquals(0, call(w, mem, "clock_time_get", 3, 0, 8));
        assertEquals(WasiErrno.INVAL, call(w, mem, "clock_time_get", 4, 0, 8));
        assertEquals(0, call(w, mem, "clock_res_get", 0, 16));
        assertEquals(1000, mem.readU64(16));
        assertEquals(0, call(w, mem, "clock_res_get", 1, 16));
        assertEquals(1, mem.readU64(16));
        assertEquals(WasiErrno.INVAL, call(w, mem, "clock_res_get", 9, 16));
    }

    @Test
    void systemClocksAreSane() {
        long before = System.currentTimeMillis();
        assertEquals(0, call("clock_time_get", 0, 0, 8));
        long realtimeMillis = mem.readU64(8) / 1_000_000;
        assertTrue(realtimeMillis >= before - 1 && realtimeMillis <= System.currentTimeMillis() + 1);
        assertEquals(0, call("clock_time_get", 1, 0, 8));
        long t0 = mem.readU64(8);
        assertEquals(0, call("clock_time_get", 1, 0, 8));
        assertTrue(mem.readU64(8) >= t0);
    }

    @Test
    void randomBytesComeFromTheInjectedSource() {
        WasiPreview1 w = wasi(config().withRandom(buf -> {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = (byte) (i + 1);
            }
        }));
        assertEquals(0, call(w, mem, "random_get", 100, 5));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0}, mem.read(100, 6));
        assertEquals(0, call(w, mem, "random_get", PAGE, 0));

        WasiPreview1 seeded = wasi(config().withRandom(RandomSource.seeded(7)));
        ByteArrayMemory other = ByteArrayMemory.ofPages(1);
        call(seeded, other, "random_get", 0, 32);
        ByteArrayMemory again = ByteArrayMemory.ofPages(1);
        call(wasi(config().withRandom(RandomSource.seeded(7))), again, "random_get", 0, 32);
        assertArrayEquals(other.read(0, 32), again.read(0, 32));

        call("random_get", 0, 64); // SecureRandom by default
        assertTrue(IntStream.range(0, 64).anyMatch(i -> mem.bytes()[i] != 0));
    }

    @Test
    void procExitRecordsTheCodeAndSetsTheRuntimesException() {
        WasiPreview1 w = wasi(config());
        assertEquals(OptionalInt.empty(), w.exitCode());
        // proc_exit does not return; the linker hands the exit to exit(), which a host function may call too
        WasiExitException exit = assertThrows(WasiExitException.class, () -> call(w, mem, "proc_exit", 3));
        assertEquals(3, exit.exitCode());
        assertEquals(List.of(), exceptions);
        w.exit(exit.exitCode());
        assertEquals(OptionalInt.of(3), w.exitCode());
        assertEquals(List.of("wasi proc exit"), exceptions);
        assertEquals(0, call("sched_yield"));
    }

    @Test
    void withoutPreopensStdioAnswersAsIwasmsRightsSay() {
        // no preopens: wasi-libc's startup scan stops at EBADF
        assertEquals(WasiErrno.BADF, call("fd_prestat_get", 3, 8));
        assertEquals(WasiErrno.BADF, call("fd_prestat_get", 0, 8));
        assertEquals(WasiErrno.BADF, call("fd_prestat_dir_name", 3, 8, 4));
        mem.write(100, "a.tx".getBytes(StandardCharsets.US_ASCII));
        mem.write(200, "b.tx".getBytes(StandardCharsets.US_ASCII));
        assertEquals(WasiErrno.BADF, call("path_open", 3, 0, 100, 4, 0, 0, 0, 0, 8));
        // stdio lacks path_open, path_symlink and fd_readdir (WAMR rights.h RIGHTS_STDOUT); pread needs only
        // fd_read, and a character device cannot seek
        assertEquals(WasiErrno.NOTCAPABLE, call("path_open", 1, 0, 100, 4, 0, 0, 0, 0, 8));
        assertEquals(WasiErrno.BADF, call("path_symlink", 100, 4, 5, 200, 4));
        assertEquals(WasiErrno.NOTCAPABLE, call("path_symlink", 100, 4, 0, 200, 4));
        assertEquals(WasiErrno.NOTCAPABLE, call("fd_readdir", 0, 8, 4, 0, 16));
        assertEquals(WasiErrno.SPIPE, call("fd_pread", 0, 8, 1, 0, 16));
        assertEquals(WasiErrno.BADF, call("fd_filestat_get", 7, 8));
        assertEquals(WasiErrno.SUCCESS, call("fd_filestat_get", 1, 8));
        assertEquals(2, mem.readU8(8 + 16), "stdout is a character device");
        assertEquals(WasiErrno.SUCCESS, call("fd_fdstat_set_flags", 1, 0));
        assertEquals(WasiErrno.NOTSOCK, call("sock_recv", 1, 0, 1, 0, 8, 12));
        assertEquals(WasiErrno.BADF, call("sock_shutdown", 3, 0));
        assertEquals(WasiErrno.NOSYS, call("proc_raise", 6));
        assertEquals(WasiErrno.NOSYS, call("sock_open", 3, 0, 0, 8));
    }

    @Test
    void aPathWithANulByteIsEilseqBeforeTheFdIsLookedAt() {
        // WAMR's str_nullterminate runs before fd_object_get
        assertEquals(25, call("path_open", 3, 0, 100, 4, 0, 0, 0, 0, 8));
    }

    @Test
    void pollOneoffWithOneClockSubscriptionSleeps() {
        // subscription at 0: userdata 0x1234, tag clock, id monotonic, relative timeout 20 ms
        mem.writeU64(0, 0x1234);
        mem.writeU8(8, 0);
        mem.writeU32(16, 1);
        mem.writeU64(24, 20_000_000L);
        long t0 = System.nanoTime();
        assertEquals(0, call("poll_oneoff", 0, 64, 1, 200));
        assertTrue(System.nanoTime() - t0 >= 20_000_000L, "slept 20 ms");
        assertEquals(1, mem.readU32(200));
        assertEquals(0x1234, mem.readU64(64));
        assertEquals(0, mem.readU8(64 + 8), "no error");
        assertEquals(0, mem.readU8(64 + 10), "clock event");
        assertEquals(WasiErrno.INVAL, call("poll_oneoff", 0, 64, 0, 200), "no subscriptions");
    }

    @Test
    void pollOneoffAnswersReadyFdsAtOnceAndBadFdsWithEbadf() {
        // three subscriptions: fd_write on 1, fd_read on 9 (not open), clock 10 s (must not be waited for)
        mem.writeU64(0, 1);
        mem.writeU8(8, 2);
        mem.writeU32(16, 1);
        mem.writeU64(48, 2);
        mem.writeU8(56, 1);
        mem.writeU32(64, 9);
        mem.writeU64(96, 3);
        mem.writeU8(104, 0);
        mem.writeU32(112, 1);
        mem.writeU64(120, 10_000_000_000L);
        long t0 = System.nanoTime();
        assertEquals(0, call("poll_oneoff", 0, 200, 3, 400));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertEquals(2, mem.readU32(400));
        assertEquals(1, mem.readU64(200));
        assertEquals(0, mem.readU8(208));
        assertEquals(2, mem.readU8(210), "fd_write event");
        assertEquals(2, mem.readU64(232));
        assertEquals(WasiErrno.BADF, mem.readU8(240));
    }

    @Test
    void everyFunctionWamrRegistersIsServedWithItsSignature() {
        WasiPreview1 w = wasi(config());
        assertEquals(94, WasiSignatures.names().size());
        for (String name : WasiSignatures.names()) {
            WasiFunction f = w.function(name).orElseThrow();
            assertEquals(WasiSignatures.wamr(name).orElseThrow(), f.nativeSignature());
            assertEquals(f.wasmSignature(), w.lookup(WasiPreview1.MODULE, name).orElseThrow().signature());
        }
        assertTrue(w.lookup("env", "fd_write").isEmpty());
        assertTrue(w.function("fd_teleport").isEmpty());
        assertEquals(new FunctionSignature(List.of(ValueType.I32, ValueType.I64, ValueType.I32), List.of(ValueType.I32)),
                WasiSignatures.wasmSignature(WasiSignatures.wamr("clock_time_get").orElseThrow()));
        assertEquals(new FunctionSignature(List.of(ValueType.I32), List.of()),
                WasiSignatures.wasmSignature(WasiSignatures.wamr("proc_exit").orElseThrow()));
    }

    @Test
    void configRejectsEnvironmentEntriesWithoutAKey() {
        assertThrows(IllegalArgumentException.class,
                () -> config().withEnv("", "x"));
    }
}
