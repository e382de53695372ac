package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.WasmValue;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-list training (CdsTraining): its embedded image, and that it runs natively. */
class CdsTrainingTest {
    @TempDir
    Path dir;

    private static byte[] embedded() throws Exception {
        try (InputStream in = CdsTraining.class.getResourceAsStream(CdsTraining.IMAGE)) {
            assertNotNull(in, CdsTraining.IMAGE + " is not on the class path");
            return in.readAllBytes();
        }
    }

    @Test
    void theEmbeddedImageIsWhatTheCompilerWritesForExamplesFib() throws Exception {
        byte[] fresh = AotCompiler.compile(Files.readAllBytes(Path.of("../examples/fib.wasm")), "fib.wasm",
                CompileOptions.of("wamr-2.4", "x86_64"));
        assertArrayEquals(fresh, embedded(), "the compiler's output changed; regenerate the training image: ./wasm-aot "
                + "compile --runtime wamr-2.4 --target x86_64 -o cli/src/main/resources/io/github/wasmaot/cli/"
                + CdsTraining.IMAGE + " examples/fib.wasm");
    }

    @Test
    void theEmbeddedImageVerifiesForWamr24OnX86_64() throws Exception {
        Path image = dir.resolve("fib.x86_64.aot");
        Files.write(image, embedded());
        CliRun r = CliRun.of("verify", "--runtime", "wamr-2.4", "--target", "x86_64", image.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void onX86_64LinuxTheTrainingRunsTheImageNatively() throws Exception {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        Assumptions.assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "native is the default backend for x86_64 images on x86-64 Linux only");
        AotModule module = AotModule.open(embedded(), CdsTraining.IMAGE);
        assertEquals(BackendKind.NATIVE, BackendChoice.forModule(module).kind());
        assertEquals(WasmValue.i32(1), CdsTraining.runNative());
    }
}
