package io.github.wasmaot.wasm;

/**
 * The module decoded but failed validation. For errors inside a function body,
 * {@link #functionIndex()} is the function's index in the function index space (imports first)
 * and {@link #offset()} the byte offset of the offending instruction; otherwise
 * {@code functionIndex()} is -1.
 */
public final class InvalidModuleException extends WasmException {

    private final int functionIndex;

    public InvalidModuleException(String reason, int offset) {
        this(reason, -1, offset);
    }

    public InvalidModuleException(String reason, int functionIndex, int offset) {
        super(reason, offset, reason + (functionIndex >= 0
                ? " (function " + functionIndex + ", offset " + offset + ")"
                : " (at offset " + offset + ")"));
        this.functionIndex = functionIndex;
    }

    /** Index of the function whose body is invalid, or -1 when the error is not in code. */
    public int functionIndex() {
        return functionIndex;
    }
}
