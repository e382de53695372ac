package io.github.wasmaot.loader.wasi;

/**
 * One wasi_snapshot_preview1 function: its WAMR native signature string (libc_wasi_wrapper.c REG_NATIVE_FUNC,
 * e.g. "(i*i*)i": '*' and '$' are app addresses the AOT code of newer runtimes converts to native pointers,
 * '~' a length) and a body over Wasm-level arguments (addresses as linear-memory offsets).
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
}
