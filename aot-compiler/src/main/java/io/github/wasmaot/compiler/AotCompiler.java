package io.github.wasmaot.compiler;

import io.github.wasmaot.compiler.codegen.ModuleTranslator;
import io.github.wasmaot.compiler.image.AotImageBuilder;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotWriter;
import io.github.wasmaot.format.io.AtomicOutput;
import io.github.wasmaot.verifier.Finding;
import io.github.wasmaot.verifier.Severity;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import io.github.wasmaot.wasm.WasmException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.WasmModule;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * WebAssembly to a WAMR AOT image for one pinned runtime and ISA: decode, validate, translate to LLVM IR,
 * emit an ELF object, build and write the image, and run the verifier on it before anything is returned.
 */
public final class AotCompiler {
    private AotCompiler() {
    }

    /** Compiles {@code wasm}; {@code name} names the module in messages and the image. */
    public static byte[] compile(byte[] wasm, String name, CompileOptions options) {
        return compile(wasm, name, options, CompileProgress.NONE);
    }

    /** As {@link #compile(byte[], String, CompileOptions)}, telling {@code progress} how far it is. */
    public static byte[] compile(byte[] wasm, String name, CompileOptions options, CompileProgress progress) {
        CodegenTarget target = CodegenTarget.resolve(options);
        WasmModule module;
        try {
            module = ModuleDecoder.decode(wasm);
            ModuleValidator.validate(module);
        } catch (WasmException e) {
            throw new CompileException(name + ": " + e.getMessage(), e);
        }
        ModuleTranslator.CompiledObject object = ModuleTranslator.compile(name, module, target, progress,
                options.effectiveThreads());
        AotImage image = AotImageBuilder.build(name, name, module, object, target);
        byte[] bytes = AotWriter.write(image);
        verify(bytes, name, target, progress);
        return bytes;
    }

    /**
     * Compiles {@code in} into {@code out} atomically: on any failure {@code out} is left untouched. {@code out} is
     * refused before compiling when it is {@code in} itself, a directory or not a regular file.
     */
    public static void compileFile(Path in, Path out, CompileOptions options) {
        compileFile(in, out, options, CompileProgress.NONE);
    }

    /** As {@link #compileFile(Path, Path, CompileOptions)}, telling {@code progress} how far it is. */
    public static void compileFile(Path in, Path out, CompileOptions options, CompileProgress progress) {
        try {
            AtomicOutput.check(out, List.of(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        byte[] wasm;
        try {
            wasm = Files.readAllBytes(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + in, e);
        }
        byte[] image = compile(wasm, in.getFileName().toString(), options, progress);
        try {
            AtomicOutput.write(out, image, in);
            progress.imageWritten(out, image.length);
        } catch (AtomicOutput.RefusedOutputException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private static void verify(byte[] image, String name, CodegenTarget target, CompileProgress progress) {
        VerificationResult result = Verifier.verify(image, name, target.profile(), Target.of(target.isa()));
        result.findings().stream().filter(f -> f.severity() == Severity.WARNING)
                .forEach(f -> progress.warning(f.message()));
        if (!result.accepted()) {
            String errors = result.errors().stream().map(Finding::message).collect(Collectors.joining("; "));
            throw new CompileException(name + ": the image would be refused by " + target.profile().name() + " on "
                    + target.isa() + " (nothing written): " + errors);
        }
    }
}
