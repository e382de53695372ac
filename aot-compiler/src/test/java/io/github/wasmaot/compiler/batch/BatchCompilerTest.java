package io.github.wasmaot.compiler.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCompilerTest {
    private static final Path FIB = Path.of(System.getProperty("wasmaot.repo.dir", ".."), "examples", "fib.wasm");
    private static final List<MatrixCell> MATRIX = MatrixCell.product(List.of("legacy", "current"),
            List.of("x86_64", "aarch64"));

    @TempDir
    Path dir;
    Path source;
    Path out;

    @BeforeEach
    void copySource() throws IOException {
        source = Files.createDirectories(dir.resolve("src")).resolve("fib.wasm");
        Files.copy(FIB, source);
        out = dir.resolve("out");
    }

    private BatchRequest request(CompileOptions options) {
        return new BatchRequest(List.of(source), MATRIX, options, out, "test-compiler 1");
    }

    @Test
    void compilesEveryCellIntoProfileIsaLayoutThenSkipsWhatIsUpToDate() throws Exception {
        List<ModuleResult> progress = new ArrayList<>();
        BatchResult first = BatchCompiler.compile(request(CompileOptions.of("x", "y")), progress::add);
        assertEquals(4, first.compiled().size(), first.summary());
        assertEquals(first.results(), progress);
        for (String image : List.of("wamr-cba4c782/x86_64", "wamr-cba4c782/aarch64", "wamr-2.4/x86_64",
                "wamr-2.4/aarch64")) {
            Path file = out.resolve(image + "/fib.aot");
            String[] cell = image.split("/");
            // the same bytes as a single compile of the cell: the batch adds nothing to the image
            assertArrayEquals(AotCompiler.compile(Files.readAllBytes(FIB), "fib.wasm", CompileOptions.of(cell[0],
                    cell[1])), Files.readAllBytes(file), image);
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
            CompileStamp stamp = CompileStamp.readFor(file).orElseThrow();
            assertEquals("test-compiler 1", stamp.compiler());
            assertEquals(List.of("--runtime=" + cell[0], "--target=" + cell[1], "--opt-level=3", "--bounds-checks=0"),
                    stamp.options().subList(0, 4));
        }
        Path one = out.resolve("wamr-2.4/x86_64/fib.aot");
        FileTime before = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(one, before);

        BatchResult second = BatchCompiler.compile(request(CompileOptions.of("x", "y")));
        assertEquals(4, second.upToDate().size(), second.summary());
        assertEquals(before, Files.getLastModifiedTime(one));
        assertTrue(second.results().get(0).describe(out).endsWith("fib.aot: up to date, skipped"),
                second.results().get(0).describe(out));
    }

    @Test
    void changedOptionsSourceCompilerOrImageRecompile() throws Exception {
        CompileOptions options = CompileOptions.of("x", "y");
        BatchCompiler.compile(request(options));

        BatchResult bounds = BatchCompiler.compile(request(options.withBoundsChecks(true)));
        assertEquals(4, bounds.compiled().size());
        assertTrue(bounds.compiled().get(0).reason().startsWith("options changed"), bounds.compiled().get(0).reason());

        Path image = out.resolve("wamr-cba4c782/aarch64/fib.aot");
        byte[] bytes = Files.readAllBytes(image);
        bytes[bytes.length - 1] ^= 1;
        Files.write(image, bytes);
        BatchResult tampered = BatchCompiler.compile(request(options.withBoundsChecks(true)));
        assertEquals(1, tampered.compiled().size(), tampered.summary());
        assertEquals("image modified since it was written", tampered.compiled().get(0).reason());
        assertEquals(image, tampered.compiled().get(0).image());

        BatchResult otherCompiler = BatchCompiler.compile(new BatchRequest(List.of(source), MATRIX,
                options.withBoundsChecks(true), out, "test-compiler 2"));
        assertEquals(4, otherCompiler.compiled().size());

        // append an unused custom section: other bytes, same code
        byte[] wasm = Files.readAllBytes(source);
        byte[] longer = java.util.Arrays.copyOf(wasm, wasm.length + 4);
        System.arraycopy(new byte[] {0, 2, 1, 'x'}, 0, longer, wasm.length, 4);
        Files.write(source, longer);
        BatchResult changed = BatchCompiler.compile(new BatchRequest(List.of(source), MATRIX,
                options.withBoundsChecks(true), out, "test-compiler 2"));
        assertEquals(4, changed.compiled().size());
        assertEquals("source changed", changed.compiled().get(0).reason());
    }

    @Test
    void aFailingCellDoesNotStopTheOthersAndLeavesNoImage() throws Exception {
        BatchRequest r = new BatchRequest(List.of(source), List.of(new MatrixCell("current", "riscv64"),
                new MatrixCell("current", "x86_64")), CompileOptions.of("x", "y"), out, null);
        BatchResult result = BatchCompiler.compile(r);
        ModuleResult.Failed failed = assertInstanceOf(ModuleResult.Failed.class, result.results().get(0));
        assertTrue(failed.message().contains("no codegen data for target \"riscv64\""), failed.message());
        assertTrue(failed.describe(out).startsWith("fib.wasm for current/riscv64: FAILED: "));
        assertInstanceOf(ModuleResult.Compiled.class, result.results().get(1));
        assertFalse(Files.exists(out.resolve("wamr-2.4/riscv64")));
        assertTrue(CompileStamp.readFor(out.resolve("wamr-2.4/x86_64/fib.aot")).orElseThrow().compiler()
                .startsWith("wasm-aot-compiler "));
    }

    @Test
    void invalidWasmFailsNamingTheModuleAndKeepsTheEarlierImage() throws Exception {
        List<MatrixCell> cell = List.of(new MatrixCell("current", "x86_64"));
        BatchCompiler.compile(new BatchRequest(List.of(source), cell, CompileOptions.of("x", "y"), out, "c"));
        Path image = out.resolve("wamr-2.4/x86_64/fib.aot");
        byte[] good = Files.readAllBytes(image);
        Files.write(source, new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        BatchResult r = BatchCompiler.compile(new BatchRequest(List.of(source), cell, CompileOptions.of("x", "y"),
                out, "c"));
        ModuleResult.Failed failed = assertInstanceOf(ModuleResult.Failed.class, r.results().get(0));
        assertTrue(failed.message().startsWith("fib.wasm: "), failed.message());
        assertArrayEquals(good, Files.readAllBytes(image));
    }

    @Test
    void twoSourcesWithOneNameAreRefused() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other")).resolve("fib.wasm");
        Files.copy(FIB, other);
        BatchCompileException e = assertThrows(BatchCompileException.class, () -> BatchCompiler.compile(
                new BatchRequest(List.of(source, other), MATRIX, CompileOptions.of("x", "y"), out)));
        assertTrue(e.getMessage().contains("would both be compiled to fib.aot"), e.getMessage());
    }
}
