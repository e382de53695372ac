package io.github.wasmaot.spec.iwasm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a real iwasm is and how to run it.
 *
 * @param isa            the judge's instruction set
 * @param iwasm          the iwasm binary
 * @param qemu           qemu-user for aarch64 (ignored for x86_64)
 * @param qemuLdPrefix   qemu's {@code -L} prefix (the aarch64 sysroot)
 * @param commandTimeout limit for one instantiation or one call
 * @param extraArgs      further iwasm options placed before {@code --repl}
 * @param spectest       whether the judge was built with {@code WAMR_BUILD_SPEC_TEST=1}, so its builtin
 *                       {@code spectest} module provides the {@code print*} functions and {@code global_*} globals
 * @param multiModule    whether the judge was built with {@code WAMR_BUILD_MULTI_MODULE=1}, so it loads an imported
 *                       module's file from {@code --module-path}
 * @param linkHost       whether the judge is our link host ({@code aot-compiler/src/test/judge-host}) built on the
 *                       runtime's library: it links function imports to registered modules' exports, which the
 *                       runtime's own iwasm cannot do without multi-module ({@link LinkFile})
 */
public record IwasmConfig(Isa isa, Path iwasm, Path qemu, Path qemuLdPrefix, Duration commandTimeout,
                          List<String> extraArgs, boolean spectest, boolean multiModule,
                          boolean linkHost) {

    public static final String QEMU_VARIABLE = "WASM_AOT_QEMU_AARCH64";
    public static final String QEMU_LD_PREFIX_VARIABLE = "WASM_AOT_QEMU_LD_PREFIX";
    public static final String TIMEOUT_VARIABLE = "WASM_AOT_IWASM_TIMEOUT_SECONDS";
    public static final String EXTRA_ARGS_VARIABLE = "WASM_AOT_IWASM_ARGS";
    public static final String SPECTEST_VARIABLE = "WASM_AOT_IWASM_SPECTEST";
    public static final String MULTI_MODULE_VARIABLE = "WASM_AOT_IWASM_MULTI_MODULE";
    public static final String LINK_HOST_VARIABLE = "WASM_AOT_IWASM_LINK_HOST";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public IwasmConfig {
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * The judge for {@code isa} described by {@code env}: {@code WASM_AOT_IWASM_X86_64} /
     * {@code WASM_AOT_IWASM_AARCH64} (required), {@code WASM_AOT_QEMU_AARCH64} (default: qemu-aarch64
     * on PATH), {@code WASM_AOT_QEMU_LD_PREFIX} (default /usr/aarch64-linux-gnu),
     * {@code WASM_AOT_IWASM_TIMEOUT_SECONDS} (default 60), {@code WASM_AOT_IWASM_ARGS} (extra
     * options, space separated) and {@code WASM_AOT_IWASM_SPECTEST} ({@code 1} or {@code true} when the judge
     * was built with {@code WAMR_BUILD_SPEC_TEST=1}) and {@code WASM_AOT_IWASM_MULTI_MODULE} (likewise, for
     * {@code WAMR_BUILD_MULTI_MODULE=1}) and {@code WASM_AOT_IWASM_LINK_HOST} (likewise, when the "iwasm" is the link host).
     * Empty when the iwasm variable is unset or blank.
     */
    public static Optional<IwasmConfig> fromEnvironment(Isa isa, Map<String, String> env) {
        String iwasm = env.get(isa.environmentVariable());
        if (iwasm == null || iwasm.isBlank()) {
            return Optional.empty();
        }
        Path qemu = Optional.ofNullable(env.get(QEMU_VARIABLE)).filter(s -> !s.isBlank()).map(Paths::get)
                .orElseGet(() -> onPath("qemu-aarch64", env.get("PATH")));
        Path prefix = Paths.get(env.getOrDefault(QEMU_LD_PREFIX_VARIABLE, "/usr/aarch64-linux-gnu"));
        Duration timeout = Optional.ofNullable(env.get(TIMEOUT_VARIABLE)).filter(s -> !s.isBlank())
                .map(s -> Duration.ofSeconds(Long.parseLong(s.strip()))).orElse(DEFAULT_TIMEOUT);
        List<String> extra = Optional.ofNullable(env.get(EXTRA_ARGS_VARIABLE)).filter(s -> !s.isBlank())
                .map(s -> Arrays.asList(s.strip().split("\\s+"))).orElse(List.of());
        return Optional.of(new IwasmConfig(isa, Paths.get(iwasm), qemu, prefix, timeout, extra,
                flag(env, SPECTEST_VARIABLE), flag(env, MULTI_MODULE_VARIABLE), flag(env, LINK_HOST_VARIABLE)));
    }

    private static boolean flag(Map<String, String> env, String variable) {
        String value = env.getOrDefault(variable, "").strip();
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    /** Why this configuration cannot run, or empty when its files are there. */
    public Optional<String> problem() {
        if (!Files.isExecutable(iwasm)) {
            return Optional.of("iwasm " + iwasm + " (from " + isa.environmentVariable() + ") is not an executable file");
        }
        if (isa == Isa.AARCH64 && !Files.isExecutable(qemu)) {
            return Optional.of("qemu-aarch64 not found (" + qemu + "); set " + QEMU_VARIABLE);
        }
        if (linkHost && multiModule) {
            return Optional.of(LINK_HOST_VARIABLE + " and " + MULTI_MODULE_VARIABLE + " exclude each other: the link "
                    + "host links registered modules itself");
        }
        return Optional.empty();
    }

    /** The command prefix that runs iwasm: itself, or qemu with the sysroot for aarch64. */
    List<String> launcher() {
        return isa == Isa.AARCH64
                ? List.of(qemu.toString(), "-L", qemuLdPrefix.toString(), iwasm.toString())
                : List.of(iwasm.toString());
    }

    private static Path onPath(String program, String path) {
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Paths.get(dir, program);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return Paths.get(program);
    }
}
