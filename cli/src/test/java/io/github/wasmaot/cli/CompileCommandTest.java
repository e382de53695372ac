package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {
    private static final Path VECTORS = Paths.get(System.getProperty("wasmaot.shared.dir", "../../shared"))
            .resolve("aot-vectors");
    private static final Path ADD = VECTORS.resolve("add.wasm");

    @TempDir
    Path tmp;

    @Test
    void writesTheImageTheCompilerProduces() throws Exception {
        Path out = tmp.resolve("add.aot");
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                ADD.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(AotCompiler.compile(Files.readAllBytes(ADD), "add.wasm",
                CompileOptions.of("legacy", "x86_64")), Files.readAllBytes(out));
    }

    /**
     * wamr-1.3 .. 2.2 register the table helpers only when built with reference types, which their own Linux build
     * leaves off (its CMakeLists): compile and verify accept the image but say so; 2.4 builds them by default.
     */
    @Test
    void tableHelpersNeedingABuildOptionAreAWarning() throws Exception {
        Path tableCopy = VECTORS.resolveSibling("spec-tests").resolve("table_copy/table_copy.2.wasm");
        Path out = tmp.resolve("table_copy.aot");
        String warning = "warning: the image calls aot_table_copy, which wamr-1.3 registers only when built with"
                + " WASM_ENABLE_REF_TYPES, off in its own Linux build: build the runtime with -DWAMR_BUILD_REF_TYPES=1,"
                + " or it refuses the image";
        CliRun r = CliRun.of("compile", "--runtime", "1.3.3", "--target", "x86_64", "-o", out.toString(),
                tableCopy.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("wasm-aot compile: table_copy.2.wasm: " + warning), r.err());
        CliRun v = CliRun.of("verify", "--runtime", "wamr-1.3", "--target", "x86_64", out.toString());
        assertEquals(0, v.exitCode(), v.out() + v.err());
        assertTrue((v.out() + v.err()).contains(warning.substring("warning: ".length())), v.out() + v.err());

        CliRun current = CliRun.of("compile", "--runtime", "2.4", "--target", "x86_64", "-o",
                tmp.resolve("t24.aot").toString(), tableCopy.toString());
        assertEquals(0, current.exitCode(), current.err());
        assertFalse(current.err().contains("warning"), current.err());
    }

    @Test
    void acceptsWamrcSpellings() throws Exception {
        Path out = tmp.resolve("add.aot");
        CliRun r = CliRun.of("compile", "--runtime=current", "--target=aarch64", "--opt-level=2",
                "--bounds-checks=1", "-o", out.toString(), ADD.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(AotCompiler.compile(Files.readAllBytes(ADD), "add.wasm",
                CompileOptions.of("wamr-2.4", "aarch64").withOptLevel(2).withBoundsChecks(true)),
                Files.readAllBytes(out));
        CliRun verify = CliRun.of("verify", "--runtime", "wamr-2.4", "--target", "aarch64", out.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
    }

    @Test
    void unsupportedModuleExitsOneAndWritesNothing() throws Exception {
        // (module (import "m" "f" (func (result i32 i32))) (func call 0 drop drop)): a call to an import with
        // two results is not supported yet
        Path in = tmp.resolve("call.wasm");
        Files.write(in, new byte[] {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x09, 0x02, 0x60, 0x00, 0x02, 0x7f, 0x7f,
            0x60, 0x00, 0x00, 0x02, 0x07, 0x01, 0x01, 0x6d, 0x01, 0x66, 0x00, 0x00, 0x03, 0x02, 0x01, 0x01,
            0x0a, 0x08, 0x01, 0x06, 0x00, 0x10, 0x00, 0x1a, 0x1a, 0x0b});
        Path out = tmp.resolve("call.aot");
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                in.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("call.wasm: function 1: a call to an import with 2 results at offset 0x25 is "
                + "not supported"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAreUsageErrors() {
        String out = tmp.resolve("x.aot").toString();
        assertEquals(2, CliRun.of("compile", "--runtime", "nope", "--target", "x86_64", "-o", out,
                ADD.toString()).exitCode());
        assertEquals(2, CliRun.of("compile", "--runtime", "legacy", "--target", "mips", "-o", out,
                ADD.toString()).exitCode());
        assertEquals(2, CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "--bounds-checks", "2",
                "-o", out, ADD.toString()).exitCode());
        assertEquals(2, CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out,
                tmp.resolve("missing.wasm").toString()).exitCode());
        assertEquals(2, CliRun.of("compile", "--runtime", "legacy", "-o", out, ADD.toString()).exitCode());
        CliRun threads = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "--threads", "-1",
                "-o", out, ADD.toString());
        assertEquals(2, threads.exitCode());
        assertTrue(threads.err().contains("--threads must be 0 (one per core) or more, got -1"), threads.err());
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void threadCountDoesNotChangeTheImage() throws Exception {
        Path one = tmp.resolve("one.aot");
        Path three = tmp.resolve("three.aot");
        assertEquals(0, CliRun.of("compile", "--runtime", "current", "--target", "x86_64", "--threads=1", "-o",
                one.toString(), ADD.toString()).exitCode());
        assertEquals(0, CliRun.of("compile", "--runtime", "current", "--target", "x86_64", "--threads", "3", "-o",
                three.toString(), ADD.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    }
    @Test
    void refusesToWriteOverItsInputAndLeavesItByteIdentical() throws Exception {
        Path in = Files.copy(ADD, tmp.resolve("add.wasm"));
        byte[] before = Files.readAllBytes(in);
        for (String target : new String[] {in.toString(), tmp.resolve(".").resolve("add.wasm").toString()}) {
            CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", target, in.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("wasm-aot compile: refusing to write " + target + ": it is also an input (" + in + ")\n",
                    r.err());
            assertArrayEquals(before, Files.readAllBytes(in));
        }
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void refusesDirectoriesAndDevicesAsOutput() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("out.aot"));
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", dir.toString(),
                ADD.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("wasm-aot compile: refusing to write " + dir + ": it is a directory\n", r.err());
        assertTrue(Files.isDirectory(dir));
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", "/dev/null", ADD.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals("wasm-aot compile: refusing to write /dev/null: it is not a regular file\n", r.err());
            assertFalse(Files.isRegularFile(devNull));
        }
    }

    @Test
    void anExistingOutputKeepsItsModeAndANewOneFollowsTheUmask() throws Exception {
        Path out = Files.write(tmp.resolve("add.aot"), new byte[] {1});
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                ADD.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertTrue(Files.size(out) > 1);

        Path ordinary = Files.write(tmp.resolve("ordinary"), new byte[] {1});
        Path fresh = tmp.resolve("fresh.aot");
        r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", fresh.toString(), ADD.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void underUmask022TheImageIs0644() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = tmp.resolve("add.aot");
        Process p = new ProcessBuilder("sh", "-c", "umask 022; exec \"$0\" -cp \"$1\" " + WasmAotCli.class.getName()
                + " compile --runtime legacy --target x86_64 -o \"$2\" \"$3\"", java,
                System.getProperty("java.class.path"), out.toString(), ADD.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
    @Test
    void progressShowsOnlyForLongCompilesOrWhenAskedFor() throws Exception {
        Path out = tmp.resolve("add.aot");
        CliRun quick = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                ADD.toString());
        assertEquals(0, quick.exitCode(), quick.err());
        assertEquals("", quick.err());
        System.setProperty("wasm-aot.progress.quiet-ms", "0");
        try {
            CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                    ADD.toString());
            assertEquals(0, r.exitCode(), r.err());
            String[] lines = r.err().split("\\R");
            assertTrue(lines[0].matches("wasm-aot compile: add\\.wasm: (decoding and validating|translating 1 function) \\(\\d+\\.\\d s\\)"),
                    r.err());
            assertTrue(lines[lines.length - 2].matches("wasm-aot compile: add\\.wasm: object emitted \\(\\d+ bytes\\); building and "
                    + "verifying the image \\(\\d+\\.\\d s\\)"), r.err());
            assertTrue(lines[lines.length - 1].startsWith("wasm-aot compile: add.wasm: image written to " + out + " ("
                    + Files.size(out) + " bytes)"), r.err());
        } finally {
            System.clearProperty("wasm-aot.progress.quiet-ms");
        }
    }
}
