package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code wasm-aot run} on the real wamrc images of {@code add}, {@code features} and {@code hello}, emulated:
 * stdout must be what the real iwasm printed (recorded in the manifest), with the CLI's own conventions — one
 * result per line, traps on stderr with exit 1, a WASI program's own exit code.
 */
class RunCommandTest {

    private static final List<String> MODULES = List.of("add", "features", "hello");

    @TestFactory
    Stream<DynamicTest> recordedRunsThroughTheEmulator() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AotVectors.Entry e : AotVectors.all()) {
            String module = e.file().substring(0, e.file().indexOf('.'));
            if (!MODULES.contains(module) || e.boundsChecks()) {
                continue;
            }
            for (AotVectors.Run r : e.runs()) {
                tests.add(DynamicTest.dynamicTest(e.file() + " " + r.iwasmArgs() + " " + r.programArgs(),
                        () -> check(e, r)));
            }
        }
        return tests.stream();
    }

    private static void check(AotVectors.Entry e, AotVectors.Run r) {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.ofArch(e.isa()).orElseThrow());
        List<String> args = new ArrayList<>(List.of("run", "--emulate"));
        int f = r.iwasmArgs().indexOf("-f");
        r.iwasmArgs().stream().filter(a -> a.startsWith("--heap-size=")).forEach(args::add);
        if (f >= 0) {
            args.add("--invoke");
            args.add(r.iwasmArgs().get(f + 1));
            args.addAll(r.programArgs());
            args.add(e.path().toString());
        } else {
            args.add(e.path().toString());
            args.addAll(r.programArgs());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        boolean trapped = r.stdout().startsWith("Exception: ");
        if (trapped) {
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("", run.out());
            assertEquals(r.stdout(), run.err());
        } else if (f >= 0) {
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(r.stdout().replace(",", System.lineSeparator()), run.out());
        } else {
            assertEquals(r.stdout(), run.out());
            if (e.profile().equals("wamr-2.4")) { // the legacy iwasm exits 0 whatever the program returns
                assertEquals(r.exit(), run.exitCode(), run.err());
            }
        }
    }

    @Test
    void aHostImageRunsNativelyAndQuietlyWhereNativeFaultsTrap() {
        AotVectors.Entry features = AotVectors.byFile("features.wamr-2.4.x86_64.aot");
        Backends.assumeAvailable(BackendKind.NATIVE, Isa.X86_64);
        Assumptions.assumeTrue(io.github.wasmaot.loader.backend.nativ.SignalTraps.available(),
                "native fault traps: x86-64 Linux only");
        CliRun run = CliRun.of("run", "--invoke", "div", "7", "2", features.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0x3:i32" + System.lineSeparator(), run.out());
        assertEquals("", run.err(), "as quiet as iwasm");
        CliRun oob = CliRun.of("run", "--invoke", "load", "70000", features.path().toString());
        assertEquals(1, oob.exitCode(), oob.err());
    }

    @Test
    void pickingTheEmulatorItselfSaysWhichAndWhy() {
        AotVectors.Entry features = AotVectors.byFile("features.wamr-2.4.aarch64.aot");
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Assumptions.assumeFalse(Isa.host().orElse(null) == Isa.AARCH64, "an aarch64 host runs it natively");
        CliRun run = CliRun.of("run", "--invoke", "div", "7", "2", features.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0x3:i32" + System.lineSeparator(), run.out());
        assertTrue(run.err().startsWith("wasm-aot run: backend emulated ("), run.err());
    }

    @Test
    void verboseNamesTheBackendAndTheUnicornLibraryWithItsVersion() {
        AotVectors.Entry add = AotVectors.byFile("add.wamr-2.4.aarch64.aot");
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        CliRun run = CliRun.of("run", "--emulate", "--verbose", "--invoke", "add", "2", "3", add.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0x5:i32" + System.lineSeparator(), run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertEquals("wasm-aot run: backend emulated (requested)", lines.get(0));
        assertTrue(lines.get(1).matches("wasm-aot run: engine .* \\(Unicorn 2\\.\\d+\\.\\d+(-rc\\d+)?\\)"),
                lines.get(1));
    }

    @Test
    void negativeArgumentsAreArgumentsNotOptions() {
        AotVectors.Entry add = AotVectors.byFile("add.wamr-2.4.x86_64.aot");
        CliRun run = CliRun.of("run", "--invoke", "add", "-1", "-2", add.path().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("0xfffffffd:i32" + System.lineSeparator(), run.out());
    }

    @Test
    void wrongArgumentCountIsAUsageError() {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        AotVectors.Entry add = AotVectors.byFile("add.wamr-2.4.x86_64.aot");
        CliRun run = CliRun.of("run", "--emulate", "--invoke", "add", "1", add.path().toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("takes 2 arguments, got 1"), run.err());
    }

    @Test
    void missingFileIsAnIoError() {
        CliRun run = CliRun.of("run", "/nonexistent/x.aot");
        assertEquals(2, run.exitCode());
        assertEquals("wasm-aot run: /nonexistent/x.aot: no such file" + System.lineSeparator(), run.err());
    }
}
