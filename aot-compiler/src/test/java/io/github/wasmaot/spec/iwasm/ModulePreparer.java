package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.ModuleBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a module into the file iwasm is given: the .wasm itself (iwasm's interpreter), or
 * the compiler's .aot image for a runtime profile ({@link AotCompilingPreparer}). {@code workDirectory} is a private
 * temporary folder of the session, deleted when it closes.
 */
@FunctionalInterface
public interface ModulePreparer {

    Path prepare(ModuleBinary module, Path workDirectory) throws IOException;

    /** Writes the module's bytes to a .wasm file (for iwasm's interpreter). */
    static ModulePreparer wasmFile() {
        return (module, dir) -> Files.write(Files.createTempFile(dir, "module", ".wasm"), module.bytes());
    }
}
