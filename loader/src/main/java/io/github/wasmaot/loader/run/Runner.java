package io.github.wasmaot.loader.run;

import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.IwasmCommand;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.WasiExitException;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.loader.wasi.WasiPreopen;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs an AOT image once, as {@code wasm-aot run} and iwasm do: the WASI command ({@code _start}) or one export,
 * on the backend the loader picks (or the one requested), capturing what iwasm would print. The one entry point
 * shared by the Maven plugin's {@code run} goal and build scripts.
 */
public final class Runner {
    private Runner() {
    }

    /**
     * Runs the request. A trap or a WASI {@code proc_exit} is a result, not an exception.
     *
     * @throws IOException     when the image cannot be read
     * @throws LoaderException when the image cannot be loaded or instantiated (wrong profile or ISA, a trap in
     *                         its start function), the requested backend cannot run it here, the export does not
     *                         exist, or the arguments do not fit its signature
     */
    public static RunResult run(RunRequest request) throws IOException, LoaderException {
        return run(request, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    /**
     * Runs the request as {@link #run(RunRequest)} does and also streams the program's WASI stdout and stderr to
     * {@code liveOut} and {@code liveErr} as it writes them (a console, for {@code wasm-aot run}).
     */
    public static RunResult run(RunRequest request, OutputStream liveOut, OutputStream liveErr)
            throws IOException, LoaderException {
        Path file = request.image();
        AotModule module = open(file, request.runtime());
        BackendChoice choice = choose(module, request.backend());
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        if (request.invoke().isEmpty()) {
            argv.addAll(request.args());
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        checkPreopens(request.wasi());
        InstanceOptions options = new InstanceOptions(request.heapSize(),
                new WasiConfig(argv, new TeeOutputStream(stdout, liveOut), new TeeOutputStream(stderr, liveErr))
                        .withEnvEntries(request.wasi().env()).withStdin(request.wasi().stdin())
                        .withPreopens(request.wasi().preopens())
                        .withWorkingDirectory(request.wasi().workingDirectory()));
        if (request.timeout().isPresent()) {
            options = options.withTimeout(request.timeout().get());
        }
        List<WasmValue> results = List.of();
        Optional<String> trap = Optional.empty();
        int exit = 0;
        StringBuilder printed = new StringBuilder();
        try (Instance instance = module.instantiate(choice.kind(), options)) {
            try {
                if (request.invoke().isPresent()) {
                    String export = request.invoke().get();
                    results = instance.call(export, arguments(export, instance.signature(export), request.args()));
                    printed.append(results.stream().map(IwasmCommand::format).collect(Collectors.joining(",")))
                            .append('\n');
                } else {
                    instance.call("_start", List.of());
                }
            } catch (WasiExitException e) {
                exit = e.exitCode();
            } catch (WasmTrapException e) {
                trap = Optional.of(e.runtimeText());
                printed.append(e.runtimeText()).append('\n');
                exit = 1;
            }
        }
        String out = stdout.toString(StandardCharsets.UTF_8) + printed;
        return new RunResult(choice, out, stderr.toString(StandardCharsets.UTF_8), results, trap, exit,
                engine(choice.kind(), module.isa()));
    }

    /** What executes {@code isa} code on {@code kind}: the host CPU, or which Unicorn library (and version). */
    private static String engine(BackendKind kind, io.github.wasmaot.loader.Isa isa) {
        return switch (kind) {
            case NATIVE -> "native " + isa.label() + " on this CPU";
            case EMULATED -> String.valueOf(io.github.wasmaot.loader.backend.EmulatedBackend.libraryDescription(isa));
        };
    }

    /** iwasm refuses to start when a preopened directory is missing ("error while pre-opening directory"). */
    private static void checkPreopens(WasiOptions wasi) throws IOException {
        for (WasiPreopen p : wasi.preopens()) {
            if (!Files.isDirectory(p.hostPath())) {
                throw new IOException("error while pre-opening directory " + p.hostPath() + ": "
                        + (Files.exists(p.hostPath()) ? "not a directory" : "no such directory"));
            }
        }
    }

    private static AotModule open(Path file, Optional<String> runtime) throws IOException, LoaderException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        return runtime.isPresent() ? AotModule.open(bytes, file.toString(), runtime.get())
                : AotModule.open(bytes, file.toString());
    }

    private static BackendChoice choose(AotModule module, BackendPreference preference) throws LoaderException {
        Optional<BackendKind> forced = preference.kind();
        if (forced.isEmpty()) {
            return BackendChoice.forModule(module);
        }
        String why = forced.get().unavailableReason(module.isa());
        if (why != null) {
            throw new LoaderException("backend " + preference.name().toLowerCase(Locale.ROOT) + " cannot run "
                    + module.isa().label() + " images here: " + why);
        }
        return new BackendChoice(forced.get(), "requested");
    }

    private static List<WasmValue> arguments(String export, FunctionSignature sig, List<String> args)
            throws LoaderException {
        if (args.size() != sig.params().size()) {
            throw new LoaderException("export \"" + export + "\" takes " + sig.params().size() + " arguments, got "
                    + args.size());
        }
        List<WasmValue> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            values.add(IwasmCommand.parse(sig.params().get(i), args.get(i)));
        }
        return values;
    }
}
