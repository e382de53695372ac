package io.github.wasmaot.loader.cprograms;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.cprograms.WasiFixture;
import io.github.wasmaot.cprograms.WasiProgram;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.run.BackendPreference;
import io.github.wasmaot.loader.run.RunRequest;
import io.github.wasmaot.loader.run.RunResult;
import io.github.wasmaot.loader.run.Runner;
import io.github.wasmaot.loader.run.WasiOptions;
import io.github.wasmaot.loader.wasi.WasiPreopen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WASI C programs of the compiler's tests ({@link WasiProgram}: file copy, directory listing, append, seek,
 * rename, environment, stdin filter, sleeping through poll_oneoff, escape attempts) compiled for both runtimes and
 * run by the loader natively (x86_64) and emulated (aarch64) as iwasm runs them: in a fresh {@link WasiFixture},
 * the sandbox preopened as "." and the working directory, with the program's {@code --env} entries and stdin.
 * stdout, stderr, the exit code and the directories afterwards must be what the REAL iwasm WAMR-2.4.4 did
 * (recorded in {@code wasi-programs/expected/2.4.4/} by {@code WasiProgramsJudgeTest}), for images of either
 * runtime: the loader serves wasi_snapshot_preview1 as 2.4.4 does, also to cba4c782 images (whose own iwasm still
 * has wasi_unstable's filestat and poll layouts and exits 0 after proc_exit). Skipped without clang for
 * wasm32-wasi, except on CI; the prebuilt CPython ({@code python}, {@link io.github.wasmaot.cprograms.PrebuiltWasm})
 * runs where it is in the local cache (minutes of compiling per cell, so not on CI).
 */
class WasiProgramsLoaderTest {
    private record Cell(String profile, String isa, BackendKind backend) {
    }

    private static final List<Cell> CELLS = List.of(
            new Cell("wamr-cba4c782", "x86_64", BackendKind.NATIVE),
            new Cell("wamr-2.4", "x86_64", BackendKind.NATIVE),
            new Cell("wamr-cba4c782", "aarch64", BackendKind.EMULATED),
            new Cell("wamr-2.4", "aarch64", BackendKind.EMULATED));

    @TempDir
    static Path tmp;

    private static final Map<String, Path> WASM = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> loaderDoesWhatIwasmDid() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Cell cell : CELLS) {
            for (WasiProgram program : WasiProgram.all()) {
                tests.add(DynamicTest.dynamicTest(cell.profile() + " " + cell.isa() + " " + cell.backend() + " "
                        + program, () -> check(cell, program)));
            }
        }
        return tests.stream();
    }

    private static synchronized Path wasm(WasiProgram program) throws Exception {
        Path wasm = WASM.get(program.name());
        if (wasm == null) {
            wasm = program.buildWasm(Files.createDirectories(tmp.resolve("wasm-" + program.name())));
            WASM.put(program.name(), wasm);
        }
        return wasm;
    }

    private void check(Cell cell, WasiProgram program) throws Exception {
        // a prebuilt public module (CPython: minutes of compiling per cell) is a local check, never a CI one
        Assumptions.assumeFalse(program.prebuilt().isPresent() && "true".equalsIgnoreCase(System.getenv("CI")),
                "prebuilt " + program + ": local only (docs/compat.md)");
        Backends.assumeAvailable(cell.backend(), Isa.ofArch(cell.isa()).orElseThrow());
        Optional<String> missing = program.unavailableReason(Files.createDirectories(tmp.resolve("probe")));
        if (missing.isPresent()) {
            // a prebuilt public module (CPython, several MB of code: minutes to compile per cell) is a local check
            if ("true".equalsIgnoreCase(System.getenv("CI")) && program.prebuilt().isEmpty()) {
                fail(missing.get() + " on CI: .ci/run must install clang, lld, wasi-libc and libclang-rt-14-dev-wasm32");
            }
            Assumptions.abort(missing.get());
        }
        WasiProgram.Outcome expected = program.expected("2.4.4").orElseThrow();
        Path dir = Files.createDirectories(tmp.resolve(cell.profile() + "-" + cell.isa() + "-" + program.name()));
        Path image = dir.resolve(program.name() + ".aot");
        AotCompiler.compileFile(wasm(program), image, CompileOptions.of(cell.profile(), cell.isa()));
        Path root = dir.resolve("run");
        Path sandbox = WasiFixture.create(root);
        program.addFiles(sandbox);

        WasiOptions wasi = new WasiOptions(List.of(new WasiPreopen(".", sandbox)), program.env(),
                new ByteArrayInputStream(program.stdin()), sandbox);
        BackendPreference backend = cell.backend() == BackendKind.NATIVE
                ? BackendPreference.NATIVE : BackendPreference.EMULATED;
        RunResult result = Runner.run(RunRequest.command(image, program.args()).withBackend(backend).withWasi(wasi));
        assertTrue(result.trap().isEmpty(), () -> "trapped: " + result.trap().orElse(""));
        assertEquals(expected.stdout(), result.stdout(), "stdout");
        assertEquals(expected.stderr(), result.stderr(), "stderr");
        assertEquals(expected.exit(), result.exitCode(), "exit code");
        assertEquals(expected.tree(), WasiFixture.tree(root), "directories afterwards");
    }
}
