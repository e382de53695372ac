package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run goal's {@code timeout} ({@code wasm-aot.run.timeout}): a runaway call becomes the trap it expects. */
class RunMojoTimeoutTest {
    /** (func (export "spin") (loop (br 0))) */
    private static final byte[] SPIN = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
        1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 8, 1, 4, 's', 'p', 'i', 'n', 0, 0,
        10, 9, 1, 7, 0, 0x03, 0x40, 0x0c, 0, 0x0b, 0x0b};

    @TempDir
    Path dir;

    private RunMojo mojo(String timeout) throws Exception {
        // aarch64: the emulator that comes with the loader runs it on every machine
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Path image = dir.resolve("spin.aot");
        Files.write(image, AotCompiler.compile(SPIN, "spin.wasm", CompileOptions.of("wamr-2.4", "aarch64")));
        RunMojo mojo = new RunMojo();
        mojo.image = image.toFile();
        mojo.invoke = "spin";
        mojo.backend = "emulated";
        mojo.timeout = timeout;
        return mojo;
    }

    @Test
    void aRunawayCallStopsWithTheTimeoutTrap() throws Exception {
        RunMojo mojo = mojo("1");
        mojo.expectedExitCode = 1;
        mojo.expectedOutput = "Exception: execution timed out";
        mojo.execute();
    }

    @Test
    void unexpectedTimeoutFailsTheBuildNamingTheTrap() throws Exception {
        RunMojo mojo = mojo("0.5");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("exit code 1: Exception: execution timed out"), e.getMessage());
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberIsAConfigurationError() throws Exception {
        RunMojo mojo = mojo("-3");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("timeout must be a positive number of seconds"), e.getMessage());
    }
}
