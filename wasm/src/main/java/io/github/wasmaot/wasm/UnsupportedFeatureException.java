package io.github.wasmaot.wasm;

/** The binary uses a WebAssembly proposal this toolchain does not implement (SIMD, threads, ...). */
public final class UnsupportedFeatureException extends MalformedModuleException {

    private final String feature;

    /** {@code what} names the construct, e.g. {@code "opcode prefix 0xfd"}. */
    public UnsupportedFeatureException(String feature, String what, int offset) {
        this(feature, "", what, offset);
    }

    /**
     * With a {@code reasonPrefix} (e.g. {@code "integer too large"}) for constructs the core spec
     * itself defines as malformed, so the message still starts with the spec's wording.
     */
    public UnsupportedFeatureException(String feature, String reasonPrefix, String what, int offset) {
        super(reason(feature, reasonPrefix, what), offset);
        this.feature = feature;
    }

    /** {@code "[reasonPrefix: ]what is not supported (feature proposal)"}. */
    static String reason(String feature, String reasonPrefix, String what) {
        return (reasonPrefix.isEmpty() ? "" : reasonPrefix + ": ") + what + " is not supported (" + feature
                + " proposal)";
    }

    /** The proposal's name, e.g. {@code "SIMD"}. */
    public String feature() {
        return feature;
    }
}
