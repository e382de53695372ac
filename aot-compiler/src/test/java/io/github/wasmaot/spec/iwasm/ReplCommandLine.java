package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command that starts {@code iwasm --repl FILE} for one module instance.
 * <ul>
 *   <li>{@code --heap-size=0}: the legacy runtime's default 16 KB app heap is inserted into linear
 *   memory and changes {@code memory.size}; except for modules without memory on aarch64, where
 *   2.4 under qemu 7.2 needs {@code --heap-size=65536} (its {@code mprotect(.., 0, ..)} fails) and
 *   no wasm code can see that heap.</li>
 *   <li>{@code --module-path=FOLDER} for a multi-module judge: the session's folder, where registered modules'
 *   files are.</li>
 *   <li>{@code --link-file=FILE} for the link host: the module's links ({@link LinkFile}).</li>
 *   <li>A runtime that does not flush its REPL output (legacy) runs under {@code stdbuf -o0}
 *   natively, or under {@code script}'s pseudo-terminal (line-buffered, echo off) for qemu, where
 *   an x86_64 {@code libstdbuf.so} cannot be preloaded into the guest.</li>
 * </ul>
 */
final class ReplCommandLine {

    private ReplCommandLine() {
    }

    static List<String> of(IwasmConfig config, IwasmVersion version, WasmModule module, Path file, Path modulePath,
                           Optional<Path> linkFile) {
        List<String> iwasm = new ArrayList<>(config.launcher());
        iwasm.add("--heap-size=" + heapSize(config, module));
        if (config.multiModule()) {
            iwasm.add("--module-path=" + modulePath);
        }
        linkFile.ifPresent(f -> iwasm.add("--link-file=" + f));
        iwasm.addAll(config.extraArgs());
        iwasm.add("--repl");
        iwasm.add(file.toString());
        if (version.flushesReplOutput()) {
            return iwasm;
        }
        if (config.isa() == Isa.X86_64) {
            List<String> wrapped = new ArrayList<>(List.of("stdbuf", "-o0"));
            wrapped.addAll(iwasm);
            return wrapped;
        }
        String shell = "stty -echo -onlcr; exec " + iwasm.stream().map(ReplCommandLine::shellQuote)
                .collect(Collectors.joining(" "));
        return List.of("script", "-qfec", shell, "/dev/null");
    }

    /** The app heap {@code module} gets: none, except for a module without memory on aarch64 (see above). */
    static int heapSize(IwasmConfig config, WasmModule module) {
        return module.allMemories().isEmpty() && config.isa() == Isa.AARCH64 ? 65536 : 0;
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
