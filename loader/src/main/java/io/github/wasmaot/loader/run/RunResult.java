package io.github.wasmaot.loader.run;

import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.IwasmCommand;
import io.github.wasmaot.loader.WasmValue;
import java.util.List;
import java.util.Optional;

/**
 * What a run printed and returned.
 *
 * @param backend  the backend that ran the image and why (the loader's reason, or that it was requested)
 * @param stdout   what iwasm prints on stdout: the program's WASI output, then for an invoked export its results
 *                 in iwasm's format ({@code 0x5:i32}, comma-separated, one line), or the trap text
 *                 ({@code Exception: integer divide by zero}) on its own line
 * @param stderr   the program's WASI stderr
 * @param results  the invoked export's results (empty for a WASI command or after a trap)
 * @param trap     the runtime's exception text when the run trapped
 * @param exitCode iwasm's exit status (WAMR 2.x): 0, the program's {@code proc_exit} code, or 1 after a trap
 * @param engine   what executed the code: {@code native x86_64}, or the Unicorn library with its version
 *                 ({@code Unicorn 2.1.4 …}); {@code wasm-aot run --verbose} prints it
 */
public record RunResult(BackendChoice backend, String stdout, String stderr, List<WasmValue> results,
                        Optional<String> trap, int exitCode, String engine) {
    public RunResult {
        results = List.copyOf(results);
    }

    /** A result without an {@link #engine()} description. */
    public RunResult(BackendChoice backend, String stdout, String stderr, List<WasmValue> results,
                     Optional<String> trap, int exitCode) {
        this(backend, stdout, stderr, results, trap, exitCode, "");
    }

    /** {@link #stdout()} split into lines, without line terminators. */
    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /** {@link #stderr()} split into lines, without line terminators. */
    public List<String> stderrLines() {
        return stderr.lines().toList();
    }

    /** The results in iwasm's format, one string each ({@code 0x5:i32}). */
    public List<String> formattedResults() {
        return results.stream().map(IwasmCommand::format).toList();
    }

    public boolean trapped() {
        return trap.isPresent();
    }
}
