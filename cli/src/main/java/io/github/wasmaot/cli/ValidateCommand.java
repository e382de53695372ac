package io.github.wasmaot.cli;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wasm-aot validate FILE.wasm…}: decodes and validates WebAssembly modules (MVP plus the
 * post-MVP features the compiler accepts), one line per file.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = "Decode and validate WebAssembly modules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every module is valid", "1:some module is malformed or invalid", "2:usage or I/O error"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.wasm",
            description = "WebAssembly binaries (directories: every *.wasm under them).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return FileBatch.run(spec, operands, ".wasm", (file, bytes) -> {
            String verdict = verdict(bytes);
            out.println(file + ": " + verdict);
            return verdict.equals("ok");
        });
    }

    /** {@code ok}, {@code malformed: MSG (offset N)} or {@code invalid: MSG (function F, offset N)}. */
    static String verdict(byte[] module) {
        try {
            ModuleValidator.validate(ModuleDecoder.decode(module));
            return "ok";
        } catch (MalformedModuleException e) {
            return "malformed: " + e.reason() + where(-1, e.offset());
        } catch (InvalidModuleException e) {
            return "invalid: " + e.reason() + where(e.functionIndex(), e.offset());
        }
    }

    private static String where(int function, int offset) {
        if (function >= 0) {
            return " (function " + function + ", offset " + offset + ")";
        }
        return offset >= 0 ? " (offset " + offset + ")" : "";
    }
}
