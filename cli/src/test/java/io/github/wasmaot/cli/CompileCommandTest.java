package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
        // (module (table 1 funcref) (func (result i32) table.size 0)): table.size is not supported yet
        Path in = tmp.resolve("size.wasm");
        Files.write(in, new byte[] {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
            0x03, 0x02, 0x01, 0x00, 0x04, 0x04, 0x01, 0x70, 0x00, 0x01,
            0x0a, 0x07, 0x01, 0x05, 0x00, (byte) 0xfc, 0x10, 0x00, 0x0b});
        Path out = tmp.resolve("size.aot");
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", out.toString(),
                in.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("size.wasm: function 0: instruction table.size at offset 0x1e is not "
                + "supported"), r.err());
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
        assertFalse(Files.exists(Path.of(out)));
    }
}
