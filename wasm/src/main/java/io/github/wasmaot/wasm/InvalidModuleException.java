package io.github.wasmaot.wasm;

/**
 * The module decoded but failed validation. For errors inside a function body,
 * {@link #functionIndex()} is the function's index in the function index space (imports first)
 * and {@link #offset()} the byte offset of the offending instruction; otherwise
 * {@code functionIndex()} is -1.
 */
public final class InvalidModuleException extends WasmException {

    private final int functionIndex;
    private final String feature;

    public InvalidModuleException(String reason, int offset) {
        this(reason, -1, offset);
    }

    public InvalidModuleException(String reason, int functionIndex, int offset) {
        this(reason, functionIndex, offset, null);
    }

    private InvalidModuleException(String reason, int functionIndex, int offset, String feature) {
        super(reason, offset, reason + (functionIndex >= 0
                ? " (function " + functionIndex + ", offset " + offset + ")"
                : " (at offset " + offset + ")"));
        this.functionIndex = functionIndex;
        this.feature = feature;
    }

    /**
     * A construct the core spec calls invalid but a proposal allows, which this toolchain does not implement: the
     * reason starts with the spec's wording ({@code reasonPrefix}, e.g. {@code "multiple memories"}) and names the
     * proposal, as {@link UnsupportedFeatureException} does for malformed bytes.
     */
    public static InvalidModuleException unsupported(String feature, String reasonPrefix, String what, int offset) {
        return new InvalidModuleException(UnsupportedFeatureException.reason(feature, reasonPrefix, what), -1, offset,
                feature);
    }

    /** The proposal a construct belongs to when the module is invalid only for lack of it, e.g. {@code "GC"}. */
    public java.util.Optional<String> feature() {
        return java.util.Optional.ofNullable(feature);
    }

    /** Index of the function whose body is invalid, or -1 when the error is not in code. */
    public int functionIndex() {
        return functionIndex;
    }
}
