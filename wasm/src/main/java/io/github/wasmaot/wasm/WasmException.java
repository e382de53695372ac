package io.github.wasmaot.wasm;

/**
 * A WebAssembly module was rejected. {@link #reason()} is the bare message (worded like the spec
 * reference interpreter where it has one); {@link #offset()} is the byte offset in the module
 * binary the problem was found at, or -1 when not tied to a position.
 */
public abstract sealed class WasmException extends RuntimeException
        permits MalformedModuleException, InvalidModuleException {

    private final String reason;
    private final int offset;

    protected WasmException(String reason, int offset, String message) {
        super(message);
        this.reason = reason;
        this.offset = offset;
    }

    /** The message without position information, e.g. {@code "type mismatch"}. */
    public String reason() {
        return reason;
    }

    /** Byte offset in the module binary, or -1. */
    public int offset() {
        return offset;
    }
}
