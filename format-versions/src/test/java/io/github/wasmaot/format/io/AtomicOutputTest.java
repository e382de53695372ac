package io.github.wasmaot.format.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private static final byte[] NEW = "new bytes".getBytes(StandardCharsets.UTF_8);

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheBytesAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("sub/a.aot");
        AtomicOutput.write(out, NEW);
        assertArrayEquals(NEW, Files.readAllBytes(out));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of("a.aot"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(AtomicOutput.live().isEmpty());
    }

    @Test
    void refusesToOverwriteAnInputEvenSpelledDifferentlyOrThroughALink() throws IOException {
        Path in = dir.resolve("add.wasm");
        byte[] original = {0, 'a', 's', 'm', 1, 0, 0, 0};
        Files.write(in, original);
        Path link = Files.createSymbolicLink(dir.resolve("link.aot"), in);
        Path hard = Files.createLink(dir.resolve("hard.aot"), in);
        for (Path target : List.of(in, dir.resolve(".").resolve("add.wasm"), link, hard)) {
            AtomicOutput.RefusedOutputException e = assertThrows(AtomicOutput.RefusedOutputException.class,
                    () -> AtomicOutput.write(target, NEW, in));
            assertTrue(e.getMessage().contains("is also an input"), e.getMessage());
            assertArrayEquals(original, Files.readAllBytes(in));
        }
        assertEquals(List.of("add.wasm", "hard.aot", "link.aot"), names());
    }

    @Test
    void refusesDirectoriesAndDevices() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("out.aot"));
        IOException e = assertThrows(AtomicOutput.RefusedOutputException.class, () -> AtomicOutput.write(sub, NEW));
        assertEquals("refusing to write " + sub + ": it is a directory", e.getMessage());
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            e = assertThrows(AtomicOutput.RefusedOutputException.class, () -> AtomicOutput.write(devNull, NEW));
            assertEquals("refusing to write /dev/null: it is not a regular file", e.getMessage());
            assertFalse(Files.isRegularFile(devNull));
        }
    }

    @Test
    void aLinkToAFileStaysALink() throws IOException {
        Path real = Files.write(dir.resolve("real.aot"), new byte[] {1});
        Path link = Files.createSymbolicLink(dir.resolve("link.aot"), real.getFileName());
        AtomicOutput.write(link, NEW);
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(NEW, Files.readAllBytes(real));
    }

    @Test
    void aNewFileGetsTheModeOfAnOrdinaryWrite() throws IOException {
        Path ordinary = Files.write(dir.resolve("ordinary"), NEW);
        Path out = dir.resolve("new.aot");
        AtomicOutput.write(out, NEW);
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(out));
    }

    @Test
    void anExistingFileKeepsItsMode() throws IOException {
        Path out = Files.write(dir.resolve("old.aot"), new byte[] {1});
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        AtomicOutput.write(out, NEW);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertArrayEquals(NEW, Files.readAllBytes(out));
    }

    @Test
    void failedContentLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path out = Files.write(dir.resolve("old.aot"), new byte[] {1});
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(out, o -> {
            o.write(NEW);
            throw new IOException("disk on fire");
        }, List.of()));
        assertEquals("disk on fire", e.getMessage());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(out));
        assertEquals(List.of("old.aot"), names());
        assertTrue(AtomicOutput.live().isEmpty());
    }

    private static ProcessBuilder probe(String shell) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder("sh", "-c", shell + " exec \"$0\" -cp \"$1\" " + AtomicOutputProbe.class.getName()
                + " \"$2\" \"$3\"", java, System.getProperty("java.class.path"), "", "").redirectErrorStream(true);
    }

    private static int runProbe(String umask, Path target) throws Exception {
        ProcessBuilder pb = probe("umask " + umask + ";");
        List<String> cmd = new java.util.ArrayList<>(pb.command());
        cmd.set(cmd.size() - 2, "write");
        cmd.set(cmd.size() - 1, target.toString());
        Process p = pb.command(cmd).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return p.exitValue();
    }

    @Test
    void underUmask022ANewOutputIs0644AndUnder077It0600() throws Exception {
        Path a = dir.resolve("a.aot");
        runProbe("022", a);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        Path b = dir.resolve("b.aot");
        runProbe("077", b);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)));
    }

    @Test
    void sigtermAndSigintRemoveTheTemporaryFile() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            if (signal.equals("INT") && sigintIgnored()) {
                // started as a background job of a non-interactive shell: SIGINT is ignored and every child inherits
                // that (POSIX lets no shell reset it), so there is no Ctrl-C to handle; SIGTERM was checked above
                continue;
            }
            Path target = dir.resolve("big-" + signal + ".aot");
            ProcessBuilder pb = probe("");
            List<String> cmd = new java.util.ArrayList<>(pb.command());
            cmd.set(cmd.size() - 2, "hold");
            cmd.set(cmd.size() - 1, target.toString());
            Process p = pb.command(cmd).start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                Path temp = Path.of(r.readLine());
                assertTrue(Files.exists(temp), temp + " should exist while the probe holds it");
                assertEquals(1 << 20, Files.size(temp));
                // the shell's builtin kill: a fresh machine may have no procps
                Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).start();
                assertEquals(0, kill.waitFor());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertFalse(Files.exists(temp), temp + " left behind after SIG" + signal);
                assertFalse(Files.exists(target));
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** Whether this JVM (and so every child it starts) has SIGINT ignored (/proc/self/status SigIgn, bit 2 - 1). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 2L) != 0;
            }
        }
        return false;
    }
}
