package io.github.wasmaot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.sizing.PoolSizeCalculator;
import io.github.wasmaot.sizing.PoolSizeEstimate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wasm-aot size --runtime PROFILE [--target ISA] [--stack N] [--app-heap N] [--wasi-args ARG…]
 * [--wasi-env K=V]… [--wasi-dir DIR]… [--config KEY] [--pool N] [--json] FILE.aot…}: the {@code Alloc_With_Pool} heap_size a pinned runtime needs to
 * load, instantiate and run each image ({@link PoolSizeCalculator}).
 */
@Command(name = "size",
        mixinStandardHelpOptions = true,
        description = "How big an Alloc_With_Pool heap (heap_size of wasm_runtime_full_init) a pinned runtime needs "
                + "to load, instantiate and run each AOT image; with the breakdown and the bytes per grown page.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image was sized (and fits --pool, if given)",
                "1:an image is malformed, not for this runtime/ISA, or does not fit --pool",
                "2:usage or I/O error"})
final class SizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--runtime", "-r"}, required = true, paramLabel = "PROFILE",
            description = "Pinned runtime profile or alias with a sizing model (wamr-cba4c782 = legacy, wamr-2.4).")
    String runtime;

    @Option(names = {"--target", "-t"}, paramLabel = "ISA",
            description = "ISA the device runs (x86_64, aarch64, ...); an image for another ISA is refused. "
                    + "Default: each image's own ISA.")
    String target;

    @Option(names = "--stack", paramLabel = "BYTES", defaultValue = "16384",
            description = "stack_size passed to wasm_runtime_instantiate and wasm_runtime_create_exec_env "
                    + "(default: ${DEFAULT-VALUE}).")
    long stack;

    @Option(names = "--app-heap", paramLabel = "BYTES", defaultValue = "16384",
            description = "heap_size passed to wasm_runtime_instantiate (default: ${DEFAULT-VALUE}).")
    long appHeap;

    @Option(names = "--wasi-args", arity = "1..*", paramLabel = "ARG",
            description = "WASI argv the host passes (wasm_runtime_set_wasi_args), program name first.")
    List<String> wasiArgs;

    @Option(names = "--wasi-env", paramLabel = "KEY=VALUE",
            description = "A WASI environment variable the host passes (wasm_runtime_set_wasi_args env); repeatable.")
    List<String> wasiEnv;

    @Option(names = "--wasi-dir", paramLabel = "DIR",
            description = "A directory the host preopens (wasm_runtime_set_wasi_args dir_list), as it passes it; "
                    + "repeatable. Must exist here; the runtime keeps a copy of the path in the pool.")
    List<String> wasiDirs;

    @Option(names = "--config", paramLabel = "KEY",
            description = "Runtime build configuration: hw-bound-check (Linux default: linear memory mapped "
                    + "outside the pool) or no-hw-bound-check (-DWAMR_DISABLE_HW_BOUND_CHECK=1, as TEE ports build; "
                    + "on wamr-cba4c782 linear memory is then allocated from the pool). Default: hw-bound-check.")
    String config;

    @Option(names = "--grow-pages", paramLabel = "N", defaultValue = "0",
            description = "Pages _start grows linear memory by in all (memory.grow, e.g. malloc in wasi-libc); the "
                    + "run stage and --pool then include them (default: ${DEFAULT-VALUE}).")
    long growPages;

    @Option(names = "--pool", paramLabel = "BYTES",
            description = "The device's pool size: exit 1 when an image needs more to run.")
    Long pool;

    @Option(names = "--json", description = "Print one JSON object per image instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE.aot", description = "AOT images (directories: every *.aot under them).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<RuntimeProfile> profile = ProfileCatalog.byNameOrAlias(runtime);
        if (profile.isEmpty()) {
            err.println("wasm-aot size: " + ProfileCatalog.unknownProfileMessage(runtime));
            return WasmAotCli.EXIT_USAGE;
        }
        if (stack < 0 || appHeap < 0 || growPages < 0 || (pool != null && pool < 0)) {
            err.println("wasm-aot size: --stack, --app-heap, --grow-pages and --pool must not be negative");
            return WasmAotCli.EXIT_USAGE;
        }
        List<String> dirs = new ArrayList<>();
        for (String d : wasiDirs == null ? List.<String>of() : wasiDirs) {
            Path p;
            try {
                p = d.isEmpty() ? null : Path.of(d);
            } catch (InvalidPathException e) {
                p = null;
            }
            if (p == null || !Files.isDirectory(p)) {
                err.println("wasm-aot size: --wasi-dir '" + d + "': "
                        + (p != null && Files.exists(p) ? "not a directory" : "no such directory"));
                return WasmAotCli.EXIT_USAGE;
            }
            dirs.add(d); // as the host passes it: the runtime copies this string into the pool
        }
        PoolSizeCalculator.Options options;
        try {
            options = new PoolSizeCalculator.Options(stack, appHeap, wasiArgs, wasiEnv, dirs, config);
        } catch (IllegalArgumentException e) {
            err.println("wasm-aot size: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        }
        try {
            // fail on a bad profile/configuration before reading any file
            PoolSizeCalculator.facts(profile.get().name(), config);
        } catch (PoolSizeCalculator.SizingException e) {
            err.println("wasm-aot size: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return FileBatch.run(spec, operands, ".aot", (file, bytes) -> {
            AotImage image;
            try {
                image = AotReader.read(bytes, file.toString(), profile.get());
            } catch (AotFormatException e) {
                err.println(e.getMessage()
                        + e.runtimeText().map(t -> " (runtime would say: \"" + t + "\")").orElse(""));
                return false;
            }
            PoolSizeEstimate est = PoolSizeCalculator.estimate(image, bytes.length, options);
            if (target != null && !target.equals(est.isa())) {
                err.println(file + ": image is for " + est.isa() + ", not --target " + target);
                return false;
            }
            long run = PoolSizeCalculator.runGrowingBy(est, growPages);
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode node = mapper.valueToTree(est);
                if (growPages > 0) {
                    node.put("growPages", growPages);
                    node.put("runGrowing", run);
                }
                out.println(mapper.writeValueAsString(node));
            } else {
                print(out, est);
                if (growPages > 0) {
                    out.printf(Locale.ROOT, "  run _start growing %,d pages: %,d bytes%n", growPages, run);
                }
            }
            if (pool != null && run > pool) {
                err.println(file + ": " + PoolSizeCalculator.doesNotFit(est, run, pool));
                return false;
            }
            return true;
        });
    }

    private static void print(PrintWriter out, PoolSizeEstimate e) {
        out.printf(Locale.ROOT, "%s: pool for %s on %s, %s (%s)%n", e.file(), e.profile(), e.isa(), e.configuration(),
                e.buildSwitch());
        out.printf(Locale.ROOT, "  load:         %,12d bytes%n", e.load());
        out.printf(Locale.ROOT, "  instantiate:  %,12d bytes%n", e.instantiate());
        out.printf(Locale.ROOT, "  exec env:     %,12d bytes%n", e.execEnv());
        out.printf(Locale.ROOT, "  run _start:   %,12d bytes%n", e.run());
        out.printf(Locale.ROOT, "  per grown page: %,d bytes%s%n", e.perGrownPage(),
                e.perGrownPage() == 0 ? " (linear memory is mapped outside the pool)"
                        : e.growReallocates() ? " (memory.grow reallocates: old and new memory live at once)" : "");
        out.println("  breakdown:");
        for (Map.Entry<String, Long> p : e.parts().entrySet()) {
            out.printf(Locale.ROOT, "    %,10d  %s%n", p.getValue(), p.getKey());
        }
    }
}
