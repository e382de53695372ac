package io.github.wasmaot.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code wasm-aot run [--emulate|--native] [--invoke NAME ARGS…] FILE.aot [-- PROGRAM ARGS…]}: runs an AOT image
 * through the loader. Without {@code --invoke} it runs the WASI command ({@code _start}) with stdio passed
 * through and exits with the program's exit code; with it, it calls one export and prints each result on its
 * own line in iwasm's format ({@code 0x5:i32}). A trap prints {@code Exception: <message>} on stderr, exit 1.
 */
@Command(name = "run",
        description = "Run an AOT image: its WASI _start, or one export with --invoke.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ran (or the program's own exit code)", "1:trapped", "2:usage, load or I/O error"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--emulate", description = "Run in the Unicorn emulator (any supported ISA).")
    boolean emulate;

    @Option(names = "--native", description = "Run natively (image ISA must be the host's).")
    boolean nativ;

    @Option(names = "--invoke", paramLabel = "NAME", description = "Call this export; ARGS… before FILE.aot are its arguments.")
    String invoke;

    @Option(names = "--runtime", paramLabel = "PROFILE", description = "Runtime profile (default: detected from the image).")
    String runtime;

    @Option(names = "--heap-size", paramLabel = "BYTES", description = "App heap size, as iwasm's --heap-size.")
    Long heapSize;

    @Parameters(arity = "1..*", paramLabel = "WORDS",
            description = "[ARGS…] FILE.aot with --invoke; FILE.aot [PROGRAM ARGS…] without.")
    List<String> words;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (emulate && nativ) {
                err.println("wasm-aot run: --emulate and --native exclude each other");
                return WasmAotCli.EXIT_USAGE;
            }
            Path file = Path.of(invoke != null ? words.get(words.size() - 1) : words.get(0));
            List<String> rest = invoke != null ? words.subList(0, words.size() - 1) : words.subList(1, words.size());
            AotModule module = open(file);
            BackendKind kind = emulate ? BackendKind.EMULATED : nativ ? BackendKind.NATIVE : null;
            if (kind == null) {
                BackendChoice choice = BackendChoice.forModule(module);
                err.println("wasm-aot run: backend " + choice);
                err.flush();
                kind = choice.kind();
            }
            List<String> argv = new ArrayList<>();
            argv.add(file.toString());
            if (invoke == null) {
                argv.addAll(rest);
            }
            InstanceOptions options = new InstanceOptions(
                    heapSize == null ? OptionalLong.empty() : OptionalLong.of(heapSize),
                    WasiConfig.inheritIo(argv));
            try (Instance instance = module.instantiate(kind, options)) {
                if (invoke != null) {
                    for (WasmValue v : instance.call(invoke, arguments(invoke, instance.signature(invoke), rest))) {
                        out.println(IwasmCommand.format(v));
                    }
                } else {
                    instance.call("_start", List.of());
                }
                return 0;
            } catch (WasiExitException e) {
                return e.exitCode();
            } catch (WasmTrapException e) {
                out.flush();
                err.println(e.runtimeText());
                return 1;
            }
        } catch (LoaderException | IOException | IllegalArgumentException e) {
            err.println("wasm-aot run: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        } finally {
            System.out.flush();
            out.flush();
            err.flush();
        }
    }

    private AotModule open(Path file) throws IOException, LoaderException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        return runtime == null ? AotModule.open(bytes, file.toString())
                : AotModule.open(bytes, file.toString(), runtime);
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
