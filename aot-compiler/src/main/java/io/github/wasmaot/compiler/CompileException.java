package io.github.wasmaot.compiler;

/**
 * The module cannot be compiled for the requested runtime/target: unsupported instruction or feature,
 * bad options, or an image the pinned runtime would refuse. Carries where, when known.
 */
public class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An instruction or construct of one function that this compiler does not translate. */
    public static CompileException unsupported(String module, int functionIndex, int offset, String what) {
        return new CompileException(String.format("%s: function %d: %s at offset 0x%x is not supported by this "
                + "compiler yet", module, functionIndex, what, offset));
    }
}
