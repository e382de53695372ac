package io.github.wasmaot.cli;

import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.run.BackendPreference;
import io.github.wasmaot.loader.run.RunRequest;
import io.github.wasmaot.loader.run.RunResult;
import io.github.wasmaot.loader.run.Runner;
import io.github.wasmaot.loader.run.WasiOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code wasm-aot run [--emulate|--native] [--dir=DIR…] [--map-dir=GUEST::HOST…] [--env=NAME=VALUE…]
 * [--invoke NAME ARGS…] FILE.aot [-- PROGRAM ARGS…]}: runs an AOT image
 * through the loader. Without {@code --invoke} it runs the WASI command ({@code _start}) with stdio passed
 * through, the directories of {@code --dir}/{@code --map-dir} preopened and the {@code --env} entries as its
 * environment, and exits with the program's exit code; with it, it calls one export and prints each result on its
 * own line in iwasm's format ({@code 0x5:i32}). A trap prints {@code Exception: <message>} on stderr, exit 1.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = "Run an AOT image: its WASI _start, or one export with --invoke.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ran (or the program's own exit code)", "1:trapped", "2:usage, load or I/O error"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--emulate", description = "Run in the Unicorn emulator (any supported ISA).")
    boolean emulate;

    @Option(names = "--native", description = "Run natively (image ISA must be the host's).")
    boolean nativ;

    @Option(names = "--invoke", paramLabel = "NAME", description = "Call this export; ARGS… before FILE.aot are its arguments.")
    String invoke;

    @Option(names = "--runtime", paramLabel = "PROFILE", description = "Runtime profile (default: detected from the image).")
    String runtime;

    @Option(names = "--heap-size", paramLabel = "BYTES", description = "App heap size, as iwasm's --heap-size.")
    Long heapSize;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the call after this many seconds (fractions allowed): it traps with \"Exception: execution timed out\", exit code 1.")
    String timeout;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Preopen host directory DIR for the WASI program under the same name (repeatable).")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--map-dir", paramLabel = "GUEST::HOST",
            description = "Preopen host directory HOST under the guest name GUEST (repeatable).")
    List<String> mapDirs = new ArrayList<>();

    @Option(names = "--verbose",
            description = "After the run, print on stderr which backend ran it and why, and what executed the code (for the emulator: which Unicorn library, and its version).")
    boolean verbose;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Put NAME=VALUE into the WASI program's environment (repeatable).")
    List<String> env = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "WORDS",
            description = "[ARGS…] FILE.aot with --invoke; FILE.aot [PROGRAM ARGS…] without.")
    List<String> words;

    @Override
    public Integer call() {
        return execute(args(), spec.commandLine().getOut(), spec.commandLine().getErr(),
                word -> CliErrors.unknownOption(spec, word));
    }

    /** What picocli parsed. */
    RunArgs args() {
        return new RunArgs(emulate, nativ, invoke, runtime, heapSize, timeout, dirs, mapDirs, verbose, env, words);
    }

    /**
     * Runs what the command line asked for and returns the exit code: the one body of {@code run}, whether picocli
     * parsed the line or {@link RunArgs#parsePlain} did ({@code unknownOption} words the message for an option-like
     * word among the positionals; a plain line has none).
     */
    static int execute(RunArgs a, PrintWriter out, PrintWriter err,
                       java.util.function.Function<String, String> unknownOption) {
        List<String> words = a.words();
        String invoke = a.invoke();
        // unknown options reach the words (negative numbers must): an option-like word where no program
        // argument can be is a mistyped option
        var unknown = CliErrors.unknownOptionIn(invoke != null ? words : words.subList(0, 1));
        if (unknown.isPresent()) {
            err.println(unknownOption.apply(unknown.get()));
            err.flush();
            return WasmAotCli.EXIT_USAGE;
        }
        try {
            if (a.emulate() && a.nativ()) {
                err.println("wasm-aot run: --emulate and --native exclude each other");
                return WasmAotCli.EXIT_USAGE;
            }
            Path file = Path.of(invoke != null ? words.get(words.size() - 1) : words.get(0));
            List<String> rest = invoke != null ? words.subList(0, words.size() - 1) : words.subList(1, words.size());
            BackendPreference backend = a.emulate() ? BackendPreference.EMULATED
                    : a.nativ() ? BackendPreference.NATIVE : BackendPreference.AUTO;
            WasiOptions wasi = WasiOptions.of(a.dirs(), a.mapDirs(), a.env(), System.in);
            RunRequest request = new RunRequest(file, Optional.ofNullable(invoke), rest, backend,
                    a.heapSize() == null ? OptionalLong.empty() : OptionalLong.of(a.heapSize()),
                    Optional.ofNullable(a.runtime()), Optional.empty(), wasi);
            if (a.timeout() != null) {
                request = request.withTimeout(RunRequest.parseTimeout(a.timeout()));
            }
            RunResult result = Runner.run(request, System.out, System.err);
            System.out.flush();
            if (a.verbose() || backend == BackendPreference.AUTO && result.backend().notable()) {
                err.println("wasm-aot run: backend " + result.backend());
            }
            if (a.verbose()) {
                err.println("wasm-aot run: engine " + result.engine());
            }
            if (result.trapped()) {
                err.println(result.trap().get());
            } else {
                result.formattedResults().forEach(out::println);
            }
            out.flush();
            err.flush();
            CdsTraining.afterRun(result.backend().kind());
            return result.exitCode();
        } catch (LoaderException | IOException | IllegalArgumentException e) {
            err.println("wasm-aot run: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
