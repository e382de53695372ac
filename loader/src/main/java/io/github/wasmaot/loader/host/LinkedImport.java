package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import java.util.Optional;

/**
 * An import bound to its implementation.
 *
 * @param signature the Wasm signature (the module's and the implementation's: they are equal)
 * @param nativeSignature WAMR's native signature string when wamrc knows this import as a builtin
 *     (e.g. "(i*i*)i" for WASI fd_write) and so may call it directly, with app addresses ('*', '$') already
 *     converted to native pointers; empty when AOT code reaches it only through aot_invoke_native
 * @param provider who serves it, for messages ("host" or "wasi")
 */
public record LinkedImport(String module, String name, FunctionSignature signature, Optional<String> nativeSignature,
                           String provider, Invoker invoker) {
    /** Runs the implementation over raw argument bits (i32 zero-extended), returning the raw result bits. */
    @FunctionalInterface
    public interface Invoker {
        long call(GuestMemory memory, long[] args);
    }
}
