package io.github.wasmaot.compiler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A real iwasm of one pinned runtime and ISA, given by {@code WASM_AOT_IWASM_<PROFILE>_<ISA>} (PROFILE in upper
 * case with non-alphanumerics as {@code _}: {@code WASM_AOT_IWASM_WAMR_CBA4C782_X86_64},
 * {@code WASM_AOT_IWASM_WAMR_2_4_AARCH64}, ...). aarch64 judges run under {@code WASM_AOT_QEMU_AARCH64} (default
 * {@code qemu-aarch64}) with {@code -L WASM_AOT_QEMU_LD_PREFIX} (default {@code /usr/aarch64-linux-gnu}).
 */
public record Judge(String profile, String isa, String iwasm) {
    private static final Map<String, String> ENV = System.getenv();

    public static String variable(String profile, String isa) {
        return "WASM_AOT_IWASM_" + (profile + "_" + isa).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The judge configured for this cell, if any. */
    public static Optional<Judge> fromEnvironment(String profile, String isa) {
        String iwasm = ENV.get(variable(profile, isa));
        return iwasm == null || iwasm.isBlank() ? Optional.empty() : Optional.of(new Judge(profile, isa, iwasm));
    }

    /** {@code [qemu-aarch64 -L prefix] iwasm iwasmArgs image programArgs}. */
    public List<String> command(List<String> iwasmArgs, Path image, List<String> programArgs) {
        List<String> cmd = new ArrayList<>();
        if (isa.equals("aarch64")) {
            cmd.add(ENV.getOrDefault("WASM_AOT_QEMU_AARCH64", "qemu-aarch64"));
            cmd.add("-L");
            cmd.add(ENV.getOrDefault("WASM_AOT_QEMU_LD_PREFIX", "/usr/aarch64-linux-gnu"));
        }
        cmd.add(iwasm);
        cmd.addAll(iwasmArgs);
        cmd.add(image.toString());
        cmd.addAll(programArgs);
        return cmd;
    }
}
