package io.github.wasmaot.loader.cprograms;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.cprograms.CProgram;
import io.github.wasmaot.cprograms.ProgramBuilds;
import io.github.wasmaot.cprograms.ProgramOutput;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.run.BackendPreference;
import io.github.wasmaot.loader.run.RunRequest;
import io.github.wasmaot.loader.run.RunResult;
import io.github.wasmaot.loader.run.Runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C programs of the compiler's tests (hello world, sorting, floating point, memory growth; built with
 * {@code clang --target=wasm32-wasi}) compiled for both runtimes, run by the loader natively (x86_64 images on an
 * x86_64 host) and emulated (aarch64 images): stdout, stderr and the exit code must be exactly what the same C
 * compiled natively with the host's {@code cc} prints. Without clang for wasm32-wasi the test is skipped with
 * the reason, except on CI, where {@code .ci/run} installs it and a missing toolchain is a failure.
 */
class CProgramsLoaderTest {
    private record Cell(String profile, String isa, BackendKind backend) {
    }

    private static final List<Cell> CELLS = List.of(
            new Cell("wamr-cba4c782", "x86_64", BackendKind.NATIVE),
            new Cell("wamr-2.4", "x86_64", BackendKind.NATIVE),
            new Cell("wamr-cba4c782", "aarch64", BackendKind.EMULATED),
            new Cell("wamr-2.4", "aarch64", BackendKind.EMULATED));

    @TempDir
    static Path tmp;

    private static ProgramBuilds builds;

    @BeforeAll
    static void scratch() {
        builds = new ProgramBuilds(tmp);
    }

    @TestFactory
    Stream<DynamicTest> loaderRunsPrintWhatNativeBuildsPrint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Cell cell : CELLS) {
            for (CProgram program : CProgram.all()) {
                tests.add(DynamicTest.dynamicTest(cell.profile() + " " + cell.isa() + " " + cell.backend() + " "
                        + program, () -> check(cell, program)));
            }
        }
        return tests.stream();
    }

    private void check(Cell cell, CProgram program) throws Exception {
        Backends.assumeAvailable(cell.backend(), Isa.ofArch(cell.isa()).orElseThrow());
        Optional<String> missing = builds.unavailableReason();
        if (missing.isPresent()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(missing.get() + " on CI: .ci/run must install clang, lld, wasi-libc and libclang-rt-14-dev-wasm32");
            }
            Assumptions.abort(missing.get());
        }
        ProgramOutput expected = builds.nativeOutput(program);
        Path image = builds.dir(program).resolve(cell.profile() + "-" + cell.isa() + ".aot");
        AotCompiler.compileFile(builds.wasm(program), image, CompileOptions.of(cell.profile(), cell.isa()));

        BackendPreference backend = cell.backend() == BackendKind.NATIVE
                ? BackendPreference.NATIVE : BackendPreference.EMULATED;
        RunResult result = Runner.run(RunRequest.command(image, program.args()).withBackend(backend));
        assertTrue(result.trap().isEmpty(), () -> "trapped: " + result.trap().orElse(""));
        assertEquals(expected.stdout(), result.stdout(), "stdout");
        assertEquals(expected.stderr(), result.stderr(), "stderr");
        assertEquals(expected.exit(), result.exitCode(), "exit code");
    }
}
