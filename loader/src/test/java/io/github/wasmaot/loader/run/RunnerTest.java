package io.github.wasmaot.loader.run;

import io.github.wasmaot.loader.Backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.WasmValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RunnerTest {
    private static Path vector(String file) {
        return AotVectors.byFile(file).path();
    }

    @Test
    void invokesAnExportAndPrintsTheResultAsIwasmDoes() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        Path image = vector("add.wamr-2.4.x86_64.aot");
        RunResult r = Runner.run(RunRequest.invoke(image, "add", List.of("2", "3")));
        assertEquals(List.of("0x5:i32"), r.stdoutLines());
        assertEquals("0x5:i32\n", r.stdout());
        assertEquals(List.of(WasmValue.i32(5)), r.results());
        assertEquals(List.of("0x5:i32"), r.formattedResults());
        assertEquals(0, r.exitCode());
        assertFalse(r.trapped());
        // the loader's own choice, with its reason
        assertEquals(BackendChoice.forModule(AotModule.open(Files.readAllBytes(image), image.toString())),
                r.backend());
        assertFalse(r.backend().reason().equals("requested"));
    }

    @Test
    void forcedBackendIsSaidToBeRequested() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        RunResult r = Runner.run(RunRequest.invoke(vector("add.wamr-2.4.x86_64.aot"), "add", List.of("-1", "4294967295"))
                .withBackend(BackendPreference.EMULATED));
        assertEquals(List.of("0xfffffffe:i32"), r.stdoutLines());
        assertEquals(BackendKind.EMULATED, r.backend().kind());
        assertEquals("emulated (requested)", r.backend().toString());
    }

    @Test
    void trapIsAResultWithIwasmsTextAndExitStatus() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        RunResult r = Runner.run(RunRequest.invoke(vector("features.wamr-2.4.x86_64.aot"), "div", List.of("1", "0")));
        assertEquals(Optional.of("Exception: integer divide by zero"), r.trap());
        assertEquals(List.of("Exception: integer divide by zero"), r.stdoutLines());
        assertEquals(List.of(), r.results());
        assertEquals(1, r.exitCode());
        assertEquals(BackendChoice.forModule(AotModule.open(Files.readAllBytes(vector("features.wamr-2.4.x86_64.aot")),
                "features")).kind(), r.backend().kind(), "the loader's own choice");
    }

    @Test
    void wasiCommandGetsItsArgumentsAndExitCode() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        RunResult hello = Runner.run(RunRequest.command(vector("hello.wamr-2.4.x86_64.aot"), List.of()));
        assertEquals(List.of("Hello, WASI!"), hello.stdoutLines());
        assertEquals(0, hello.exitCode());
        RunResult stats = Runner.run(RunRequest.command(vector("stats.wamr-2.4.x86_64.bounds-checks.aot"),
                List.of("3000")).withHeapSize(16 * 65536L));
        assertEquals(4, stats.exitCode(), "stats exits with n % 7");
        assertTrue(stats.stdout().startsWith("n=3000 mean=49.298926"), stats.stdout());
    }

    /** Every recorded iwasm run of the wamr-2.4 x86_64 images: same stdout and exit status as the real iwasm. */
    @TestFactory
    Stream<DynamicTest> recordedRunsOfTheCurrentRuntime() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AotVectors.Entry e : AotVectors.all()) {
            if (!e.profile().equals("wamr-2.4") || !e.isa().equals("x86_64")) {
                continue;
            }
            for (AotVectors.Run run : e.runs()) {
                int f = run.iwasmArgs().indexOf("-f");
                Optional<String> export = f >= 0 ? Optional.of(run.iwasmArgs().get(f + 1)) : Optional.empty();
                if (run.iwasmArgs().size() != (f >= 0 ? 2 : 0)) {
                    continue; // other iwasm options are not this test's business
                }
                String name = e.file() + " " + String.join(" ", run.iwasmArgs()) + " "
                        + String.join(" ", run.programArgs());
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
                    RunRequest request = new RunRequest(e.path(), export, run.programArgs(), BackendPreference.AUTO,
                            OptionalLong.empty(), Optional.empty());
                    RunResult r = Runner.run(request);
                    assertEquals(run.stdout(), r.stdout(), name);
                    assertEquals(run.exit(), r.exitCode(), name);
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    @Test
    void errorsNameWhatIsWrong() {
        IOException missing = assertThrows(IOException.class,
                () -> Runner.run(RunRequest.command(Path.of("/no/such/image.aot"), List.of())));
        assertEquals("/no/such/image.aot: no such file", missing.getMessage());
        LoaderException count = assertThrows(LoaderException.class,
                () -> Runner.run(RunRequest.invoke(vector("add.wamr-2.4.x86_64.aot"), "add", List.of("2"))));
        assertEquals("export \"add\" takes 2 arguments, got 1", count.getMessage());
        LoaderException lookup = assertThrows(LoaderException.class,
                () -> Runner.run(RunRequest.invoke(vector("add.wamr-2.4.x86_64.aot"), "nope", List.of())));
        assertEquals("lookup function nope failed", lookup.getMessage());
        LoaderException profile = assertThrows(LoaderException.class,
                () -> Runner.run(RunRequest.invoke(vector("add.wamr-2.4.x86_64.aot"), "add", List.of("2", "3"))
                        .withRuntime("legacy")));
        assertTrue(profile.getMessage().startsWith("AOT module load failed: unknown binary version"),
                profile.getMessage());
        IllegalArgumentException backend = assertThrows(IllegalArgumentException.class,
                () -> BackendPreference.parse("jit"));
        assertEquals("unknown backend 'jit'; choose auto, native or emulated", backend.getMessage());
        assertEquals(BackendPreference.AUTO, BackendPreference.parse(null));
        assertEquals(BackendPreference.EMULATED, BackendPreference.parse(" Emulated "));
    }

    @Test
    void foreignIsaCannotBeForcedNative() {
        Assumptions.assumeTrue(BackendKind.NATIVE.unavailableReason(Isa.AARCH64) != null, "aarch64 host");
        LoaderException e = assertThrows(LoaderException.class, () -> Runner.run(
                RunRequest.invoke(vector("add.wamr-2.4.aarch64.aot"), "add", List.of("2", "3"))
                        .withBackend(BackendPreference.NATIVE)));
        assertTrue(e.getMessage().startsWith("backend native cannot run aarch64 images here: native backend runs"),
                e.getMessage());
    }
}
