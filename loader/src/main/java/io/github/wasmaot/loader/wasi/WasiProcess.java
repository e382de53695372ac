package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.WasiExitException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * sched_yield (nothing to yield to) and proc_exit. proc_exit does not return: its body throws
 * {@link WasiExitException}, which the import linker hands to {@link #exit}, as for a host function that exits.
 * {@link #exit} does what WAMR's wrapper does: it records the code and sets the instance exception
 * {@value WasiPreview1#PROC_EXIT_EXCEPTION}, which the caller reports as an exit, not a trap.
 */
final class WasiProcess {
    private final Consumer<String> exception;
    private OptionalInt exitCode = OptionalInt.empty();

    WasiProcess(Consumer<String> exception) {
        this.exception = exception;
    }

    Map<String, WasiFunction.Body> functions() {
        return Map.of("proc_exit", (mem, a) -> {
            throw new WasiExitException((int) a[0]);
        }, "sched_yield", (mem, a) -> WasiErrno.SUCCESS);
    }

    void exit(int code) {
        exitCode = OptionalInt.of(code);
        exception.accept(WasiPreview1.PROC_EXIT_EXCEPTION);
    }

    OptionalInt exitCode() {
        return exitCode;
    }
}
