package io.github.wasmaot.maven.binding;

import io.github.wasmaot.format.io.AtomicOutput;
import io.github.wasmaot.wasm.WasmException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.WasmModule;
import java.io.IOException;
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
     * @param wasm           the source module
     * @param module         module name: the images are {@code <module>.aot}
     * @param packageName    Java package of the class (may be empty)
     * @param defaultProfile canonical profile that {@code open()} loads
     * @param classes        classes directory
     * @throws IOException when the module cannot be read or the class cannot be written
     * @throws IllegalArgumentException when the package is not a Java package name or the module is not valid wasm
     */
    public static GeneratedBinding generate(Path wasm, String module, String packageName, String defaultProfile,
                                            Path classes) throws IOException {
        if (!JavaNames.isPackageName(packageName)) {
            throw new IllegalArgumentException("binding package \"" + packageName + "\" is not a Java package name");
        }
        WasmModule decoded;
        try {
            decoded = ModuleDecoder.decode(Files.readAllBytes(wasm));
        } catch (WasmException e) {
            throw new IllegalArgumentException(wasm + ": " + e.getMessage(), e);
        }
        BindingModel model = BindingModel.of(decoded, module, packageName, defaultProfile);
        byte[] bytes = BindingClassWriter.write(model);
        Path file = classes.resolve(model.internalName() + ".class");
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            AtomicOutput.write(file, bytes, wasm);
        }
        String name = packageName.isEmpty() ? model.className() : packageName + "." + model.className();
        return new GeneratedBinding(name, file, model.exports().stream()
                .map(e -> e.method() + "(" + e.signature() + ")").toList(), model.skipped());
    }

    /** The package a group id gives: {@code io.github.my-org} → {@code io.github.my_org}. */
    public static String packageFor(String groupId) {
        return JavaNames.packageName(groupId);
    }
}
