package io.github.wasmaot.cli;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.ProgressPrinter;
import io.github.wasmaot.format.io.AtomicOutput;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wasm-aot compile --runtime PROFILE --target ISA -o OUT.aot IN.wasm}: compiles a module for one pinned
 * runtime. The image is verified before it is written, and written atomically: on failure no output is left.
 * Accepts wamrc's spellings ({@code --target=aarch64}, {@code --opt-level=3}, {@code --bounds-checks=1},
 * {@code --size-level=1}, {@code --cpu-features=+sse4.2}, {@code --stack-bounds-checks=1}). {@code --threads=N}
 * (wamrc has no such option) compiles the module's partitions on N threads; it never changes the image.
 */
@Command(name = "compile",
        mixinStandardHelpOptions = true,
        description = "Compile a WebAssembly module into an AOT image for a pinned WAMR runtime.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:image written", "1:the module cannot be compiled (invalid or unsupported)",
            "2:usage or I/O error"})
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runtime", required = true, paramLabel = "PROFILE",
            description = "Runtime profile or alias: legacy (wamr-cba4c782), current (wamr-2.4).")
    String runtime;

    @Option(names = "--target", required = true, paramLabel = "ISA", description = "x86_64 or aarch64.")
    String target;

    @Option(names = "--opt-level", paramLabel = "0-3", defaultValue = "3",
            description = "LLVM optimisation level (default ${DEFAULT-VALUE}, as wamrc).")
    int optLevel;

    @Option(names = "--bounds-checks", paramLabel = "0|1", defaultValue = "0",
            description = "1: software bounds checks on memory accesses (default ${DEFAULT-VALUE}: guard pages).")
    int boundsChecks;

    @Option(names = "--cpu", paramLabel = "CPU", description = "LLVM CPU name (default: the profile's for the ISA); "
            + "an x86-64 level (x86-64, x86-64-v2, x86-64-v3) is tuned for generic.")
    String cpu;

    @Option(names = "--cpu-features", paramLabel = "+F,-F",
            description = "LLVM target features (default: the profile's for the ISA).")
    String cpuFeatures;

    @Option(names = "--size-level", paramLabel = "0-3",
            description = "Code model: 0 large, 1 medium, 2 kernel, 3 small (default: the profile's, small).")
    Integer sizeLevel;

    @Option(names = "--stack-bounds-checks", paramLabel = "0|1",
            description = "1: native stack overflow check at function entry (default: as --bounds-checks).")
    Integer stackBoundsChecks;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads compiling the module's partitions (default 0: one per available core). "
                    + "The image is the same whatever N.")
    int threads;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.aot", description = "Image to write.")
    Path output;

    @Parameters(arity = "1", paramLabel = "IN.wasm", description = "WebAssembly binary.")
    Path input;

    /**
     * Progress lines start after 2 s, or at once when stderr is a terminal (the launcher says so with
     * {@code -Dwasm-aot.stderr.tty=true}); {@code -Dwasm-aot.progress.quiet-ms} overrides.
     */
    static long progressQuietMillis() {
        String quiet = System.getProperty("wasm-aot.progress.quiet-ms");
        if (quiet != null) {
            try {
                return Long.parseLong(quiet);
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return Boolean.getBoolean("wasm-aot.stderr.tty") ? 0 : 2000;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (boundsChecks != 0 && boundsChecks != 1) {
            err.println("--bounds-checks must be 0 or 1, got " + boundsChecks);
            return WasmAotCli.EXIT_USAGE;
        }
        if (optLevel < 0 || optLevel > 3) {
            err.println("--opt-level must be 0-3, got " + optLevel);
            return WasmAotCli.EXIT_USAGE;
        }
        if (sizeLevel != null && (sizeLevel < 0 || sizeLevel > 3)) {
            err.println("--size-level must be 0-3, got " + sizeLevel);
            return WasmAotCli.EXIT_USAGE;
        }
        if (stackBoundsChecks != null && stackBoundsChecks != 0 && stackBoundsChecks != 1) {
            err.println("--stack-bounds-checks must be 0 or 1, got " + stackBoundsChecks);
            return WasmAotCli.EXIT_USAGE;
        }
        if (threads < 0) {
            err.println("--threads must be 0 (one per core) or more, got " + threads);
            return WasmAotCli.EXIT_USAGE;
        }
        if (!Files.isRegularFile(input)) {
            err.println(input + ": cannot read: no such file");
            return WasmAotCli.EXIT_USAGE;
        }
        CompileOptions options = new CompileOptions(runtime, target, optLevel, boundsChecks == 1, cpu,
                stackBoundsChecks == null ? null : stackBoundsChecks == 1, cpuFeatures, sizeLevel, threads);
        try {
            CodegenTarget.resolve(options);
        } catch (CompileException e) {
            err.println("wasm-aot compile: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        }
        try (ProgressPrinter progress = ProgressPrinter.start(line -> {
            err.println(line);
            err.flush();
        }, "wasm-aot compile: " + input.getFileName(), progressQuietMillis(), 1000)) {
            AotCompiler.compileFile(input, output, options, progress);
        } catch (CompileException e) {
            err.println(e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("wasm-aot compile: " + (e.getCause() instanceof AtomicOutput.RefusedOutputException
                    ? e.getMessage() : e.getMessage() + ": " + CliErrors.describe(e.getCause())));
            return WasmAotCli.EXIT_USAGE;
        }
        spec.commandLine().getOut().println(output + ": written for " + runtime + " on " + target);
        return 0;
    }
}
