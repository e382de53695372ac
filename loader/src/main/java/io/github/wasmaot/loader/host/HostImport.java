package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import java.util.Objects;

/** A host function registered for the import ({@code module}, {@code name}) with its Wasm signature. */
public record HostImport(String module, String name, FunctionSignature signature, HostFunction function) {
    public HostImport {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(function, "function");
    }
}
