package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.image.LinkedCode;
import io.github.wasmaot.loader.layout.RuntimeLayout;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.util.List;
import java.util.Optional;

/**
 * A live instance in a backend: the module instance and exec_env structs, memory, code and the exception
 * buffer, the globals in global-index order, and which imports' func_ptrs entries take the plain Wasm
 * signature (see {@link Instantiator}).
 */
public record InstanceParts(Backend backend, RuntimeLayout layout, long moduleInstance, long execEnv,
                            Optional<LinearMemory> memory, LinkedCode code, List<Long> funcPtrs,
                            ExceptionBufferView exception, WasiPreview1 wasi,
                            List<GlobalSlot> globals, List<Boolean> importsWithWasmSignature) {
    /** Read/clear access to cur_exception for the instance's caller. */
    public interface ExceptionBufferView {
        Optional<String> get();

        void set(String text);

        void clear();
    }
}
