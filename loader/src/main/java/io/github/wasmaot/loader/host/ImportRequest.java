package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;

/** An imported function as the module declares it: (module, name) and its Wasm signature. */
public record ImportRequest(String module, String name, FunctionSignature signature) {
}
