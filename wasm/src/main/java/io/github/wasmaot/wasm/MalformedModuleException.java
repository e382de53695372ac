package io.github.wasmaot.wasm;

/** The binary could not be decoded: it is not a well-formed WebAssembly module. */
public sealed class MalformedModuleException extends WasmException permits UnsupportedFeatureException {

    public MalformedModuleException(String reason, int offset) {
        super(reason, offset, reason + " (at offset " + offset + ")");
    }
}
