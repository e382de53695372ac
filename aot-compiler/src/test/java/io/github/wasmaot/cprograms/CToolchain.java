package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link CProgram} twice: to WebAssembly with {@code clang --target=wasm32-wasi} (wasi-libc) and
 * natively with the host's {@code cc}, whose run gives the expected output. The compilers are taken from
 * {@code WASM_AOT_CLANG} (default {@code clang}) and {@code WASM_AOT_CC} (default {@code cc}); Debian's
 * packages {@code clang lld wasi-libc libclang-rt-14-dev-wasm32} provide the wasm side.
 */
public final class CToolchain {
    private final String clang;
    private final String cc;

    private CToolchain(String clang, String cc) {
        this.clang = clang;
        this.cc = cc;
    }

    public static CToolchain fromEnvironment() {
        return new CToolchain(System.getenv().getOrDefault("WASM_AOT_CLANG", "clang"),
                System.getenv().getOrDefault("WASM_AOT_CC", "cc"));
    }

    /** Why these programs cannot be built here, or empty when both compilers work. */
    public Optional<String> unavailableReason(Path scratch) {
        try {
            Path probe = scratch.resolve("probe.c");
            Files.writeString(probe, "#include <stdio.h>\nint main(void){puts(\"x\");return 0;}\n");
            ProgramOutput wasm = exec(List.of(clang, "--target=wasm32-wasi", "-O2", "-o",
                    scratch.resolve("probe.wasm").toString(), probe.toString()), scratch);
            if (wasm.exit() != 0) {
                return Optional.of(clang + " cannot build for wasm32-wasi (install clang lld wasi-libc "
                        + "libclang-rt-14-dev-wasm32): " + wasm.stderr().strip());
            }
            ProgramOutput nat = exec(List.of(cc, "-O2", "-o", scratch.resolve("probe").toString(),
                    probe.toString()), scratch);
            return nat.exit() == 0 ? Optional.empty() : Optional.of(cc + " failed: " + nat.stderr().strip());
        } catch (IOException e) {
            return Optional.of("C compilers not runnable: " + e.getMessage());
        }
    }

    /** {@code clang --target=wasm32-wasi -O2}: the module, written into {@code dir}. */
    public Path buildWasm(CProgram program, Path dir) throws IOException {
        Path wasm = dir.resolve(program.name() + ".wasm");
        compile(List.of(clang, "--target=wasm32-wasi", "-O2", "-o", wasm.toString(),
                source(program, dir).toString(), "-lm"), dir);
        return wasm;
    }

    /** The program built natively and run with its arguments: the output every runtime must reproduce. */
    public ProgramOutput runNative(CProgram program, Path dir) throws IOException {
        Path exe = dir.resolve(program.name() + ".native");
        compile(List.of(cc, "-O2", "-o", exe.toString(), source(program, dir).toString(), "-lm"), dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(program.args());
        return exec(cmd, dir);
    }

    private static Path source(CProgram program, Path dir) throws IOException {
        Path c = dir.resolve(program.name() + ".c");
        if (!Files.exists(c)) {
            Files.writeString(c, program.source(), StandardCharsets.UTF_8);
        }
        return c;
    }

    private static void compile(List<String> cmd, Path dir) throws IOException {
        ProgramOutput out = exec(cmd, dir);
        if (out.exit() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + out.exit() + "): " + out.stderr());
        }
    }

    /** Runs a command with stdout and stderr captured to files in {@code dir}; two minutes at most. */
    public static ProgramOutput exec(List<String> cmd, Path dir) throws IOException {
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", cmd));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
        return new ProgramOutput(Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    }
}
