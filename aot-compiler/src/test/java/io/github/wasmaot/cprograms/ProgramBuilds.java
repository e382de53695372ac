package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wasm module and the native output of each {@link CProgram}, built once per test class under one scratch
 * directory (one sub-directory per program).
 */
public final class ProgramBuilds {
    private final CToolchain toolchain = CToolchain.fromEnvironment();
    private final Path root;
    private final Map<String, ProgramOutput> nativeOutputs = new HashMap<>();
    private final Map<String, Path> modules = new HashMap<>();
    private Optional<String> unavailable;

    public ProgramBuilds(Path root) {
        this.root = root;
    }

    /** Why the programs cannot be built here, or empty. */
    public synchronized Optional<String> unavailableReason() throws IOException {
        if (unavailable == null) {
            unavailable = toolchain.unavailableReason(Files.createDirectories(root.resolve("probe")));
        }
        return unavailable;
    }

    /** The scratch directory of one program, where images built from it may go too. */
    public Path dir(CProgram program) throws IOException {
        return Files.createDirectories(root.resolve(program.name()));
    }

    /** What the program prints when compiled natively: the expected output. */
    public synchronized ProgramOutput nativeOutput(CProgram program) throws IOException {
        ProgramOutput out = nativeOutputs.get(program.name());
        if (out == null) {
            out = toolchain.runNative(program, dir(program));
            nativeOutputs.put(program.name(), out);
        }
        return out;
    }

    /** The program built for wasm32-wasi. */
    public synchronized Path wasm(CProgram program) throws IOException {
        Path wasm = modules.get(program.name());
        if (wasm == null) {
            wasm = toolchain.buildWasm(program, dir(program));
            modules.put(program.name(), wasm);
        }
        return wasm;
    }
}
