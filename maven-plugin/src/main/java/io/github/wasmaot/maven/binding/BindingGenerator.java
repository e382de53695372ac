package io.github.wasmaot.maven.binding;

import io.github.wasmaot.format.io.AtomicOutput;
import io.github.wasmaot.wasm.WasmException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.WasmModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the binding class of a wasm module into a classes directory: one method per exported function, typed
 * from the wasm signature, over {@code io.github.wasmaot.loader.binding.BoundModule} (see
 * {@link BindingClassWriter}). The same module, package and profile give the same bytes; an unchanged class file
 * is not rewritten.
 */
public final class BindingGenerator {
    private BindingGenerator() {
    }

    /**
     * Writes the class named after the module ({@code hello} → {@code Hello}) and no source.
     *
     * @see #generate(Path, String, String, String, String, Path, Path)
     */
    public static GeneratedBinding generate(Path wasm, String module, String packageName, String defaultProfile,
                                            Path classes) throws IOException {
        return generate(wasm, module, JavaNames.className(module), packageName, defaultProfile, classes, null);
    }

    /**
     * @param wasm           the source module
     * @param module         module name: the images are {@code <module>.aot}
     * @param className      simple name of the class (see {@link BindingNames})
     * @param packageName    Java package of the class (may be empty)
     * @param defaultProfile canonical profile that {@code open()} loads
     * @param classes        classes directory
     * @param sources        directory that receives the class's Java source, {@code <package>/<Class>.java}; null:
     *                       none
     * @throws IOException when the module cannot be read or the class cannot be written
     * @throws IllegalArgumentException when the package is not a Java package name or the module is not valid wasm
     */
    public static GeneratedBinding generate(Path wasm, String module, String className, String packageName,
                                            String defaultProfile, Path classes, Path sources) throws IOException {
        if (!JavaNames.isPackageName(packageName)) {
            throw new IllegalArgumentException("binding package \"" + packageName + "\" is not a Java package name");
        }
        WasmModule decoded;
        try {
            decoded = ModuleDecoder.decode(Files.readAllBytes(wasm));
        } catch (WasmException e) {
            throw new IllegalArgumentException(wasm + ": " + e.getMessage(), e);
        }
        BindingModel model = BindingModel.of(decoded, module, className, packageName, defaultProfile);
        Path file = classes.resolve(model.internalName() + ".class");
        writeIfChanged(file, BindingClassWriter.write(model), wasm);
        Path source = null;
        if (sources != null) {
            source = sources.resolve(model.internalName() + ".java");
            writeIfChanged(source, BindingSourceWriter.write(model, wasm.getFileName().toString())
                    .getBytes(StandardCharsets.UTF_8), wasm);
        }
        String name = packageName.isEmpty() ? model.className() : packageName + "." + model.className();
        return new GeneratedBinding(name, file, source, model.exports().stream()
                .map(e -> e.method() + "(" + e.signature() + ")").toList(), model.skipped());
    }

    /** Writes {@code bytes} unless the file holds them already; never over {@code input}, the module. */
    private static void writeIfChanged(Path file, byte[] bytes, Path input) throws IOException {
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            AtomicOutput.write(file, bytes, input);
        }
    }

    /** The package a group id gives: {@code io.github.my-org} → {@code io.github.my_org}. */
    public static String packageFor(String groupId) {
        return JavaNames.packageName(groupId);
    }
}
