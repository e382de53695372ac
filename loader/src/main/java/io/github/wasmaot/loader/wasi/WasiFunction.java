package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.host.GuestMemory;

/**
 * One wasi_snapshot_preview1 function: its WAMR native signature string (see {@link WasiSignatures}, e.g.
 * "(i*i*)i") and a body over Wasm-level arguments (addresses as linear-memory offsets).
 */
public record WasiFunction(String name, String nativeSignature, Body body) {
    @FunctionalInterface
    public interface Body {
        /** @return the result (errno), ignored for void functions */
        long call(GuestMemory memory, long[] args);
    }

    /** Parameter characters of the native signature, e.g. "i*i*". */
    public String paramChars() {
        return nativeSignature.substring(1, nativeSignature.indexOf(')'));
    }

    public boolean hasResult() {
        return !nativeSignature.endsWith(")");
    }

    public FunctionSignature wasmSignature() {
        return WasiSignatures.wasmSignature(nativeSignature);
    }
}
