package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wasm-aot run --timeout SECONDS} on both backends, and native guard-page hits that are traps, not a dead
 * JVM (this test would not finish otherwise).
 */
class RunTimeoutAndNativeTrapsTest {
    /** (func (export "spin") (loop (br 0))) */
    private static final byte[] SPIN = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
        1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 's', 'p', 'i', 'n', 0, 0,
        10, 9, 1, 7, 0, 0x03, 0x40, 0x0c, 0, 0x0b, 0x0b};

    @TempDir
    Path dir;

    private static void assumeBackend(String flag) {
        BackendKind kind = flag.equals("--native") ? BackendKind.NATIVE : BackendKind.EMULATED;
        Backends.assumeAvailable(kind, Isa.X86_64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--native", "--emulate"})
    void anEndlessLoopStopsAfterTheTimeoutWithExitCodeOne(String backend) throws Exception {
        assumeBackend(backend);
        Path image = dir.resolve("spin.aot");
        Files.write(image, AotCompiler.compile(SPIN, "spin.wasm", CompileOptions.of("wamr-2.4", "x86_64")));
        long start = System.nanoTime();
        CliRun run = CliRun.of("run", backend, "--timeout", "1.5", "--invoke", "spin", image.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("Exception: execution timed out" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
        assertTrue(millis >= 1500, millis + " ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "soon", ""})
    void aTimeoutThatIsNotAPositiveNumberIsAUsageError(String value) {
        AotVectors.Entry add = AotVectors.byFile("add.wamr-2.4.x86_64.aot");
        CliRun run = CliRun.of("run", "--timeout", value, "--invoke", "add", "1", "2", add.path().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("wasm-aot run: timeout must be a"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aGuardPageHitRunNativelyIsAnOutOfBoundsTrap() {
        assumeBackend("--native");
        AotVectors.Entry features = AotVectors.byFile("features.wamr-2.4.x86_64.aot");
        CliRun run = CliRun.of("run", "--native", "--invoke", "load", "70000", features.path().toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("Exception: out of bounds memory access" + System.lineSeparator(), run.err());
    }
}
