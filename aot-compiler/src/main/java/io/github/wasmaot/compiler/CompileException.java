package io.github.wasmaot.compiler;

/**
 * The module cannot be compiled for the requested runtime/target: unsupported instruction or feature,
 * bad options, or an image the pinned runtime would refuse. Carries where, when known.
 */
public class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean notYetTranslated;

    public CompileException(String message) {
        this(message, null, false);
    }

    public CompileException(String message, Throwable cause) {
        this(message, cause, cause instanceof CompileException c && c.notYetTranslated());
    }

    private CompileException(String message, Throwable cause, boolean notYetTranslated) {
        super(message, cause);
        this.notYetTranslated = notYetTranslated;
    }

    /**
     * Valid wasm in the accepted feature set that this compiler does not translate yet, as opposed to bad
     * input, bad options or an image the runtime would refuse. Harnesses report such modules as skipped.
     */
    public static CompileException notYetTranslated(String message) {
        return new CompileException(message, null, true);
    }

    /** An instruction or construct of one function that this compiler does not translate yet. */
    public static CompileException unsupported(String module, int functionIndex, int offset, String what) {
        return notYetTranslated(String.format("%s: function %d: %s at offset 0x%x is not supported by this "
                + "compiler yet", module, functionIndex, what, offset));
    }

    public boolean notYetTranslated() {
        return notYetTranslated;
    }
}
