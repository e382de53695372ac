package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.WasmValue;
import java.util.function.Consumer;

/**
 * A Java implementation of an imported Wasm function. It receives the typed arguments and the caller's linear
 * memory in a {@link HostCall} and returns the result, or {@code null} when the signature has no result.
 * <p>
 * Throwing {@link io.github.wasmaot.loader.WasmTrapException} makes the Wasm call trap with that text; a
 * {@link GuestMemoryFault} (an out-of-bounds access through {@link HostCall#memory()}) traps with
 * "out of bounds memory access"; {@link io.github.wasmaot.loader.WasiExitException} ends the program as WASI
 * proc_exit does. Any other exception aborts the call and is rethrown to the caller of
 * {@link io.github.wasmaot.loader.Instance#call}.
 */
@FunctionalInterface
public interface HostFunction {
    /** @return the result, {@code null} for a function without results */
    WasmValue call(HostCall call);

    /** A function without results. */
    static HostFunction ofVoid(Consumer<HostCall> body) {
        return call -> {
            body.accept(call);
            return null;
        };
    }
}
